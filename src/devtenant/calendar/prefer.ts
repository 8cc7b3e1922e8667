import { formatWallDateTime } from './civil.ts';
import type { NamedZone } from './types.ts';
import { requireZone, UTC_ZONE, utcToWall } from './zones.ts';

/**
 * The Prefer header (`outlook.timezone="Pacific Standard Time", odata.maxpagesize=50`) and the
 * zone responses are written in.
 */
export interface Preferences {
  timeZone?: string;
  maxPageSize?: number;
}

export function parsePrefer(header: string | undefined): Preferences {
  const out: Preferences = {};
  if (!header) return out;
  for (const part of header.split(',')) {
    const m = /^\s*([\w.-]+)\s*=\s*(?:"([^"]*)"|([^\s;]+))/.exec(part);
    if (!m) continue;
    const name = m[1]!.toLowerCase();
    const value = m[2] ?? m[3] ?? '';
    if (name === 'outlook.timezone') out.timeZone = value;
    if (name === 'odata.maxpagesize' && /^\d+$/.test(value)) out.maxPageSize = Number(value);
  }
  return out;
}

/** The zone times are answered in: the Prefer zone (validated) or UTC. */
export function outputZone(preferred: string | undefined): NamedZone {
  return preferred === undefined ? UTC_ZONE : requireZone(preferred);
}

/** An instant as Graph's dateTimeTimeZone in the answer zone. */
export function toDateTimeTimeZone(ms: number, zone: NamedZone): { dateTime: string; timeZone: string } {
  return { dateTime: formatWallDateTime(utcToWall(zone.iana, ms)), timeZone: zone.name };
}
