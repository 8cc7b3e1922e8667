import { badInput, UpwardError } from '../core/errors.ts';
import type { TenantId } from '../core/ids.ts';
import { DAY_MS, epochMs, MINUTE_MS } from '../core/time.ts';
import type { BookingRecord } from '../store/bookings.ts';
import { heldSessions, loadBooking, requireBooked, upcomingSession, type Actor } from './booking-access.ts';
import { bookingView, type BookingView } from './booking-view.ts';
import type { SchedulingDeps } from './deps.ts';
import { readPairNow } from './pair-calendars.ts';
import { insideWorkingHours, MOVE_WINDOW_DAYS, proposeSlot } from './propose-slot.ts';
import { saveBookings } from './save-bookings.ts';
import { applySessionChanges } from './session-changes.ts';
import { clashes } from './session-clashes.ts';

/**
 * Moves one session (an exception in the organiser's series). With `start`, to that time, which
 * must be inside both people's working hours and free in both calendars; without, to the
 * proposal of the last re-check, or else the nearest time both are free. Costs one getSchedule
 * read, one `instances` listing and one PATCH.
 * @throws `bad_input` when the asked time is outside working hours or someone is busy then,
 *   `conflict` when no free time is near.
 */
export async function rescheduleSession(deps: SchedulingDeps, tenantId: TenantId, actor: Actor, id: string, index: number, input: { start?: string } = {}): Promise<BookingView> {
  const booking = await loadBooking(deps, tenantId, actor, id);
  requireBooked(booking);
  const now = deps.now();
  const session = upcomingSession(booking, index, now);
  const durationMs = booking.settings.durationMinutes * MINUTE_MS;
  const asked = input.start === undefined ? undefined : Date.parse(input.start);
  if (asked !== undefined && (!Number.isFinite(asked) || asked <= now)) {
    throw badInput('The new time must be a future date and time such as 2026-03-12T14:00:00Z', [{ field: 'start', message: 'expected a future ISO date-time' }]);
  }
  const ctx = deps.graphFor(tenantId);
  const around = asked ?? session.start;
  const { organiser, attendee } = await readPairNow(ctx, booking, Math.max(now, around - (MOVE_WINDOW_DAYS + 1) * DAY_MS), around + (MOVE_WINDOW_DAYS + 1) * DAY_MS + durationMs);

  let target: { start: number; end: number };
  if (asked !== undefined) {
    target = { start: asked, end: asked + durationMs };
    if (!insideWorkingHours([organiser.hours, attendee.hours], target.start, target.end)) {
      throw badInput(`${input.start} is outside ${booking.organiser.name}'s or ${booking.attendee.name}'s working hours`, [{ field: 'start', message: 'outside working hours' }]);
    }
    const busy = [organiser, attendee].filter((p) => clashes(p.busy, target.start, target.end)).map((p) => p.person.name);
    if (busy.length > 0) throw badInput(`${busy.join(' and ')} ${busy.length > 1 ? 'are' : 'is'} busy at ${input.start}`, [{ field: 'start', message: 'not free' }]);
  } else {
    const held = heldSessions(booking);
    const at = held.findIndex((o) => o.index === index);
    const proposal = proposeSlot({
      organiser,
      attendee,
      zone: booking.plan?.zone ?? organiser.hours.zone,
      durationMinutes: booking.settings.durationMinutes,
      target: session.originalStart,
      notBefore: Math.max(now, held[at - 1]?.end ?? -Infinity),
      notAfter: held[at + 1]?.start ?? Infinity,
    });
    if (proposal === undefined) throw new UpwardError('conflict', `There is no time near session ${index} when ${booking.organiser.name} and ${booking.attendee.name} are both free; pick a time`);
    target = proposal;
  }

  const series = booking.series.find((s) => s.segment === session.segment);
  if (series?.eventId == null) throw new UpwardError('conflict', `Session ${index} of pair ${booking.pairId} has no series in Graph`);
  const outcome = (await applySessionChanges(ctx, [{
    key: booking.id,
    userId: booking.organiser.userId,
    seriesId: series.eventId,
    what: `the series of pair ${booking.pairId}`,
    changes: [{ kind: 'move', originalStart: session.originalStart, now: session.start, start: target.start, end: target.end }],
  }])).get(booking.id)!;
  if (!outcome.ok) throw outcome.error;
  const moved: BookingRecord = {
    ...booking,
    occurrences: booking.occurrences.map((o) =>
      o.index === index ? { ...o, start: epochMs(target.start), end: epochMs(target.end), status: target.start === o.originalStart ? ('free' as const) : ('moved' as const), conflict: null } : o,
    ),
  };
  const [saved] = await saveBookings(deps, tenantId, [moved]);
  return bookingView(saved!);
}

/** Cancels one session (the organiser's occurrence; the partner is told by Graph). */
export async function cancelSession(deps: SchedulingDeps, tenantId: TenantId, actor: Actor, id: string, index: number, comment = 'This session is cancelled.'): Promise<BookingView> {
  const booking = await loadBooking(deps, tenantId, actor, id);
  requireBooked(booking);
  const session = upcomingSession(booking, index, deps.now());
  const series = booking.series.find((s) => s.segment === session.segment);
  if (series?.eventId == null) throw new UpwardError('conflict', `Session ${index} of pair ${booking.pairId} has no series in Graph`);
  const outcome = (await applySessionChanges(deps.graphFor(tenantId), [{
    key: booking.id,
    userId: booking.organiser.userId,
    seriesId: series.eventId,
    what: `the series of pair ${booking.pairId}`,
    changes: [{ kind: 'cancel', originalStart: session.originalStart, now: session.start, comment }],
  }])).get(booking.id)!;
  if (!outcome.ok) throw outcome.error;
  const [saved] = await saveBookings(deps, tenantId, [{ ...booking, occurrences: booking.occurrences.map((o) => (o.index === index ? { ...o, status: 'cancelled' as const, conflict: null } : o)) }]);
  return bookingView(saved!);
}
