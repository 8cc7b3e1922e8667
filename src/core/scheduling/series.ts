import { addDays, dateOf, dateParts, isoWeekday, type LocalDate } from '../time/local-date.ts';
import type { Cadence, MonthlyIndex } from './types.ts';

/**
 * The dates of a series, in the organiser's zone: weekly and biweekly repeat the first date's
 * weekday every 7 or 14 days; monthly repeats "the n-th <weekday> of the month" (Graph's
 * `relativeMonthly`), with a 29th–31st start meaning the month's last such weekday.
 */
export function seriesDates(cadence: Cadence, first: LocalDate, last: LocalDate): LocalDate[] {
  const out: LocalDate[] = [];
  if (cadence !== 'monthly') {
    const step = cadence === 'weekly' ? 7 : 14;
    for (let d = first; d <= last; d = addDays(d, step)) out.push(d);
    return out;
  }
  const index = monthlyIndexOf(first);
  const weekday = isoWeekday(first);
  const { year, month } = dateParts(first);
  for (let k = 0; ; k++) {
    const d = nthWeekdayOfMonth(year, month + k, weekday, index);
    if (d > last) break;
    out.push(d);
  }
  return out;
}

const INDEXES: readonly MonthlyIndex[] = ['first', 'second', 'third', 'fourth', 'last'];

/** Which of its month's weekdays a date is: days 1–7 first … 22–28 fourth, 29–31 last. */
export function monthlyIndexOf(date: LocalDate): MonthlyIndex {
  return INDEXES[Math.floor((dateParts(date).day - 1) / 7)] as MonthlyIndex;
}

/** The `index` occurrence of ISO `weekday` in a month (month may run past 12 into later years). */
export function nthWeekdayOfMonth(year: number, month: number, weekday: number, index: MonthlyIndex): LocalDate {
  if (index === 'last') {
    const lastDay = dateOf(year, month + 1, 0);
    return addDays(lastDay, -((isoWeekday(lastDay) - weekday + 7) % 7));
  }
  const firstDay = dateOf(year, month, 1);
  const firstMatch = addDays(firstDay, (weekday - isoWeekday(firstDay) + 7) % 7);
  return addDays(firstMatch, 7 * INDEXES.indexOf(index));
}

/**
 * How many days from the earliest possible date candidate first sessions are drawn from: a week
 * gives every weekday; biweekly takes two so both alternating weeks are tried.
 */
export function candidateDays(cadence: Cadence): number {
  return cadence === 'biweekly' ? 14 : 7;
}
