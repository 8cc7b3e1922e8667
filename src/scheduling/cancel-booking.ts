import type { TenantId } from '../core/ids.ts';
import { cancelEvents } from '../graph/events.ts';
import { loadBooking, type Actor } from './booking-access.ts';
import { bookingView, type BookingView } from './booking-view.ts';
import type { SchedulingDeps } from './deps.ts';
import { saveBookings } from './save-bookings.ts';

/**
 * Cancels a pair's whole booking: every series Upward created is cancelled by its organiser
 * (Graph tells the partner), sessions still to come are marked cancelled, past ones stay as
 * they were. A series already gone from Graph (404) counts as cancelled. Cancelling twice is
 * harmless.
 */
export async function cancelBooking(deps: SchedulingDeps, tenantId: TenantId, actor: Actor, id: string, comment = 'This mentoring series is cancelled.'): Promise<BookingView> {
  const booking = await loadBooking(deps, tenantId, actor, id);
  if (booking.state === 'cancelled') return bookingView(booking);
  const ctx = deps.graphFor(tenantId);
  const live = booking.series.filter((s) => s.eventId !== null);
  if (live.length > 0) {
    const answers = await cancelEvents(
      ctx.client,
      live.map((s) => ({ key: String(s.segment), userId: booking.organiser.userId, eventId: s.eventId!, comment, what: `the series of pair ${booking.pairId}` })),
      ctx.batch,
    );
    for (const answer of answers.values()) if (!answer.ok && answer.error.status !== 404) throw answer.error;
  }
  const now = deps.now();
  const [saved] = await saveBookings(deps, tenantId, [{
    ...booking,
    state: 'cancelled',
    occurrences: booking.occurrences.map((o) => (o.start > now ? { ...o, status: 'cancelled' as const, conflict: null } : o)),
  }]);
  return bookingView(saved!);
}
