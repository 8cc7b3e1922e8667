/** What each kind of reader may see of one person's feedback (the table is in `audience.ts`). */
import type { UserId } from '../ids.ts';
import { FEEDBACK_AUDIENCE } from './audience.ts';
import { FEEDBACK_FIELDS, type Feedback, type FeedbackSubmission } from './feedback.ts';

export type FeedbackViewer = 'author' | 'partner' | 'admin' | 'manager';

/** The part of a feedback record a reader may see: ids plus only the answers open to them. */
export type VisibleFeedback = Pick<Feedback, 'key' | 'sessionId' | 'pairId' | 'authorId'> & Partial<FeedbackSubmission>;

/**
 * The answers of `feedback` that `viewer` may see, or `null` when there is nothing for them. The
 * author sees everything; the partner sees "learned" and "taught" only if the author shared them,
 * and nothing else (not the rating, not whether the author said they came); the program team and
 * managers see nothing per person — only `aggregateRatings` and counts, computed elsewhere.
 */
export function visibleTo(feedback: Feedback, viewer: FeedbackViewer): VisibleFeedback | null {
  const ids = { key: feedback.key, sessionId: feedback.sessionId, pairId: feedback.pairId, authorId: feedback.authorId };
  if (viewer === 'author') {
    const own: Record<string, unknown> = { ...ids };
    for (const field of FEEDBACK_FIELDS) own[field] = feedback[field];
    return own as VisibleFeedback;
  }
  if (viewer !== 'partner') return null;
  const shown: Record<string, unknown> = {};
  for (const field of FEEDBACK_FIELDS) {
    if (FEEDBACK_AUDIENCE[field].partner === 'if-shared' && feedback.shareWithPartner && feedback[field] !== '') {
      shown[field] = feedback[field];
    }
  }
  return Object.keys(shown).length === 0 ? null : ({ ...ids, ...shown } as VisibleFeedback);
}

/**
 * How a signed-in person relates to a feedback record: its `author`, a `partner` (someone else in
 * the pair), or `undefined` — then they see it only through aggregates, whatever their role.
 */
export function viewerOf(feedback: Pick<Feedback, 'authorId'>, viewerId: UserId, pairPeople: readonly UserId[]): 'author' | 'partner' | undefined {
  if (viewerId === feedback.authorId) return 'author';
  return pairPeople.includes(viewerId) && pairPeople.includes(feedback.authorId) ? 'partner' : undefined;
}
