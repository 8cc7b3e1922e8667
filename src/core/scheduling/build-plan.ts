import { DAY_MS, epochMs, MINUTE_MS } from '../time.ts';
import { formatClockTime } from '../time/clock-time.ts';
import { covers, interval } from '../time/intervals.ts';
import { dayOfWeek, formatLocalDate, type LocalDate } from '../time/local-date.ts';
import { minuteOfDayAt, wallOf, wallToEpoch } from '../time/zone-timeline.ts';
import type { PairAvailability } from './availability.ts';
import { moveWindowDays, type RankedCandidate } from './candidates.ts';
import { explainPlan } from './explain.ts';
import { nearestStart, type SlotStarts } from './nearby-slot.ts';
import { monthlyIndexOf } from './series.ts';
import type { PlannedOccurrence, SeriesPlan } from './types.ts';
import type { ResolvedRequest } from './validate-request.ts';

/**
 * Turns the winning candidate into the plan: the series time of every date, and for each date
 * that clashes the nearest shared free slot strictly between its neighbours (after the previous
 * session as actually held, before the next one's series time), or `unplaced` if there is none.
 */
export function buildPlan(request: ResolvedRequest, availability: PairAvailability, starts: SlotStarts, best: RankedCandidate): SeriesPlan {
  const { cadence, durationMinutes } = request;
  const tl = availability.seriesTimeline;
  const durationMs = durationMinutes * MINUTE_MS;
  const windowMs = moveWindowDays(cadence) * DAY_MS;
  const original = best.dates.map((d) => wallToEpoch(tl, wallOf(d, best.minute)) as number);

  const occurrences: PlannedOccurrence[] = [];
  const attendeeLocalTimes: string[] = [];
  let previousEnd = -Infinity;
  original.forEach((s, index) => {
    const date = formatLocalDate(best.dates[index] as LocalDate);
    const local = formatClockTime(minuteOfDayAt(availability.attendeeHoursTimeline, s));
    if (!attendeeLocalTimes.includes(local)) attendeeLocalTimes.push(local);
    let start = s;
    let status: PlannedOccurrence['status'] = 'free';
    if (!covers(availability.jointFree, s, s + durationMs)) {
      const next = original[index + 1];
      const lower = Math.max(s - windowMs, previousEnd);
      const upper = Math.min(s + windowMs, next === undefined ? Infinity : next - durationMs);
      const moved = nearestStart(starts, s, lower, upper);
      if (moved === undefined) status = 'unplaced';
      else {
        status = 'moved';
        start = moved;
      }
    }
    previousEnd = start + durationMs;
    const occurrence: PlannedOccurrence = {
      index,
      date,
      originalStart: epochMs(s),
      start: epochMs(start),
      end: epochMs(start + durationMs),
      status,
      ...(status === 'moved' ? { movedTo: interval(start, start + durationMs) } : {}),
    };
    occurrences.push(occurrence);
  });

  const firstDate = best.dates[0] as LocalDate;
  const lastDate = best.dates[best.dates.length - 1] as LocalDate;
  const weekday = dayOfWeek(firstDate);
  const localTime = formatClockTime(best.minute);
  const monthlyIndex = cadence === 'monthly' ? monthlyIndexOf(firstDate) : undefined;
  const moved = occurrences.filter((o) => o.status === 'moved').length;
  const unplaced = occurrences.filter((o) => o.status === 'unplaced').length;
  const explanation = explainPlan({
    cadence,
    durationMinutes,
    weekday,
    localTime,
    seriesZone: request.organiser.zone,
    attendeeZone: request.attendee.hours.zone,
    attendeeLocalTimes,
    firstDate,
    lastDate,
    occurrences,
    seriesTimeline: tl,
    ...(monthlyIndex ? { monthlyIndex } : {}),
  });
  return {
    kind: 'plan',
    cadence,
    durationMinutes,
    zone: request.organiser.zone,
    weekday,
    localTime,
    ...(monthlyIndex ? { monthlyIndex } : {}),
    firstDate: formatLocalDate(firstDate),
    lastDate: formatLocalDate(lastDate),
    attendeeLocalTimes,
    recurrence: {
      pattern: {
        type: cadence === 'monthly' ? 'relativeMonthly' : 'weekly',
        interval: cadence === 'biweekly' ? 2 : 1,
        daysOfWeek: [weekday],
        ...(monthlyIndex ? { index: monthlyIndex } : {}),
        firstDayOfWeek: 'monday',
      },
      range: { type: 'endDate', startDate: formatLocalDate(firstDate), endDate: formatLocalDate(lastDate), recurrenceTimeZone: request.organiser.zone },
    },
    occurrences,
    conflicts: moved + unplaced,
    moved,
    unplaced,
    score: {
      shortfall: best.shortfall,
      conflicts: best.conflicts,
      unplaced: best.unplaced,
      fairness: best.fairness,
      organiserInconvenience: best.organiserInconvenience,
      attendeeInconvenience: best.attendeeInconvenience,
      firstStart: best.firstStart,
    },
    explanation,
  };
}
