import { UpwardError } from '../core/errors.ts';

/** Graph's `dateTimeTimeZone.dateTime` for a UTC instant: wall time, seven fractional digits, no offset. */
export function graphUtcDateTime(at: number): string {
  return `${new Date(at).toISOString().slice(0, 23)}0000`;
}

const GRAPH_TIME = /^(\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d)?)(?:\.(\d+))?(Z|[+-]\d\d:\d\d)?$/i;

/**
 * A `dateTimeTimeZone.dateTime` asked for in UTC (`Prefer: outlook.timezone="UTC"`), or a
 * `DateTimeOffset` such as `originalStart` (which carries its own `Z` or offset), as epoch ms.
 * Graph writes seven fractional digits; they are cut to milliseconds before parsing.
 */
export function parseGraphUtc(text: string): number {
  const match = GRAPH_TIME.exec(String(text).trim());
  const value = match ? Date.parse(`${match[1]}.${(match[2] ?? '').padEnd(3, '0').slice(0, 3)}${match[3] ?? 'Z'}`) : Number.NaN;
  if (Number.isNaN(value)) throw new UpwardError('upstream', `Microsoft Graph sent an unreadable time "${text}"`);
  return value;
}
