import { nearestStart, slotStarts } from '../core/scheduling/nearby-slot.ts';
import { DAY_MS, MINUTE_MS } from '../core/time.ts';
import { interval, intersectIntervals, subtractIntervals, type Interval } from '../core/time/intervals.ts';
import { expandWorkingHours, resolveWorkingHours, type WorkingHoursInput } from '../core/time/working-hours.ts';
import { zoneTimeline } from '../core/time/zone-timeline.ts';
import { toIanaZone } from '../core/time/zones.ts';

/** Both people's week and busy time around one session. */
export interface SlotSearch {
  readonly organiser: { readonly hours: WorkingHoursInput; readonly busy: readonly Interval[] };
  readonly attendee: { readonly hours: WorkingHoursInput; readonly busy: readonly Interval[] };
  /** The series' zone: a proposal starts on its quarter-hour grid. */
  readonly zone: string;
  readonly durationMinutes: number;
  /** Where the session would be: the proposal is the free start nearest to it. */
  readonly target: number;
  /** Earliest start and latest end allowed (after the previous session, before the next). */
  readonly notBefore: number;
  readonly notAfter: number;
}

/** How far from its date a session may move (as the series search allows). */
export const MOVE_WINDOW_DAYS = 3;

/**
 * The free start nearest to the session's time within both people's working hours and outside
 * their busy time, on the organiser's quarter hours; undefined when there is none.
 */
export function proposeSlot(search: SlotSearch): Interval | undefined {
  const durationMs = search.durationMinutes * MINUTE_MS;
  const from = Math.max(search.notBefore, search.target - MOVE_WINDOW_DAYS * DAY_MS);
  const to = Math.min(search.notAfter, search.target + MOVE_WINDOW_DAYS * DAY_MS + durationMs);
  if (!(to - from >= durationMs)) return undefined;
  const range = interval(from, to);
  const free = (p: SlotSearch['organiser']): Interval[] => subtractIntervals(expandWorkingHours(resolveWorkingHours(p.hours), range), p.busy);
  const joint = intersectIntervals(free(search.organiser), free(search.attendee));
  const starts = slotStarts(joint, durationMs, zoneTimeline(toIanaZone(search.zone), from, to));
  const best = nearestStart(starts, search.target, from, to - durationMs);
  return best === undefined ? undefined : interval(best, best + durationMs);
}

/** True when `[start, end)` lies within both people's working hours. */
export function insideWorkingHours(hours: readonly WorkingHoursInput[], start: number, end: number): boolean {
  return hours.every((h) => {
    const working = expandWorkingHours(resolveWorkingHours(h), interval(start - DAY_MS, end + DAY_MS));
    return working.some((w) => w.start <= start && end <= w.end);
  });
}
