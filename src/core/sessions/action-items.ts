/**
 * Action items: the "one action I'll take" of last session's feedback, shown on the next agenda.
 * Free text, so it follows the feedback rule: only its author sees it unless it was shared.
 */
import type { UserId } from '../ids.ts';
import type { Feedback } from '../feedback/feedback.ts';
import type { SessionId } from './session.ts';

export interface ActionItem {
  readonly sessionId: SessionId;
  readonly ownerId: UserId;
  readonly text: string;
  readonly done: boolean;
  /** True only when the owner chose to show it to the pair. */
  readonly sharedWithPair: boolean;
}

/**
 * The open action items of a session's feedback. The feedback toggle shares only "learned" and
 * "taught", so an action from feedback is never shared: it reaches only its author's agenda.
 */
export function actionItemsFrom(feedbacks: readonly Pick<Feedback, 'sessionId' | 'authorId' | 'action'>[]): ActionItem[] {
  return feedbacks
    .filter((feedback) => feedback.action.trim() !== '')
    .map((feedback) => ({
      sessionId: feedback.sessionId,
      ownerId: feedback.authorId,
      text: feedback.action.trim(),
      done: false,
      sharedWithPair: false,
    }));
}

/** The open items `viewerId` may see: their own, and those their owner shared with the pair. */
export function actionsVisibleTo(items: readonly ActionItem[], viewerId: UserId): ActionItem[] {
  return items.filter((item) => !item.done && (item.ownerId === viewerId || item.sharedWithPair));
}
