import { civilFromDay, dayFromCivil, dayOfWeek, daysInMonth } from './civil.ts';

/**
 * Graph's recurrence rules expanded on local calendar dates (epoch days). Times of day and zones
 * are applied by the caller, so a 09:00 meeting stays at 09:00 local time across DST changes.
 */

export type PatternType = 'daily' | 'weekly' | 'absoluteMonthly' | 'relativeMonthly' | 'absoluteYearly' | 'relativeYearly';
export type RangeType = 'endDate' | 'numbered' | 'noEnd';
export const PATTERN_TYPES: readonly PatternType[] = ['daily', 'weekly', 'absoluteMonthly', 'relativeMonthly', 'absoluteYearly', 'relativeYearly'];
export const RANGE_TYPES: readonly RangeType[] = ['endDate', 'numbered', 'noEnd'];
export const WEEK_INDEXES = ['first', 'second', 'third', 'fourth', 'last'] as const;
export type WeekIndex = (typeof WEEK_INDEXES)[number];

/** A validated rule; days of week are 0 = sunday .. 6 = saturday. */
export interface RecurrenceRule {
  type: PatternType;
  interval: number;
  daysOfWeek: number[];
  firstDayOfWeek: number;
  dayOfMonth: number;
  month: number;
  /** 0..3 = first..fourth, 4 = last. */
  index: number;
  rangeType: RangeType;
  startDay: number;
  endDay?: number;
  numberOfOccurrences?: number;
}

/** Bound on how far an open-ended scan runs, so a bad window cannot loop forever. */
const MAX_PERIODS = 200_000;

/**
 * The occurrence dates of a rule that fall in [fromDay, toDay], ascending. Numbered ranges count
 * from the first occurrence, so they are always scanned from the start; others skip ahead.
 */
export function occurrenceDays(rule: RecurrenceRule, fromDay: number, toDay: number): number[] {
  const out: number[] = [];
  const lastDay = rule.rangeType === 'endDate' ? (rule.endDay ?? rule.startDay) : Number.POSITIVE_INFINITY;
  const limit = rule.rangeType === 'numbered' ? (rule.numberOfOccurrences ?? 0) : Number.POSITIVE_INFINITY;
  const until = Math.min(toDay, lastDay);
  if (until < rule.startDay || limit <= 0) return out;
  const needsDays = rule.type === 'weekly' || rule.type === 'relativeMonthly' || rule.type === 'relativeYearly';
  if (needsDays && rule.daysOfWeek.length === 0) return out;
  let count = 0;
  let k = rule.rangeType === 'numbered' ? 0 : Math.max(0, firstPeriodNear(rule, fromDay) - 1);
  for (let guard = 0; guard < MAX_PERIODS; guard++, k++) {
    const days = periodDays(rule, k);
    if (days.length > 0 && days[0]! > until) break;
    for (const day of days) {
      if (day < rule.startDay) continue;
      if (day > until || count >= limit) return out;
      count++;
      if (day >= fromDay) out.push(day);
    }
  }
  return out;
}

/** The first occurrence date of a rule (undefined if the range allows none). */
export function firstOccurrenceDay(rule: RecurrenceRule): number | undefined {
  // Every pattern recurs within 100 years (yearly rules with interval <= 99 included).
  return occurrenceDays(rule, rule.startDay, rule.startDay + 366 * 100)[0];
}

/** Is `day` an occurrence date of the rule (respecting the range)? */
export function isOccurrenceDay(rule: RecurrenceRule, day: number): boolean {
  return occurrenceDays(rule, day, day).length === 1;
}

function monthIndex(day: number): number {
  const { year, month } = civilFromDay(day);
  return year * 12 + (month - 1);
}

/** Index of the period containing `day`, counted from the period of the start date. */
function firstPeriodNear(rule: RecurrenceRule, day: number): number {
  if (day <= rule.startDay) return 0;
  switch (rule.type) {
    case 'daily':
      return Math.floor((day - rule.startDay) / rule.interval);
    case 'weekly':
      return Math.floor((day - weekStart(rule.startDay, rule.firstDayOfWeek)) / (7 * rule.interval));
    case 'absoluteMonthly':
    case 'relativeMonthly':
      return Math.floor((monthIndex(day) - monthIndex(rule.startDay)) / rule.interval);
    default:
      return Math.floor((civilFromDay(day).year - civilFromDay(rule.startDay).year) / rule.interval);
  }
}

function weekStart(day: number, firstDayOfWeek: number): number {
  return day - ((dayOfWeek(day) - firstDayOfWeek + 7) % 7);
}

/** The candidate dates of period k, ascending (before range and start-date filtering). */
function periodDays(rule: RecurrenceRule, k: number): number[] {
  switch (rule.type) {
    case 'daily':
      return [rule.startDay + k * rule.interval];
    case 'weekly': {
      const base = weekStart(rule.startDay, rule.firstDayOfWeek) + 7 * rule.interval * k;
      return rule.daysOfWeek.map((d) => base + ((d - rule.firstDayOfWeek + 7) % 7)).sort((a, b) => a - b);
    }
    case 'absoluteMonthly':
    case 'relativeMonthly': {
      const m = monthIndex(rule.startDay) + rule.interval * k;
      return [dayInMonth(rule, Math.floor(m / 12), (m % 12) + 1)];
    }
    default: {
      const year = civilFromDay(rule.startDay).year + rule.interval * k;
      return [dayInMonth(rule, year, rule.month)];
    }
  }
}

/** The day a monthly or yearly rule picks in one month. */
function dayInMonth(rule: RecurrenceRule, year: number, month: number): number {
  const length = daysInMonth(year, month);
  if (rule.type === 'absoluteMonthly' || rule.type === 'absoluteYearly') {
    // Outlook puts "the 31st" on the last day of shorter months.
    return dayFromCivil(year, month, Math.min(rule.dayOfMonth, length));
  }
  // Relative: the n-th (or last) day of the month whose weekday is in the set ("first weekday").
  const first = dayFromCivil(year, month, 1);
  const matches: number[] = [];
  for (let d = first; d < first + length; d++) if (rule.daysOfWeek.includes(dayOfWeek(d))) matches.push(d);
  const pick = rule.index === 4 ? matches[matches.length - 1] : matches[Math.min(rule.index, matches.length - 1)];
  return pick ?? first;
}
