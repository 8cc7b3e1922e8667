import { feedbackKey, type Feedback } from '../../../src/core/feedback/feedback.ts';
import { userId, type UserId } from '../../../src/core/ids.ts';
import { pairId, sessionId, type Session } from '../../../src/core/sessions/session.ts';
import { epochMs, HOUR_MS } from '../../../src/core/time.ts';

export const A = userId('u-junior');
export const B = userId('u-senior');
export const PAIR = pairId('pair-1');
export const T0 = Date.UTC(2026, 2, 2, 10);
export const WEEK = 7 * 24 * HOUR_MS;

/** Session `index` (1-based) of PAIR, weekly from T0, 45 minutes. */
export function session(index: number, extra: Partial<Session> = {}): Session {
  const start = T0 + (index - 1) * WEEK;
  return {
    id: sessionId(`s${index}`),
    pairId: PAIR,
    index,
    start: epochMs(start),
    end: epochMs(start + 45 * 60_000),
    people: [A, B],
    ...extra,
  };
}

export function feedback(s: Session, authorId: UserId, extra: Partial<Feedback> = {}): Feedback {
  return {
    key: feedbackKey(s.id, authorId),
    sessionId: s.id,
    pairId: s.pairId,
    authorId,
    sessionEnd: s.end,
    submittedAt: epochMs(s.end + HOUR_MS),
    updatedAt: epochMs(s.end + HOUR_MS),
    revision: 1,
    happened: 'held',
    rating: 4,
    learned: 'learned text',
    taught: 'taught text',
    action: 'action text',
    privateNote: 'private text',
    shareWithPartner: false,
    ...extra,
  };
}
