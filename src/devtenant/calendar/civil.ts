/**
 * Calendar-date arithmetic on "epoch days" (days since 1970-01-01) and wall-clock milliseconds.
 * Recurrence and generation work on local dates as plain integers; zones are applied only when a
 * wall time becomes an instant (zones.ts).
 */

export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;

/** Graph's dayOfWeek names, indexed like Date#getUTCDay (0 = sunday). */
export const DAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
export type DayName = (typeof DAY_NAMES)[number];

/** Epoch day of a calendar date (month 1..12). */
export function dayFromCivil(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

/** Calendar date of an epoch day. */
export function civilFromDay(epochDay: number): { year: number; month: number; day: number } {
  const d = new Date(epochDay * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** 0 = sunday .. 6 = saturday (1970-01-01 was a thursday). */
export function dayOfWeek(epochDay: number): number {
  return (((epochDay + 4) % 7) + 7) % 7;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Index of a day name (case-insensitive), or -1. */
export function dayIndex(name: string): number {
  return DAY_NAMES.indexOf(name.toLowerCase() as DayName);
}

/** Parses `YYYY-MM-DD` (a trailing time part, as old clients send, is ignored) into an epoch day. */
export function parseIsoDate(value: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$/.exec(value);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return undefined;
  return dayFromCivil(y, mo, d);
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

export function formatIsoDate(epochDay: number): string {
  const { year, month, day } = civilFromDay(epochDay);
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

const TWO_DIGITS = Array.from({ length: 100 }, (_, i) => (i < 10 ? `0${i}` : String(i)));
const THREE_DIGITS = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));

/**
 * Wall-clock ms (a local time written as if it were UTC) as Graph's `2026-03-15T09:00:00.0000000`.
 * Integer arithmetic (Hinnant's civil-from-days) instead of Date objects: getSchedule writes two of
 * these per item, thousands per call.
 */
export function formatWallDateTime(wallMs: number): string {
  const days = Math.floor(wallMs / MS_PER_DAY);
  let rest = wallMs - days * MS_PER_DAY;
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  const hour = Math.floor(rest / MS_PER_HOUR);
  rest -= hour * MS_PER_HOUR;
  const minute = Math.floor(rest / MS_PER_MINUTE);
  rest -= minute * MS_PER_MINUTE;
  const second = Math.floor(rest / 1000);
  const ms = rest - second * 1000;
  const y = year >= 1000 ? String(year) : String(year).padStart(4, '0');
  return `${y}-${TWO_DIGITS[month]}-${TWO_DIGITS[day]}T${TWO_DIGITS[hour]}:${TWO_DIGITS[minute]}:${TWO_DIGITS[second]}.${THREE_DIGITS[ms]}0000`;
}

/** An instant as Graph's Edm.DateTimeOffset with seven fractional digits (`...T09:00:00.1230000Z`). */
export function formatInstant(ms: number): string {
  return `${formatWallDateTime(ms)}Z`;
}

/** An instant without fractional seconds, as Graph writes `originalStart` (`2026-03-15T08:00:00Z`). */
export function formatInstantSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Parses `HH:mm` or `HH:mm:ss(.fffffff)` into minutes after midnight. */
export function parseTimeOfDay(value: string): number | undefined {
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/.exec(value.trim());
  if (!m) return undefined;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 24 || min > 59 || (h === 24 && min > 0)) return undefined;
  return h * 60 + min;
}

/** Minutes after midnight as Graph's Edm.TimeOfDay `08:00:00.0000000`. */
export function formatTimeOfDay(minutes: number): string {
  return `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}:00.0000000`;
}
