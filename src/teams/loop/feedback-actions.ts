/**
 * The feedback card's Universal Actions: submit (validate, store once, thank), refresh and open
 * (the reader's own view), edit (the form again with their answers). Who acts comes from the
 * activity; ids in `data` only say which session, and the actor must be one of its people.
 */
import { feedbackClosesAt, canEdit } from '../../core/feedback/edit-window.ts';
import type { Feedback, FeedbackSubmission } from '../../core/feedback/feedback.ts';
import { recordFeedback } from '../../core/feedback/record.ts';
import { feedbackFormValues, formValuesOf, validateFeedback } from '../../core/feedback/schema.ts';
import { visibleTo } from '../../core/feedback/visibility.ts';
import { UpwardError } from '../../core/errors.ts';
import type { TenantId, UserId } from '../../core/ids.ts';
import { withOutcomes } from '../../core/sessions/outcome.ts';
import { pairProgress } from '../../core/sessions/progress.ts';
import { sessionId as toSessionId } from '../../core/sessions/session.ts';
import { feedbackCard, type FeedbackCardView, type FeedbackSessionView } from '../cards/feedback-card.ts';
import { CARD_VERBS } from '../cards/card-verbs.ts';
import { readersOf } from './card-people.ts';
import { cardResponse, messageResponse, type LoopInvokeResponse } from './invoke-response.ts';
import type { LoopPorts, LoopSession } from './ports.ts';

/** Who acted on a card, from the activity (never from the card's data). */
export interface CardActor {
  readonly tenantId: TenantId;
  readonly userId: UserId;
  /** The id Teams sent for them (`from.id`), for the card's refresh list. */
  readonly teamsUserId: string;
}

/** The verbs this file answers. */
export const FEEDBACK_VERBS: ReadonlySet<string> = new Set([
  CARD_VERBS.feedbackSubmit,
  CARD_VERBS.feedbackRefresh,
  CARD_VERBS.feedbackOpen,
  CARD_VERBS.feedbackEdit,
]);

const NOT_YOURS = 'This feedback card belongs to someone else: only the people of that session can answer it.';
const UNKNOWN = 'I could not find that session any more. It may have been cancelled.';

/** Answers one feedback verb for `actor`. */
export async function handleFeedbackAction(ports: LoopPorts, actor: CardActor, verb: string, data: Record<string, unknown>): Promise<LoopInvokeResponse> {
  const id = typeof data['sessionId'] === 'string' ? toSessionId(data['sessionId']) : undefined;
  const found = id === undefined ? undefined : await ports.sessions.find(actor.tenantId, id);
  if (found === undefined) return messageResponse(UNKNOWN);
  if (!found.session.people.includes(actor.userId)) return messageResponse(NOT_YOURS);

  const now = ports.now();
  // One read serves every verb: the pair's feedback holds the reader's own record and what the
  // thank-you's progress counts.
  const pairFeedback = await ports.feedback.listForPair(actor.tenantId, found.session.pairId);
  const existing = pairFeedback.find((f) => f.sessionId === found.session.id && f.authorId === actor.userId);
  const closesAt = feedbackClosesAt(found.session.end, found.nextStart);
  // A card sent ahead by a program admin keeps saying "answer once you have met" until the session ends.
  const base = { readers: readersOf(found.people, actor.userId, actor.teamsUserId), session: sessionView(found), upcoming: now < found.session.end };

  if (verb === CARD_VERBS.feedbackSubmit) return submit(ports, actor, found, pairFeedback, existing, data);
  if (verb === CARD_VERBS.feedbackEdit && existing !== undefined && canEdit(existing, found.nextStart, now)) {
    return cardResponse(feedbackCard({ kind: 'form', ...base, values: formValuesOf(existing), closesAt }));
  }
  // Refresh, open, or an edit that came too late: the reader's own view.
  if (existing !== undefined) return cardResponse(feedbackCard(thanksView(ports, actor, found, pairFeedback, existing)));
  if (now >= closesAt) return messageResponse('Feedback on this session is closed.');
  return cardResponse(feedbackCard({ kind: 'form', ...base, closesAt }));
}

async function submit(
  ports: LoopPorts,
  actor: CardActor,
  found: LoopSession,
  pairFeedback: readonly Feedback[],
  existing: Feedback | undefined,
  data: Record<string, unknown>,
): Promise<LoopInvokeResponse> {
  const base = { readers: readersOf(found.people, actor.userId, actor.teamsUserId), session: sessionView(found), upcoming: ports.now() < found.session.end };
  const closesAt = feedbackClosesAt(found.session.end, found.nextStart);
  const checked = validateFeedback(data);
  if (!checked.ok) {
    // Nothing is stored: the form comes back with what they typed and each error in place.
    return cardResponse(feedbackCard({ kind: 'form', ...base, values: feedbackFormValues(data), errors: checked.errors, closesAt }));
  }
  const stored = await store(ports, actor, found, existing, checked.value);
  if (stored === null) return messageResponse('Feedback on this session is closed, so your answers were not saved.');
  // The pair's feedback as read before storing, with this record as it is stored now.
  const withStored = [...pairFeedback.filter((f) => f.key !== stored.key), stored];
  return cardResponse(feedbackCard(thanksView(ports, actor, found, withStored, stored)));
}

/** Stores the submission by `recordFeedback`'s rules; `null` when the window has closed. */
async function store(ports: LoopPorts, actor: CardActor, found: LoopSession, existing: Feedback | undefined, value: FeedbackSubmission): Promise<Feedback | null> {
  const target = { sessionId: found.session.id, pairId: found.session.pairId, authorId: actor.userId, sessionEnd: found.session.end };
  const outcome = recordFeedback(existing, target, value, found.nextStart, ports.now());
  switch (outcome.kind) {
    case 'created':
      // A racing duplicate click inserts nothing and gets the first record back.
      return ports.feedback.insert(actor.tenantId, outcome.feedback);
    case 'updated':
      try {
        return await ports.feedback.update(actor.tenantId, outcome.feedback);
      } catch (error) {
        // Someone (the same person's other click) saved in between: what is stored now stands.
        if (error instanceof UpwardError && error.code === 'conflict') {
          return (await ports.feedback.get(actor.tenantId, found.session.id, actor.userId)) ?? null;
        }
        throw error;
      }
    case 'unchanged':
      return outcome.feedback;
    case 'closed':
      return outcome.feedback;
  }
}

/** The author's thank-you, with the pair's progress counted from `pairFeedback` (which holds `feedback`). */
function thanksView(ports: LoopPorts, actor: CardActor, found: LoopSession, pairFeedback: readonly Feedback[], feedback: Feedback): FeedbackCardView {
  // Built from what the author may see (everything of their own), the same rule every surface uses.
  const own = visibleTo(feedback, 'author');
  if (own === null) throw new Error('an author always sees their own feedback');
  const submission: FeedbackSubmission = {
    happened: feedback.happened,
    rating: own.rating ?? null,
    learned: own.learned ?? '',
    taught: own.taught ?? '',
    action: own.action ?? '',
    privateNote: own.privateNote ?? '',
    shareWithPartner: own.shareWithPartner ?? false,
  };
  const progress = pairProgress(withOutcomes(found.pairSessions, pairFeedback));
  const open = canEdit(feedback, found.nextStart, ports.now());
  return {
    kind: 'thanks',
    readers: readersOf(found.people, actor.userId, actor.teamsUserId),
    session: sessionView(found),
    feedback: submission,
    progress,
    editableUntil: open ? feedbackClosesAt(feedback.sessionEnd, found.nextStart) : null,
  };
}

function sessionView(found: LoopSession): FeedbackSessionView {
  const { session } = found;
  return { sessionId: session.id, pairId: session.pairId, index: session.index, count: found.count, start: session.start };
}
