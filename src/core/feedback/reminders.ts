/** When to ask for feedback, and who to remind because they have not answered. */
import type { UserId } from '../ids.ts';
import { nextSessionOf, sessionsByPair, type PairId, type Session, type SessionId } from '../sessions/session.ts';
import { DAY_MS, epochMs, MINUTE_MS, type EpochMs } from '../time.ts';
import { feedbackClosesAt } from './edit-window.ts';
import type { Feedback } from './feedback.ts';

/** The feedback card goes out this long after a session's scheduled end. */
export const FEEDBACK_REQUEST_DELAY_MS = 10 * MINUTE_MS;
/** A person who has not answered this long after the end gets one reminder. */
export const FEEDBACK_REMINDER_AFTER_MS = 2 * DAY_MS;

/** When to send the feedback card of a session: shortly after its scheduled end. */
export const feedbackRequestTime = (session: Pick<Session, 'end'>): EpochMs => epochMs(session.end + FEEDBACK_REQUEST_DELAY_MS);

export interface FeedbackReminder {
  /** Exactly-once key for the job that sends it: one reminder per session and person, ever. */
  readonly key: string;
  readonly sessionId: SessionId;
  readonly pairId: PairId;
  readonly userId: UserId;
  /** Feedback is accepted until then (the reminder says so). */
  readonly closesAt: EpochMs;
}

/**
 * The reminders due at `now`: for every person of every session that ended at least
 * `FEEDBACK_REMINDER_AFTER_MS` ago, is not cancelled, is still open for feedback (before the
 * pair's next session) and has no feedback from them. The same reminder comes back on every call
 * until it is answered or closes; its `key` (or `sent`) makes sending it once the caller's job.
 */
export function dueReminders(
  sessions: readonly Session[],
  feedbacks: readonly Pick<Feedback, 'sessionId' | 'authorId'>[],
  now: EpochMs,
  sent: ReadonlySet<string> = new Set(),
): FeedbackReminder[] {
  const answered = new Set(feedbacks.map((f) => `${f.sessionId}/${f.authorId}`));
  const due: FeedbackReminder[] = [];
  for (const pairSessions of sessionsByPair(sessions).values()) {
    for (const session of pairSessions) {
      if (session.cancelled || now < session.end + FEEDBACK_REMINDER_AFTER_MS) continue;
      const closesAt = feedbackClosesAt(session.end, nextSessionOf(session, pairSessions)?.start ?? null);
      if (now >= closesAt) continue;
      for (const userId of session.people) {
        const key = `feedback-reminder:${session.id}:${userId}`;
        if (answered.has(`${session.id}/${userId}`) || sent.has(key)) continue;
        due.push({ key, sessionId: session.id, pairId: session.pairId, userId, closesAt });
      }
    }
  }
  return due;
}
