import { DateTime, IANAZone } from 'luxon';
import { WINDOWS_TO_IANA_MAP } from 'windows-iana';
import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE } from './civil.ts';
import { timeZoneNotSupported } from './errors.ts';
import type { NamedZone } from './types.ts';

/**
 * Zone names and conversions. Graph accepts Windows names ("Pacific Standard Time") and IANA
 * names everywhere it takes a zone. Conversions are hot (every generated item, every rendered
 * time), so offsets are cached per UTC day and luxon is consulted directly only on days with a
 * transition.
 */

const UTC_ALIASES = new Set(['utc', 'etc/utc', 'etc/uct', 'uct', 'zulu', 'etc/zulu', 'universal', 'etc/universal',
  'coordinated universal time', 'tzone://microsoft/utc']);

/** Lower-cased Windows name → IANA zone of its "001" (default territory) mapping. */
const windowsToIana = new Map<string, string>();
for (const entry of WINDOWS_TO_IANA_MAP) {
  const iana = entry.iana[0];
  if (entry.territory === '001' && iana) windowsToIana.set(entry.windowsName.toLowerCase(), iana);
}

const resolved = new Map<string, string | null>();

/** The IANA zone a Windows or IANA name denotes ('UTC' for the UTC aliases), or undefined. */
export function resolveZoneName(name: string): string | undefined {
  const key = name.trim().toLowerCase();
  let hit = resolved.get(key);
  if (hit === undefined) {
    hit = lookup(key);
    resolved.set(key, hit);
  }
  return hit ?? undefined;
}

function lookup(key: string): string | null {
  if (key === '') return null;
  if (UTC_ALIASES.has(key)) return 'UTC';
  const windows = windowsToIana.get(key);
  if (windows) return windows === 'Etc/UTC' ? 'UTC' : windows;
  // Offsets such as "+01:00" are valid for Intl but are not zone names Outlook accepts.
  if (!/^[a-z]/.test(key) || !IANAZone.isValidZone(key)) return null;
  const canonical = new Intl.DateTimeFormat('en-US', { timeZone: key }).resolvedOptions().timeZone;
  return canonical === 'Etc/UTC' ? 'UTC' : canonical;
}

/** Resolves a client-supplied zone or throws Graph's 400 TimeZoneNotSupportedException. */
export function requireZone(name: unknown): NamedZone {
  const text = typeof name === 'string' ? name : '';
  const iana = resolveZoneName(text);
  if (!iana) throw timeZoneNotSupported(text);
  return { name: text, iana };
}

export const UTC_ZONE: NamedZone = { name: 'UTC', iana: 'UTC' };

const zoneObjects = new Map<string, IANAZone>();
const dayOffsets = new Map<string, Map<number, number>>();

function zoneObject(iana: string): IANAZone {
  let z = zoneObjects.get(iana);
  if (!z) {
    z = IANAZone.create(iana);
    zoneObjects.set(iana, z);
  }
  return z;
}

/** The zone's UTC offset in minutes at an instant. */
export function offsetMinutes(iana: string, utcMs: number): number {
  if (iana === 'UTC') return 0;
  const day = Math.floor(utcMs / MS_PER_DAY);
  let perDay = dayOffsets.get(iana);
  if (!perDay) {
    perDay = new Map();
    dayOffsets.set(iana, perDay);
  }
  let offset = perDay.get(day);
  if (offset === undefined) {
    const z = zoneObject(iana);
    const a = z.offset(day * MS_PER_DAY);
    const b = z.offset(day * MS_PER_DAY + MS_PER_DAY - 1);
    // NaN marks a day with a transition: those few days are answered exactly, uncached.
    offset = a === b ? a : Number.NaN;
    perDay.set(day, offset);
  }
  return Number.isNaN(offset) ? zoneObject(iana).offset(utcMs) : offset;
}

/** Wall-clock ms (local time written as if UTC) of an instant in a zone. */
export function utcToWall(iana: string, utcMs: number): number {
  return utcMs + offsetMinutes(iana, utcMs) * MS_PER_MINUTE;
}

/**
 * The instant of a wall-clock time in a zone. Away from transitions the offset is constant over
 * the ±14 h in which the instant can lie; near one, luxon decides (a time in a spring-forward gap
 * moves forward by the gap; an ambiguous autumn time takes the later, standard-time instant).
 */
export function wallToUtc(iana: string, wallMs: number): number {
  if (iana === 'UTC') return wallMs;
  const before = offsetMinutes(iana, wallMs - 14 * MS_PER_HOUR);
  const after = offsetMinutes(iana, wallMs + 14 * MS_PER_HOUR);
  if (before === after) return wallMs - before * MS_PER_MINUTE;
  const d = new Date(wallMs);
  return DateTime.fromObject(
    {
      year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(),
      hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds(), millisecond: d.getUTCMilliseconds(),
    },
    { zone: iana },
  ).toMillis();
}
