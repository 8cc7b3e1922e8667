import { UpwardError } from '../core/errors.ts';
import type { TenantId } from '../core/ids.ts';
import { findSeriesSlot } from '../core/scheduling/search.ts';
import type { Participant } from '../core/scheduling/types.ts';
import { patchEvents } from '../graph/events.ts';
import type { BookingRecord, StoredSeries } from '../store/bookings.ts';
import { advanceBooking } from './advance-booking.ts';
import { loadBooking, requireBooked, upcomingSession, type Actor } from './booking-access.ts';
import { UNPLACED_COMMENT } from './book-series.ts';
import { bookingView, type BookingView } from './booking-view.ts';
import type { SchedulingDeps } from './deps.ts';
import type { GraphContext } from './graph-context.ts';
import { readPairNow, type PersonNow } from './pair-calendars.ts';
import { withPlan } from './plan-bookings.ts';
import { termWindow } from './read-calendars.ts';
import { saveBookings } from './save-bookings.ts';
import { bookingEventBody } from './series-event.ts';
import { applySessionChanges, type SessionChange } from './session-changes.ts';

/**
 * Finds a new recurring time for the rest of a pair's term, from session `fromIndex` on, and
 * books it. From the first session of the current series, the series itself is moved (one PATCH;
 * Graph drops its exceptions, so clashing sessions are moved again). From a later session, the
 * current series is ended before it (one PATCH, then its earlier moved sessions are re-applied,
 * since Graph drops exceptions when a recurrence changes) and a new series starts — with its own
 * deterministic transaction id, so a retry never creates it twice.
 * @throws `conflict` with the search's reason when no time is free for the rest of the term.
 */
export async function rescheduleRest(deps: SchedulingDeps, tenantId: TenantId, actor: Actor, id: string, fromIndex: number): Promise<BookingView> {
  const booking = await loadBooking(deps, tenantId, actor, id);
  requireBooked(booking);
  const now = deps.now();
  const session = upcomingSession(booking, fromIndex, now);
  const segment = session.segment;
  const current = booking.series.find((s) => s.segment === segment);
  if (current?.eventId == null) throw new UpwardError('conflict', `Session ${fromIndex} of pair ${booking.pairId} has no series in Graph`);
  if (booking.series.some((s) => s.segment > segment)) throw new UpwardError('conflict', 'Reschedule from a session of the latest series');

  const ctx = deps.graphFor(tenantId);
  const term = { start: session.date, end: booking.settings.term.end };
  const window = termWindow(term, now);
  const { organiser, attendee } = await readPairNow(ctx, booking, window.from, window.to);
  const result = findSeriesSlot({
    organiser: participant(organiser),
    attendee: participant(attendee),
    cadence: booking.settings.cadence,
    durationMinutes: booking.settings.durationMinutes,
    term,
    now,
  });
  if (result.kind === 'no-slot') throw new UpwardError('conflict', result.reason);

  const wholeSeries = booking.occurrences.every((o) => o.segment !== segment || o.index >= fromIndex);
  if (wholeSeries) {
    const planned = withPlan(booking, result, segment, fromIndex);
    const moved = planned.series.find((s) => s.segment === segment)!;
    const kept: StoredSeries = { ...moved, eventId: current.eventId, iCalUId: current.iCalUId, joinUrl: current.joinUrl };
    await patchSeries(ctx, booking, current.eventId, { ...bookingEventBody(planned, kept), transactionId: undefined });
    const needsChanges = planned.occurrences.some((o) => o.segment === segment && (o.status === 'moved' || o.status === 'unplaced'));
    const next: BookingRecord = { ...planned, state: needsChanges ? 'created' : 'booked', series: planned.series.map((s) => (s.segment === segment ? kept : s)) };
    const [saved] = await saveBookings(deps, tenantId, [{ ...next, version: booking.version }]);
    return bookingView(await advanceBooking(deps, ctx, tenantId, saved!));
  }

  const earlier = booking.occurrences.filter((o) => o.segment === segment && o.index < fromIndex);
  const lastKept = earlier[earlier.length - 1]!;
  await patchSeries(ctx, booking, current.eventId, { recurrence: { ...current.recurrence, range: { ...current.recurrence.range, endDate: lastKept.date } } });
  // Graph dropped this series' exceptions with the recurrence change: put the future ones back.
  const again = earlier.filter((o) => o.originalStart > now).flatMap((o): SessionChange[] => {
    if (o.status === 'moved') return [{ kind: 'move', originalStart: o.originalStart, start: o.start, end: o.end }];
    if (o.status === 'cancelled' || o.status === 'unplaced') return [{ kind: 'cancel', originalStart: o.originalStart, comment: UNPLACED_COMMENT }];
    return [];
  });
  const outcome = (await applySessionChanges(ctx, [{ key: booking.id, userId: booking.organiser.userId, seriesId: current.eventId, what: `the series of pair ${booking.pairId}`, changes: again }])).get(booking.id)!;
  if (!outcome.ok) throw outcome.error;
  const truncated: StoredSeries = { ...current, recurrence: { ...current.recurrence, range: { ...current.recurrence.range, endDate: lastKept.date } } };
  const planned = withPlan({ ...booking, series: booking.series.map((s) => (s.segment === segment ? truncated : s)) }, result, segment + 1, fromIndex);
  const [saved] = await saveBookings(deps, tenantId, [{ ...planned, version: booking.version }]);
  return bookingView(await advanceBooking(deps, ctx, tenantId, saved!));
}

function participant(p: PersonNow): Participant {
  return { id: p.person.userId, name: p.person.name, zone: p.hours.zone, workingHours: p.hours, busy: p.busy };
}

async function patchSeries(ctx: GraphContext, b: BookingRecord, eventId: string, body: Record<string, unknown>): Promise<void> {
  const clean = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
  const answer = (await patchEvents(ctx.client, [{ key: b.id, userId: b.organiser.userId, eventId, body: clean, what: `the series of pair ${b.pairId}` }], ctx.batch)).get(b.id)!;
  if (!answer.ok) throw answer.error;
}
