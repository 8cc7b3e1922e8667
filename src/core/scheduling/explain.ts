import { DAY_MS, MINUTE_MS, type EpochMs, type IanaZone } from '../time.ts';
import { formatClockTime } from '../time/clock-time.ts';
import { dateParts, isoWeekday, localDate, type DayOfWeek, type LocalDate } from '../time/local-date.ts';
import { epochToWall, type ZoneTimeline } from '../time/zone-timeline.ts';
import { zoneLabel } from '../time/zones.ts';
import type { Cadence, MonthlyIndex, PlannedOccurrence } from './types.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS_SHORT = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const ORDINALS: Record<MonthlyIndex, string> = { first: 'first', second: 'second', third: 'third', fourth: 'fourth', last: 'last' };

const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** `3 Mar`, or `3 Mar 2026` when the year has to be said. */
export function formatDay(date: LocalDate, withYear: boolean): string {
  const { year, month, day } = dateParts(date);
  return `${day} ${MONTHS[month - 1]}${withYear ? ` ${year}` : ''}`;
}

/** `Wed 14 Apr 11:00` for an instant, in the timeline's zone. */
export function formatMoment(timeline: ZoneTimeline, at: EpochMs, withYear: boolean): string {
  const wall = epochToWall(timeline, at);
  const date = localDate(Math.floor(wall / DAY_MS));
  const minute = (wall - date * DAY_MS) / MINUTE_MS;
  return `${WEEKDAYS_SHORT[isoWeekday(date) - 1]} ${formatDay(date, withYear)} ${formatClockTime(minute)}`;
}

export interface ExplainInput {
  readonly cadence: Cadence;
  readonly durationMinutes: number;
  readonly weekday: DayOfWeek;
  readonly monthlyIndex?: MonthlyIndex;
  readonly localTime: string;
  readonly seriesZone: IanaZone;
  readonly attendeeZone: IanaZone;
  readonly attendeeLocalTimes: readonly string[];
  readonly firstDate: LocalDate;
  readonly lastDate: LocalDate;
  readonly occurrences: readonly PlannedOccurrence[];
  readonly seriesTimeline: ZoneTimeline;
}

/**
 * One sentence a person can check against their calendar, e.g. "Every other Tuesday at 10:30
 * (London) / 16:00 (Kolkata), 45 minutes, 6 sessions from 3 Mar to 19 May; all 6 free for both".
 */
export function explainPlan(input: ExplainInput): string {
  const withYear = dateParts(input.firstDate).year !== dateParts(input.lastDate).year;
  const day = capital(input.weekday);
  const when =
    input.cadence === 'weekly'
      ? `Every ${day}`
      : input.cadence === 'biweekly'
        ? `Every other ${day}`
        : `On the ${ORDINALS[input.monthlyIndex ?? 'first']} ${day} of each month`;
  const seriesPlace = zoneLabel(input.seriesZone);
  const attendeePlace = zoneLabel(input.attendeeZone);
  let at = `${input.localTime} (${seriesPlace})`;
  if (input.attendeeZone !== input.seriesZone) {
    const times = input.attendeeLocalTimes.join(' or ');
    at += ` / ${times} (${attendeePlace}${input.attendeeLocalTimes.length > 1 ? ', as clocks change' : ''})`;
  }
  const n = input.occurrences.length;
  const sessions = n === 1 ? '1 session' : `${n} sessions`;
  const span =
    n === 1 ? `on ${formatDay(input.firstDate, withYear)}` : `from ${formatDay(input.firstDate, withYear)} to ${formatDay(input.lastDate, withYear)}`;
  return `${when} at ${at}, ${input.durationMinutes} minutes, ${sessions} ${span}; ${statusPhrase(input, withYear)}`;
}

function statusPhrase(input: ExplainInput, withYear: boolean): string {
  const n = input.occurrences.length;
  const moved = input.occurrences.filter((o) => o.status === 'moved');
  const unplaced = input.occurrences.filter((o) => o.status === 'unplaced');
  const free = n - moved.length - unplaced.length;
  if (free === n) return n === 1 ? 'free for both' : `all ${n} free for both`;
  const parts: string[] = [];
  if (free > 0) parts.push(`${free} free`);
  if (moved.length > 0) {
    const shown = moved.slice(0, 3).map((o) => formatMoment(input.seriesTimeline, o.start, withYear));
    const more = moved.length > 3 ? ` and ${moved.length - 3} more` : '';
    const why = moved.length === 1 ? 'a conflict' : 'conflicts';
    parts.push(`${moved.length} moved to ${shown.join(', ')}${more} because of ${why}`);
  }
  if (unplaced.length > 0) {
    const shown = unplaced.slice(0, 3).map((o) => formatMoment(input.seriesTimeline, o.originalStart, withYear));
    const more = unplaced.length > 3 ? ` and ${unplaced.length - 3} more` : '';
    const verbs = unplaced.length === 1 ? 'clashes with no shared free time nearby and needs' : 'clash with no shared free time nearby and need';
    parts.push(`${unplaced.length} (${shown.join(', ')}${more}) ${verbs} a decision`);
  }
  return parts.join(', ');
}
