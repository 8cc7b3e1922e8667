/**
 * The working-hours contract between the directory adapter and the matcher.
 *
 * A person's working hours arrive as intervals on one UTC week, in minutes:
 * - minute 0 is Monday 00:00 UTC, minute 10 080 is the next Monday 00:00 UTC;
 * - each interval is half-open `[start, end)` with `0 ≤ start < end ≤ 10 080`;
 * - an interval that crosses Sunday→Monday midnight UTC is sent as two pieces (`[…, 10080]` and
 *   `[0, …]`); the matcher joins them again, so a shift that spans the week boundary counts as
 *   one stretch;
 * - intervals may overlap or touch and come in any order.
 *
 * The adapter converts from the mailbox's zone and working days (Graph `mailboxSettings`) at the
 * edge — including that zone's offset for the program's term — so the core needs no zone library.
 */

/** Minutes in a week; the exclusive upper bound of a minute-of-week. */
export const MINUTES_PER_WEEK = 7 * 24 * 60;

/** `[startMinuteOfWeek, endMinuteOfWeek)` in UTC, see the module comment. */
export type WeeklyInterval = readonly [startMinuteOfWeek: number, endMinuteOfWeek: number];

/** Why an interval breaks the contract, or `undefined` when it is fine. */
export function weeklyIntervalProblem(interval: WeeklyInterval): string | undefined {
  const [start, end] = interval;
  if (!Number.isInteger(start) || !Number.isInteger(end)) return 'Minutes of the week must be whole numbers';
  if (start < 0 || end > MINUTES_PER_WEEK) return `Minutes of the week must lie within 0…${MINUTES_PER_WEEK}`;
  if (end <= start) return 'A working-hours interval must end after it starts';
  return undefined;
}

const WEEK_MS = 7 * 24 * 60 * 60_000;
/** 1970-01-05 was a Monday: UTC weeks start at this offset from the epoch. */
const FIRST_MONDAY_MS = 4 * 24 * 60 * 60_000;

/** Monday 00:00 UTC of the week containing `at` (epoch ms): minute 0 of the contract's week. */
export function utcWeekStart(at: number): number {
  return Math.floor((at - FIRST_MONDAY_MS) / WEEK_MS) * WEEK_MS + FIRST_MONDAY_MS;
}
