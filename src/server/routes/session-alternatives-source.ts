import { forbidden, notFound } from '../../core/errors.ts';
import type { SessionAlternatives } from '../../contracts/bookings.ts';
import type { TenantId, UserId } from '../../core/ids.ts';
import { slotStarts, GRID_MS } from '../../core/scheduling/nearby-slot.ts';
import { DAY_MS, ianaZone, MINUTE_MS } from '../../core/time.ts';
import { interval, intersectIntervals, subtractIntervals, type Interval } from '../../core/time/intervals.ts';
import { expandWorkingHours, resolveWorkingHours } from '../../core/time/working-hours.ts';
import { currentZoneName } from '../../core/time/zone-names.ts';
import { zoneTimeline } from '../../core/time/zone-timeline.ts';
import { toIanaZone } from '../../core/time/zones.ts';
import { heldSessions, upcomingSession } from '../../scheduling/booking-access.ts';
import type { SchedulingDeps } from '../../scheduling/deps.ts';
import { readPairNow, type PersonNow } from '../../scheduling/pair-calendars.ts';
import { MOVE_WINDOW_DAYS } from '../../scheduling/propose-slot.ts';
import { bookingId, bookingRepository, type BookingRecord } from '../../store/bookings.ts';

/** Reads a session's mutual free alternatives for one of the pair. */
export interface SessionAlternativesSource {
  /**
   * @throws `not_found` for a booking or session the caller is not in (or that does not exist),
   *   `forbidden` for an admin who is not in the pair (free time is for the pair to choose from),
   *   `conflict` for a session that already started or was cancelled.
   */
  alternatives(tenantId: TenantId, caller: { readonly userId: UserId; readonly isAdmin: boolean }, bookingId: string, index: number): Promise<SessionAlternatives>;
}

/** How many alternatives are offered at most. */
export const MAX_ALTERNATIVES = 6;
/** Offered starts are at least this far apart, so the list is a real choice, not six quarter hours in a row. */
const SPACING_MS = 60 * MINUTE_MS;

const iso = (ms: number): string => new Date(ms).toISOString();
const isMember = (userId: string, b: BookingRecord): boolean =>
  [b.organiser.userId, b.attendee.userId].some((id) => id.toLowerCase() === userId.toLowerCase());

/**
 * The free starts of `[from, to)` for a session of `durationMs`, in both working weeks and outside
 * both people's busy time, on the series' grid; nearest to `target` first, then in time order.
 */
export function pickAlternatives(
  people: readonly Pick<PersonNow, 'hours' | 'busy'>[],
  zone: string,
  durationMs: number,
  target: number,
  from: number,
  to: number,
  max = MAX_ALTERNATIVES,
): Interval[] {
  if (!(to - from >= durationMs)) return [];
  const range = interval(from, to);
  const free = people
    .map((p) => subtractIntervals(expandWorkingHours(resolveWorkingHours(p.hours), range), p.busy))
    .reduce((a, b) => intersectIntervals(a, b));
  const { lo, hi } = slotStarts(free, durationMs, zoneTimeline(toIanaZone(zone), from, to));
  const candidates: number[] = [];
  for (let i = 0; i < lo.length; i++) {
    // Steps of the spacing from each range's first start keep every candidate on the grid.
    const step = Math.max(GRID_MS, SPACING_MS);
    for (let s = lo[i]!; s <= hi[i]!; s += step) if (s !== target) candidates.push(s);
  }
  const chosen = candidates
    .sort((a, b) => Math.abs(a - target) - Math.abs(b - target) || a - b)
    .slice(0, max)
    .sort((a, b) => a - b);
  return chosen.map((s) => interval(s, s + durationMs));
}

/** The source over scheduling's store and Graph (one getSchedule read per call). */
export function createSessionAlternativesSource(deps: Pick<SchedulingDeps, 'db' | 'graphFor' | 'now'>): SessionAlternativesSource {
  return {
    async alternatives(tenantId, caller, id, index) {
      const booking = await bookingRepository(deps.db).get(tenantId, bookingId(id));
      if (booking === undefined) throw notFound(`There is no booking ${id}`);
      if (!isMember(caller.userId, booking)) {
        if (caller.isAdmin) throw forbidden('Only the pair may see the free times of their session');
        throw notFound(`There is no booking ${id}`);
      }
      const now = deps.now();
      const session = upcomingSession(booking, index, now);
      const durationMs = booking.settings.durationMinutes * MINUTE_MS;
      const held = heldSessions(booking);
      const at = held.findIndex((o) => o.index === index);
      // Between the neighbouring sessions and within the move window, as a reschedule allows.
      const from = Math.max(now, held[at - 1]?.end ?? -Infinity, session.originalStart - MOVE_WINDOW_DAYS * DAY_MS);
      const to = Math.min(held[at + 1]?.start ?? Infinity, session.originalStart + MOVE_WINDOW_DAYS * DAY_MS + durationMs);
      // Under its current name: a plan stored before Upward renamed zones says "Asia/Calcutta".
      const zone = currentZoneName(ianaZone(booking.plan?.zone ?? 'UTC'));
      let slots: Interval[] = [];
      if (to - from >= durationMs) {
        const { organiser, attendee } = await readPairNow(deps.graphFor(tenantId), booking, from, to);
        slots = pickAlternatives([organiser, attendee], booking.plan?.zone ?? organiser.hours.zone, durationMs, session.start, from, to);
      }
      return {
        bookingId: booking.id,
        index,
        current: { start: iso(session.start), end: iso(session.end) },
        zone,
        durationMinutes: booking.settings.durationMinutes,
        alternatives: slots.map((s) => ({ start: iso(s.start), end: iso(s.end) })),
      };
    },
  };
}
