import { badInput, type FieldError } from '../errors.ts';
import { DAY_MS, type IanaZone } from '../time.ts';
import { parseClockTime } from './clock-time.ts';
import { mergeIntervals, interval, type Interval } from './intervals.ts';
import { isoWeekday, isoWeekdayOf, localDate, type DayOfWeek } from './local-date.ts';
import { epochToWall, wallOf, wallToEpoch, zoneTimeline, type ZoneTimeline } from './zone-timeline.ts';
import { toIanaZone } from './zones.ts';

/** A person's working week as Graph's `workingHours` describes it. */
export interface WorkingHours {
  readonly daysOfWeek: readonly DayOfWeek[];
  /** `HH:mm` (Graph's `HH:mm:ss.fffffff` also parses). */
  readonly start: string;
  /** `HH:mm`, after `start`; `24:00` ends at midnight. Days that cross midnight are not supported. */
  readonly end: string;
  readonly zone: IanaZone;
}

/** Working hours checked and turned into numbers. */
export interface DailyHours {
  /** Indexed by ISO weekday (1 Monday … 7 Sunday); index 0 unused. */
  readonly days: readonly boolean[];
  readonly startMinute: number;
  readonly endMinute: number;
  readonly zone: IanaZone;
}

/** Working hours as callers hand them in: day names in any case, zone IANA or Windows. */
export interface WorkingHoursInput {
  readonly daysOfWeek: readonly string[];
  readonly start: string;
  readonly end: string;
  readonly zone: string;
}

/**
 * Checks working hours and turns them into numbers.
 * @throws UpwardError `bad_input` with one field error per problem, paths under `field`.
 */
export function resolveWorkingHours(input: WorkingHoursInput, field = 'workingHours'): DailyHours {
  const errors: FieldError[] = [];
  const days = [false, false, false, false, false, false, false, false];
  const names: unknown = input?.daysOfWeek;
  if (!Array.isArray(names) || names.length === 0) {
    errors.push({ field: `${field}.daysOfWeek`, message: 'at least one working day is needed' });
  } else {
    for (const name of names) {
      const day = typeof name === 'string' ? isoWeekdayOf(name) : undefined;
      if (day === undefined) errors.push({ field: `${field}.daysOfWeek`, message: `"${String(name)}" is not a day of the week` });
      else days[day] = true;
    }
  }
  const start = typeof input?.start === 'string' ? parseClockTime(input.start) : undefined;
  const end = typeof input?.end === 'string' ? parseClockTime(input.end) : undefined;
  if (start === undefined || start >= 1440) errors.push({ field: `${field}.start`, message: 'expected a time of day such as 09:00' });
  if (end === undefined || end === 0) errors.push({ field: `${field}.end`, message: 'expected a time of day such as 17:30' });
  if (start !== undefined && end !== undefined && end !== 0 && start >= end) {
    errors.push({ field: `${field}.end`, message: `working hours must end after they start (${input.start}–${input.end}); days that cross midnight are not supported` });
  }
  let zone: IanaZone | undefined;
  try {
    zone = toIanaZone(input?.zone, `${field}.zone`);
  } catch (error) {
    errors.push(...((error as { fields?: FieldError[] }).fields ?? []));
  }
  if (errors.length > 0 || start === undefined || end === undefined || zone === undefined) {
    throw badInput('Working hours are not valid', errors);
  }
  return { days, startMinute: start, endMinute: end, zone };
}

/**
 * The instants inside `range` at which a person is within working hours, in canonical form.
 * Each working day is expanded in the person's own zone, so a day on which clocks change is
 * seven or nine hours long in UTC, exactly as the person lives it.
 */
export function expandWorkingHours(hours: WorkingHours | DailyHours, range: Interval, timeline?: ZoneTimeline): Interval[] {
  const daily = 'days' in hours ? hours : resolveWorkingHours(hours);
  const tl = timeline ?? zoneTimeline(daily.zone, range.start, range.end);
  // Local dates from the day before to the day after the range cover any offset up to ±24 h.
  const first = Math.floor(epochToWall(tl, range.start) / DAY_MS) - 1;
  const last = Math.floor(epochToWall(tl, range.end) / DAY_MS) + 1;
  const out: Interval[] = [];
  for (let d = first; d <= last; d++) {
    const date = localDate(d);
    if (!daily.days[isoWeekday(date)]) continue;
    const start = Math.max(wallToEpoch(tl, wallOf(date, daily.startMinute)), range.start);
    const end = Math.min(wallToEpoch(tl, wallOf(date, daily.endMinute)), range.end);
    if (start < end) out.push(interval(start, end));
  }
  // Days ending at 24:00 touch the next day's 00:00 start; merging keeps the list canonical.
  return mergeIntervals(out);
}
