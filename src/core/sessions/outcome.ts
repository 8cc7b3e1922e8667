/** How a session went, derived from what its people said in their feedback. */
import type { Feedback } from '../feedback/feedback.ts';
import type { Session, SessionOutcome, SessionWithOutcome } from './session.ts';

/**
 * The outcome of one session from its feedback. One "held" is enough: if one side says the
 * session was held and the other says it was not, Upward believes the held (a missed session
 * starts a check-in, and nobody should be nudged on a disputed report). Then "my partner didn't
 * come" makes it `missed`, then "rescheduled"; with no feedback it is `unknown`.
 */
export function outcomeOf(session: Session, feedbacks: readonly Pick<Feedback, 'sessionId' | 'happened'>[]): SessionOutcome {
  if (session.cancelled) return 'cancelled';
  let missed = false;
  let rescheduled = false;
  for (const feedback of feedbacks) {
    if (feedback.sessionId !== session.id) continue;
    if (feedback.happened === 'held') return 'held';
    if (feedback.happened === 'no-show') missed = true;
    else if (feedback.happened === 'rescheduled') rescheduled = true;
  }
  if (missed) return 'missed';
  return rescheduled ? 'rescheduled' : 'unknown';
}

/** Every session with its outcome from the given feedback. */
export function withOutcomes(
  sessions: readonly Session[],
  feedbacks: readonly Pick<Feedback, 'sessionId' | 'happened'>[],
): SessionWithOutcome[] {
  const bySession = new Map<string, Pick<Feedback, 'sessionId' | 'happened'>[]>();
  for (const feedback of feedbacks) {
    const list = bySession.get(feedback.sessionId);
    if (list) list.push(feedback);
    else bySession.set(feedback.sessionId, [feedback]);
  }
  return sessions.map((session) => ({ ...session, outcome: outcomeOf(session, bySession.get(session.id) ?? []) }));
}
