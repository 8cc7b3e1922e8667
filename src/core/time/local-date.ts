import type { Brand } from '../ids.ts';
import { DAY_MS } from '../time.ts';

/**
 * A date on a wall calendar, with no zone: whole days since 1970-01-01 (proleptic Gregorian).
 * A plain integer so that date arithmetic inside the series search is addition, not a library
 * call; `Date.UTC` and the `getUTC*` accessors are used only because they are exact calendar
 * arithmetic, never to read the clock or the machine's zone.
 */
export type LocalDate = Brand<number, 'LocalDate'>;

/** Day names as Microsoft Graph spells them (`workingHours.daysOfWeek`, recurrence patterns). */
export const DAYS_OF_WEEK = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type DayOfWeek = (typeof DAYS_OF_WEEK)[number];

export const localDate = (days: number): LocalDate => days as LocalDate;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses `YYYY-MM-DD`; `undefined` for anything else, including dates that do not exist (02-30). */
export function parseLocalDate(text: string): LocalDate | undefined {
  const match = ISO_DATE.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  // Date.UTC maps years 0–99 to 1900+; nothing Upward schedules is that old.
  if (year < 1900) return undefined;
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return undefined;
  }
  return localDate(ms / DAY_MS);
}

/** `YYYY-MM-DD`. */
export function formatLocalDate(date: LocalDate): string {
  const { year, month, day } = dateParts(date);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Year, month (1–12) and day of month (1–31). */
export function dateParts(date: LocalDate): { year: number; month: number; day: number } {
  const d = new Date(date * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** The date of a year, month (1–12) and day; months and days overflow like `Date.UTC`. */
export function dateOf(year: number, month: number, day: number): LocalDate {
  return localDate(Date.UTC(year, month - 1, day) / DAY_MS);
}

/** ISO weekday: Monday 1 … Sunday 7. 1970-01-01 was a Thursday (4). */
export function isoWeekday(date: LocalDate): number {
  return ((((date + 3) % 7) + 7) % 7) + 1;
}

/** The Graph day name of a date. */
export function dayOfWeek(date: LocalDate): DayOfWeek {
  return DAYS_OF_WEEK[isoWeekday(date) - 1] as DayOfWeek;
}

/** ISO weekday (1–7) of a Graph day name, case-insensitive; `undefined` if it is not one. */
export function isoWeekdayOf(name: string): number | undefined {
  const index = (DAYS_OF_WEEK as readonly string[]).indexOf(name.toLowerCase());
  return index < 0 ? undefined : index + 1;
}

export const addDays = (date: LocalDate, days: number): LocalDate => localDate(date + days);
