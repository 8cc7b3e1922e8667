/**
 * A person's working week back on their own clock, from the UTC-week intervals the enrolment
 * keeps (`src/core/programs/working-week.ts`), so agenda timing can use their real hours.
 */
import type { WeeklyInterval } from '../programs/working-week.ts';
import { MINUTES_PER_WEEK, utcWeekStart } from '../programs/working-week.ts';
import { DAYS_OF_WEEK } from '../time/local-date.ts';
import type { IanaZone } from '../time.ts';
import { exactOffsetAt } from '../time/zones.ts';
import type { WorkingWeek } from './agenda-send-time.ts';

const MINUTES_PER_DAY = 24 * 60;

const clock = (minute: number): string =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/**
 * The working days and one daily span (earliest start to latest end over those days) of
 * `weekly`, read in `zone`. The intervals were written for the UTC week containing `writtenFor`
 * (the program's start, see `src/programs/working-week-utc.ts`), so each is read back with the
 * offset `zone` had at that very instant of that week — not the offset of the day the hours are
 * used on, which differs by an hour across a daylight-saving change. The result is the person's
 * wall-clock week, which the caller applies on any date in `zone`. `undefined` when there are no
 * intervals (the caller falls back to a default week).
 */
export function localWorkingWeek(weekly: readonly WeeklyInterval[], zone: IanaZone, writtenFor: number): WorkingWeek | undefined {
  const weekStart = utcWeekStart(writtenFor);
  const offsetAt = (minute: number): number => Math.round(exactOffsetAt(zone, weekStart + minute * 60_000) / 60_000);
  const perDay = new Map<number, { start: number; end: number }>();
  const add = (start: number, end: number): void => {
    // Walk the local interval day by day; the week is periodic, so minutes wrap.
    for (let from = start; from < end; ) {
      const weekMinute = ((from % MINUTES_PER_WEEK) + MINUTES_PER_WEEK) % MINUTES_PER_WEEK;
      const day = Math.floor(weekMinute / MINUTES_PER_DAY);
      const dayStart = weekMinute - day * MINUTES_PER_DAY;
      const length = Math.min(end - from, MINUTES_PER_DAY - dayStart);
      const seen = perDay.get(day);
      perDay.set(day, { start: Math.min(seen?.start ?? dayStart, dayStart), end: Math.max(seen?.end ?? 0, dayStart + length) });
      from += length;
    }
  };
  for (const [start, end] of weekly) {
    if (end <= start) continue;
    const offset = offsetAt(start);
    add(start + offset, end + offset);
  }
  if (perDay.size === 0) return undefined;
  const days = [...perDay.keys()].sort((a, b) => a - b);
  const start = Math.min(...[...perDay.values()].map((d) => d.start));
  const end = Math.max(...[...perDay.values()].map((d) => d.end));
  return { daysOfWeek: days.map((d) => DAYS_OF_WEEK[d]!), start: clock(start), end: clock(end) };
}
