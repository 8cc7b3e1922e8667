/** How long feedback stays open: until the pair's next session starts. */
import { DAY_MS, epochMs, type EpochMs } from '../time.ts';
import type { Feedback } from './feedback.ts';

/** After a pair's last session there is no next one: feedback stays open this long after its end. */
export const LAST_SESSION_EDIT_DAYS = 14;

/**
 * The instant feedback on a session stops being accepted: the start of the pair's next session,
 * or `LAST_SESSION_EDIT_DAYS` after the end of the last one. Feedback written after the next
 * session has begun would mix up two sessions.
 */
export function feedbackClosesAt(sessionEnd: EpochMs, nextSessionStart: EpochMs | null): EpochMs {
  return nextSessionStart ?? epochMs(sessionEnd + LAST_SESSION_EDIT_DAYS * DAY_MS);
}

/** True while the author may still change `feedback` (see `feedbackClosesAt`). */
export function canEdit(feedback: Pick<Feedback, 'sessionEnd'>, nextSessionStart: EpochMs | null, now: EpochMs): boolean {
  return now < feedbackClosesAt(feedback.sessionEnd, nextSessionStart);
}
