import { Temporal } from 'temporal-polyfill';
import type { Participant, SeriesRequest, SeriesResult, SeriesPlan } from '../../../src/core/scheduling/types.ts';
import { epochMs, MINUTE_MS } from '../../../src/core/time.ts';
import { parseClockTime } from '../../../src/core/time/clock-time.ts';
import type { Interval } from '../../../src/core/time/intervals.ts';
import { DAYS_OF_WEEK } from '../../../src/core/time/local-date.ts';

/** Test helpers: people, instants written as local times, and an independent minute-by-minute check. */

export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'];

export function person(id: string, zone: string, start = '09:00', end = '17:00', busy: Interval[] = [], days = WEEKDAYS): Participant {
  return { id, name: id, zone, workingHours: { daysOfWeek: days, start, end }, busy };
}

/** The instant of a local `YYYY-MM-DDTHH:mm` in a zone (Temporal, independent of the code under test). */
export function at(local: string, zone: string): number {
  return Temporal.PlainDateTime.from(local).toZonedDateTime(zone).epochMilliseconds;
}

/** Local `HH:mm` and ISO weekday of an instant in a zone (Temporal). */
export function localOf(instant: number, zone: string): { time: string; weekday: number; date: string } {
  const z = Temporal.Instant.fromEpochMilliseconds(instant).toZonedDateTimeISO(zone);
  return { time: z.toPlainTime().toString().slice(0, 5), weekday: z.dayOfWeek, date: z.toPlainDate().toString() };
}

/**
 * Whether a person can meet over `[start, end)`, minute by minute, with no interval algebra:
 * each minute must be on a working day and within working hours on the person's own clock, and
 * touch no busy item.
 */
export function freeByMinute(p: Participant, start: number, end: number): boolean {
  const zone = p.workingHours.zone ?? p.zone;
  const from = parseClockTime(p.workingHours.start) as number;
  const to = parseClockTime(p.workingHours.end) as number;
  const days = p.workingHours.daysOfWeek.map((d) => d.toLowerCase());
  for (let m = start; m < end; m += MINUTE_MS) {
    const z = Temporal.Instant.fromEpochMilliseconds(m).toZonedDateTimeISO(zone);
    if (!days.includes(DAYS_OF_WEEK[z.dayOfWeek - 1] as string)) return false;
    const minute = z.hour * 60 + z.minute;
    if (minute < from || minute >= to) return false;
    if (p.busy.some((b) => b.start < m + MINUTE_MS && b.end > m)) return false;
  }
  return true;
}

export function request(organiser: Participant, attendee: Participant, overrides: Omit<Partial<SeriesRequest>, 'now'> & { now: number }): SeriesRequest {
  const { now, ...rest } = overrides;
  return {
    organiser,
    attendee,
    cadence: 'weekly',
    durationMinutes: 45,
    term: { start: '2026-03-02', end: '2026-05-29' },
    ...rest,
    now: epochMs(now),
  };
}

export function expectPlan(result: SeriesResult): SeriesPlan {
  if (result.kind !== 'plan') throw new Error(`expected a plan, got no-slot: ${result.reason}`);
  return result;
}

/**
 * What must hold of any plan, checked without the code under test: every session the plan calls
 * free is free minute by minute for both; every clash really clashes and its new slot is free;
 * series times all sit at the plan's local time in the organiser's zone; sessions do not overlap.
 */
export function checkPlan(plan: SeriesPlan, organiser: Participant, attendee: Participant): string[] {
  const problems: string[] = [];
  const durationMs = plan.durationMinutes * MINUTE_MS;
  // The ranking saw the same clashes as the plan reports (it computes series times its own, faster way).
  const clashes = plan.occurrences.filter((o) => o.status !== 'free').length;
  if (plan.score.conflicts !== clashes || plan.conflicts !== clashes) problems.push(`ranked with ${plan.score.conflicts} clashes, plan has ${clashes}`);
  let previousEnd = -Infinity;
  for (const o of plan.occurrences) {
    const bothFree = (s: number): boolean => freeByMinute(organiser, s, s + durationMs) && freeByMinute(attendee, s, s + durationMs);
    const local = localOf(o.originalStart, organiser.zone);
    if (local.time !== plan.localTime) problems.push(`#${o.index} at ${local.time}, not ${plan.localTime}`);
    if (local.date !== o.date) problems.push(`#${o.index} on ${local.date}, not ${o.date}`);
    if (o.end - o.start !== durationMs) problems.push(`#${o.index} lasts ${(o.end - o.start) / MINUTE_MS} min`);
    if (o.start < previousEnd) problems.push(`#${o.index} starts before the previous session ends`);
    previousEnd = o.end;
    if (o.status === 'free') {
      if (o.start !== o.originalStart || !bothFree(o.start)) problems.push(`#${o.index} called free but is not`);
    } else {
      if (bothFree(o.originalStart)) problems.push(`#${o.index} is ${o.status} although its series time is free`);
      if (o.status === 'moved') {
        if (!o.movedTo || o.movedTo.start !== o.start || !bothFree(o.start)) problems.push(`#${o.index} moved to a time that is not free`);
      } else if (o.start !== o.originalStart) problems.push(`#${o.index} unplaced but has a new time`);
    }
  }
  return problems;
}
