import { dayFromCivil, MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE } from './civil.ts';
import { invalidParameter, invalidRequest, requestBodyRead } from './errors.ts';
import { isObject } from './json-input.ts';
import { requireZone, utcToWall, wallToUtc } from './zones.ts';
import type { NamedZone } from './types.ts';

/** A dateTimeTimeZone read from a request: the instant, its wall time and the zone it was given in. */
export interface ParsedDateTime {
  ms: number;
  /** Wall-clock ms in `zone` (local time written as if UTC). */
  wallMs: number;
  zone: NamedZone;
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?(Z|[+-]\d{2}:\d{2})?$/;

/** Wall ms of `YYYY-MM-DDTHH:mm[:ss[.f]]` and the explicit offset (minutes) if one was written. */
function parseWall(text: string): { wallMs: number; offset?: number } | undefined {
  const m = DATE_TIME.exec(text.trim());
  if (!m) return undefined;
  const [y, mo, d, h, mi] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5])];
  const s = m[6] ? Number(m[6]) : 0;
  const frac = m[7] ? Math.floor(Number(`0.${m[7]}`) * 1000) : 0;
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return undefined;
  const day = dayFromCivil(y, mo, d);
  if (new Date(day * MS_PER_DAY).getUTCDate() !== d) return undefined;
  const wallMs = day * MS_PER_DAY + h * MS_PER_HOUR + mi * MS_PER_MINUTE + s * 1000 + frac;
  const suffix = m[8];
  if (!suffix) return { wallMs };
  if (suffix === 'Z') return { wallMs, offset: 0 };
  const sign = suffix.startsWith('-') ? -1 : 1;
  return { wallMs, offset: sign * (Number(suffix.slice(1, 3)) * 60 + Number(suffix.slice(4, 6))) };
}

/**
 * Reads a dateTimeTimeZone (`{dateTime, timeZone}`). The zone is validated first (Graph answers an
 * unknown zone with TimeZoneNotSupportedException whatever else is wrong); an explicit offset in
 * `dateTime` fixes the instant.
 */
export function parseDateTimeTimeZone(value: unknown, field: string): ParsedDateTime {
  if (!isObject(value)) throw requestBodyRead(`The property '${field}' must be a dateTimeTimeZone object.`);
  const zone = requireZone(value.timeZone);
  const text = value.dateTime;
  if (typeof text !== 'string') throw requestBodyRead(`The property 'dateTime' of '${field}' must be a string.`);
  const parsed = parseWall(text);
  if (!parsed) throw invalidRequest(`The value '${text}' of '${field}.dateTime' is not a valid date and time.`);
  if (parsed.offset === undefined) return { ms: wallToUtc(zone.iana, parsed.wallMs), wallMs: parsed.wallMs, zone };
  const ms = parsed.wallMs - parsed.offset * MS_PER_MINUTE;
  return { ms, wallMs: utcToWall(zone.iana, ms), zone };
}

/**
 * Reads a query-string instant such as calendarView's startDateTime. Graph interprets a value
 * without an offset as UTC, and the Prefer zone does not apply to it.
 */
export function parseQueryInstant(value: string, name: string): number {
  const parsed = parseWall(value);
  if (!parsed) throw invalidParameter(`The value '${value}' of the query parameter '${name}' is not a valid date and time.`);
  return parsed.wallMs - (parsed.offset ?? 0) * MS_PER_MINUTE;
}

/** Reads an ISO 8601 duration (`PT45M`, `PT1H30M`, `P1D`) into milliseconds. */
export function parseIsoDuration(value: string): number | undefined {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(value.trim());
  if (!m || value.trim() === 'P' || value.trim().endsWith('T')) return undefined;
  const [d, h, mi, s] = [m[1], m[2], m[3], m[4]].map((x) => (x ? Number(x) : 0)) as [number, number, number, number];
  return d * MS_PER_DAY + h * MS_PER_HOUR + mi * MS_PER_MINUTE + Math.round(s * 1000);
}
