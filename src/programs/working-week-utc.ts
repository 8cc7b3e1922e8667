/**
 * A mailbox's working hours as the matcher wants them: intervals of minutes on the UTC week
 * (see `src/core/programs/working-week.ts` for the contract). The week is expanded in the
 * person's own zone with the core's time helpers, for the UTC week in which the program's term
 * starts, so the offset is the one in force when the program begins (a later daylight-saving
 * change moves a person's hours by an hour, which the scheduler handles per session).
 */
import { DAY_MS, MINUTE_MS, type EpochMs } from '../core/time.ts';
import { utcWeekStart, type WeeklyInterval } from '../core/programs/working-week.ts';
import { expandWorkingHours, resolveWorkingHours } from '../core/time/working-hours.ts';
import { interval } from '../core/time/intervals.ts';
import type { WorkingWeek } from '../core/people/profile.ts';

const WEEK_MS = 7 * DAY_MS;

/** Monday 00:00 UTC of the week containing `at` (the core's, shared with reading the week back). */
export { utcWeekStart };

/**
 * Working hours on the UTC week of `at`, as `[startMinute, endMinute)` pairs. A working day that
 * spills over Sunday→Monday midnight UTC comes out as two pieces, because the week is periodic:
 * the part before the week's start reappears at its end. Throws `bad_input` naming
 * `<field>.start`, `<field>.end`, … when the mailbox's hours make no sense.
 */
export function weeklyWorkingMinutesUtc(hours: WorkingWeek, at: EpochMs, field = 'workingHours'): WeeklyInterval[] {
  const start = utcWeekStart(at);
  const daily = resolveWorkingHours({ daysOfWeek: hours.daysOfWeek, start: hours.startTime, end: hours.endTime, zone: hours.timeZone }, field);
  return expandWorkingHours(daily, interval(start, start + WEEK_MS)).map(
    (piece): WeeklyInterval => [Math.round((piece.start - start) / MINUTE_MS), Math.round((piece.end - start) / MINUTE_MS)],
  );
}
