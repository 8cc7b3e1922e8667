import type { SessionView } from '../../../contracts/bookings.ts';
import type { MyFeedback } from '../../../contracts/feedback.ts';

/** What a participant sees of one occurrence. */
export type OccurrenceStatus = 'upcoming' | 'moved' | 'held' | 'missed' | 'cancelled';

/**
 * The status of one occurrence at `now`. Past sessions count as held unless my own feedback on
 * that session (same pair, same scheduled end) says the partner did not come: then missed.
 */
export function occurrenceStatus(session: SessionView, now: number, pairId: string, feedback: readonly MyFeedback[]): OccurrenceStatus {
  if (session.status === 'cancelled' || session.status === 'unplaced') return 'cancelled';
  const end = Date.parse(session.end);
  if (end > now) return session.status === 'moved' ? 'moved' : 'upcoming';
  const mine = feedback.find((f) => f.pairId === pairId && f.sessionEnd === end);
  return mine?.happened === 'no-show' ? 'missed' : 'held';
}

/** Badge colour per status. */
export const STATUS_COLOR = {
  upcoming: 'brand',
  moved: 'warning',
  held: 'success',
  missed: 'danger',
  cancelled: 'informative',
} as const satisfies Record<OccurrenceStatus, string>;
