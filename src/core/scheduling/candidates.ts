import { DAY_MS, epochMs, MINUTE_MS, type EpochMs } from '../time.ts';
import { covers } from '../time/intervals.ts';
import { addDays, isoWeekday, type LocalDate } from '../time/local-date.ts';
import { epochToWall, minuteOfDayAt, offsetAt, wallOf, wallToEpoch, type ZoneTimeline } from '../time/zone-timeline.ts';
import type { PairAvailability } from './availability.ts';
import { inconvenience } from './fairness.ts';
import { GRID_MINUTES, nearestStart, type SlotStarts } from './nearby-slot.ts';
import { candidateDays, seriesDates } from './series.ts';
import type { Cadence } from './types.ts';
import type { ResolvedRequest } from './validate-request.ts';

/** A series option: its first date and its local start time in the organiser's zone. */
export interface Candidate {
  readonly firstDate: LocalDate;
  /** Minutes since local midnight in the organiser's zone. */
  readonly minute: number;
  readonly dates: readonly LocalDate[];
}

/** A candidate with the numbers it is ranked by (see `compareRanks`). */
export interface RankedCandidate extends Candidate {
  readonly shortfall: number;
  readonly conflicts: number;
  readonly unplaced: number;
  readonly organiserInconvenience: number;
  readonly attendeeInconvenience: number;
  readonly fairness: number;
  readonly firstStart: EpochMs;
  /** Occurrences free at the series time. */
  readonly free: number;
}

type Rank = Pick<RankedCandidate, 'shortfall' | 'conflicts' | 'unplaced' | 'fairness' | 'firstStart'>;

/**
 * Orders candidates, best first: fewest clashes (a date fewer than the longest option counts as
 * one: a series does not win by being shorter), then fewest clashes that cannot be moved to a
 * nearby free slot, then the fairest time for both, then the earliest first session.
 */
export function compareRanks(a: Rank, b: Rank): number {
  return (
    a.shortfall + a.conflicts - (b.shortfall + b.conflicts) ||
    a.unplaced - b.unplaced ||
    a.fairness - b.fairness ||
    a.firstStart - b.firstStart
  );
}

/** How far (days) a clashing session may move; never past its neighbours either way. */
export function moveWindowDays(cadence: Cadence): number {
  return cadence === 'weekly' ? 6 : cadence === 'biweekly' ? 7 : 10;
}

/**
 * The best candidate, scoring every quarter hour of the organiser's working day on every
 * working weekday of the first period. Zone tables turn local times into instants per date
 * (one table lookup per date, exact per time only on a day when clocks change); each occurrence
 * is one binary search in the joint free list.
 */
export function bestCandidate(request: ResolvedRequest, availability: PairAvailability, starts: SlotStarts): RankedCandidate | undefined {
  const { organiser, attendee, cadence, durationMinutes, earliestDate, termEnd } = request;
  const { seriesTimeline: tl, jointFree } = availability;
  const durationMs = durationMinutes * MINUTE_MS;
  const windowMs = moveWindowDays(cadence) * DAY_MS;

  const options: Array<{ first: LocalDate; dates: LocalDate[] }> = [];
  const lastFirst = addDays(earliestDate, candidateDays(cadence) - 1);
  for (let d = earliestDate; d <= lastFirst && d <= termEnd; d = addDays(d, 1)) {
    if (organiser.hours.days[isoWeekday(d)]) options.push({ first: d, dates: seriesDates(cadence, d, termEnd) });
  }
  const mostDates = options.reduce((m, o) => Math.max(m, o.dates.length), 0);

  let best: RankedCandidate | undefined;
  const startsBuf = new Float64Array(mostDates);
  const dayBase = new Float64Array(mostDates);
  for (const { first, dates } of options) {
    const n = dates.length;
    for (let k = 0; k < n; k++) dayBase[k] = uniformDayStart(tl, dates[k] as LocalDate);
    const [fromMinute, toMinute] = workingWindow(organiser.hours, availability.organiserHoursTimeline, tl, first);
    for (let minute = Math.ceil(fromMinute / GRID_MINUTES) * GRID_MINUTES; minute + durationMinutes <= toMinute; minute += GRID_MINUTES) {
      for (let k = 0; k < n; k++) {
        const base = dayBase[k] as number;
        startsBuf[k] = Number.isNaN(base) ? wallToEpoch(tl, wallOf(dates[k] as LocalDate, minute)) : base + minute * MINUTE_MS;
      }
      const shortfall = mostDates - n;
      let conflicts = 0;
      let unplaced = 0;
      let orgSum = 0;
      let attSum = 0;
      let pruned = false;
      for (let k = 0; k < n; k++) {
        const s = startsBuf[k] as number;
        if (!covers(jointFree, s, s + durationMs)) {
          conflicts++;
          const lower = k > 0 ? Math.max(s - windowMs, (startsBuf[k - 1] as number) + durationMs) : s - windowMs;
          const upper = k + 1 < n ? Math.min(s + windowMs, (startsBuf[k + 1] as number) - durationMs) : s + windowMs;
          if (nearestStart(starts, s, lower, upper) === undefined) unplaced++;
          // Both counts only grow: once worse than the best so far, this candidate cannot win.
          const clashes = shortfall + conflicts;
          const bestClashes = best === undefined ? Infinity : best.shortfall + best.conflicts;
          if (clashes > bestClashes || (clashes === bestClashes && unplaced > (best as RankedCandidate).unplaced)) {
            pruned = true;
            break;
          }
        }
        orgSum += inconvenience(minuteOfDayAt(availability.organiserHoursTimeline, s), durationMinutes, organiser.hours);
        attSum += inconvenience(minuteOfDayAt(availability.attendeeHoursTimeline, s), durationMinutes, attendee.hours);
      }
      if (pruned || n === 0) continue;
      const organiserInconvenience = Math.round((1000 * orgSum) / n);
      const attendeeInconvenience = Math.round((1000 * attSum) / n);
      const ranked = {
        shortfall,
        conflicts,
        unplaced,
        fairness: organiserInconvenience + attendeeInconvenience,
        firstStart: epochMs(startsBuf[0] as number),
      };
      if (best === undefined || compareRanks(ranked, best) < 0) {
        best = { ...ranked, firstDate: first, minute, dates, organiserInconvenience, attendeeInconvenience, free: n - conflicts };
      }
    }
  }
  return best;
}

/** The instant of local midnight when the whole day has one offset; NaN on a day clocks change. */
function uniformDayStart(timeline: ZoneTimeline, date: LocalDate): number {
  const start = wallToEpoch(timeline, wallOf(date, 0));
  const next = wallToEpoch(timeline, wallOf(addDays(date, 1), 0));
  return next - start === DAY_MS && offsetAt(timeline, start) === offsetAt(timeline, next - 1) ? start : Number.NaN;
}

/**
 * The organiser's working hours on `date` as minutes of that date in the series zone (the same
 * numbers unless their working hours are written in another zone).
 */
function workingWindow(
  hours: ResolvedRequest['organiser']['hours'],
  hoursTimeline: ZoneTimeline,
  seriesTimeline: ZoneTimeline,
  date: LocalDate,
): [number, number] {
  const toSeriesMinute = (minute: number): number => {
    const at = wallToEpoch(hoursTimeline, wallOf(date, minute));
    const m = (epochToWall(seriesTimeline, at) - date * DAY_MS) / MINUTE_MS;
    return Math.min(1440, Math.max(0, m));
  };
  return [toSeriesMinute(hours.startMinute), toSeriesMinute(hours.endMinute)];
}
