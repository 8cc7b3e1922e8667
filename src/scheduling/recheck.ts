import type { TenantId } from '../core/ids.ts';
import { DAY_MS, epochMs } from '../core/time.ts';
import type { BookingRecord, StoredConflict } from '../store/bookings.ts';
import { bookingRepository, bookingId } from '../store/bookings.ts';
import { heldSessions } from './booking-access.ts';
import type { SchedulingDeps } from './deps.ts';
import { readPairNow } from './pair-calendars.ts';
import { MOVE_WINDOW_DAYS, proposeSlot } from './propose-slot.ts';
import { clashes } from './session-clashes.ts';

/** What a re-check found. */
export type RecheckResult =
  | { readonly status: 'skipped'; readonly why: string }
  | { readonly status: 'clear' }
  | { readonly status: 'conflict'; readonly conflict: StoredConflict };

/**
 * Re-checks one upcoming session against both calendars as they are now (one getSchedule
 * request): a meeting that appeared since booking and overlaps the session is a conflict, stored
 * on the session with a proposed move — the nearest time both are free within working hours,
 * between the neighbouring sessions. A cleared conflict is removed. Nothing is moved without
 * someone accepting the proposal (`rescheduleSession`).
 */
export async function recheckSession(deps: SchedulingDeps, tenantId: TenantId, id: string, index: number): Promise<RecheckResult> {
  const booking = await bookingRepository(deps.db).get(tenantId, bookingId(id));
  if (booking === undefined) return { status: 'skipped', why: 'no such booking' };
  if (booking.state !== 'booked') return { status: 'skipped', why: `the booking is ${booking.state}` };
  const now = deps.now();
  const session = booking.occurrences.find((o) => o.index === index);
  if (session === undefined || session.status === 'cancelled' || session.status === 'unplaced') return { status: 'skipped', why: 'the session is not held' };
  if (session.end <= now) return { status: 'skipped', why: 'the session is over' };

  const ctx = deps.graphFor(tenantId);
  const held = heldSessions(booking);
  const at = held.findIndex((o) => o.index === index);
  const previous = held[at - 1];
  const next = held[at + 1];
  const from = Math.max(now, session.start - MOVE_WINDOW_DAYS * DAY_MS - DAY_MS);
  const to = session.end + MOVE_WINDOW_DAYS * DAY_MS + DAY_MS;
  const { organiser, attendee } = await readPairNow(ctx, booking, from, to);
  const organiserClash = clashes(organiser.busy, session.start, session.end);
  const attendeeClash = clashes(attendee.busy, session.start, session.end);

  if (!organiserClash && !attendeeClash) {
    if (session.conflict !== null) await saveConflict(deps, tenantId, booking, index, null);
    return { status: 'clear' };
  }
  const proposal = proposeSlot({
    organiser,
    attendee,
    zone: booking.plan?.zone ?? organiser.hours.zone,
    durationMinutes: booking.settings.durationMinutes,
    target: session.start,
    notBefore: Math.max(now, previous?.end ?? -Infinity),
    notAfter: next?.start ?? Infinity,
  });
  const who = organiserClash && attendeeClash ? 'both' : organiserClash ? 'organiser' : 'attendee';
  const names = who === 'both' ? `${booking.organiser.name} and ${booking.attendee.name} have` : `${who === 'organiser' ? booking.organiser.name : booking.attendee.name} has`;
  const conflict: StoredConflict = {
    checkedAt: now,
    who,
    proposal: proposal === undefined ? null : { start: epochMs(proposal.start), end: epochMs(proposal.end) },
    note: proposal === undefined
      ? `${names} another meeting at this session's time, and there is no time you are both free near it; pick a time or cancel this session.`
      : `${names} another meeting at this session's time; Upward proposes ${new Date(proposal.start).toISOString()} instead.`,
  };
  await saveConflict(deps, tenantId, booking, index, conflict);
  return { status: 'conflict', conflict };
}

async function saveConflict(deps: SchedulingDeps, tenantId: TenantId, b: BookingRecord, index: number, conflict: StoredConflict | null): Promise<void> {
  const occurrences = b.occurrences.map((o) => (o.index === index ? { ...o, conflict } : o));
  await bookingRepository(deps.db).save(tenantId, { ...b, occurrences }, deps.now());
}

