import { describe, expect, it } from 'vitest';
import { formatWallDateTime } from '../../../src/devtenant/calendar/civil.ts';
import { resolveZoneName, utcToWall, wallToUtc } from '../../../src/devtenant/calendar/zones.ts';

describe('zone names', () => {
  it('accepts Windows names (any case), IANA names and UTC aliases', () => {
    expect(resolveZoneName('Pacific Standard Time')).toBe('America/Los_Angeles');
    expect(resolveZoneName('w. europe standard time')).toBe('Europe/Berlin');
    expect(resolveZoneName('GMT Standard Time')).toBe('Europe/London');
    expect(resolveZoneName('India Standard Time')).toMatch(/^Asia\/(Kolkata|Calcutta)$/);
    expect(resolveZoneName('Europe/Berlin')).toBe('Europe/Berlin');
    expect(resolveZoneName('america/new_york')).toBe('America/New_York');
    expect(resolveZoneName('UTC')).toBe('UTC');
    expect(resolveZoneName('Etc/UTC')).toBe('UTC');
  });

  it('refuses what is not a zone', () => {
    for (const name of ['', 'Mars/Olympus', 'Nowhere Standard Time', '+01:00', 'PST-8']) expect(resolveZoneName(name), name).toBeUndefined();
  });
});

describe('conversions', () => {
  const wall = (iso: string) => Date.parse(`${iso}Z`);

  it('converts wall time to instants on both sides of DST changes', () => {
    expect(new Date(wallToUtc('Europe/Berlin', wall('2026-03-28T09:00:00'))).toISOString()).toBe('2026-03-28T08:00:00.000Z');
    expect(new Date(wallToUtc('Europe/Berlin', wall('2026-03-30T09:00:00'))).toISOString()).toBe('2026-03-30T07:00:00.000Z');
    expect(new Date(wallToUtc('America/New_York', wall('2026-11-02T09:00:00'))).toISOString()).toBe('2026-11-02T14:00:00.000Z');
    expect(new Date(wallToUtc('Asia/Kathmandu', wall('2026-03-02T09:00:00'))).toISOString()).toBe('2026-03-02T03:15:00.000Z');
  });

  it('moves a time in the spring-forward gap forward, and round-trips ordinary times', () => {
    expect(new Date(wallToUtc('Europe/Berlin', wall('2026-03-29T02:30:00'))).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    for (let t = Date.parse('2026-03-27T00:00:00Z'); t < Date.parse('2026-04-01T00:00:00Z'); t += 20 * 60_000) {
      expect(wallToUtc('Europe/Berlin', utcToWall('Europe/Berlin', t))).toBe(t);
    }
  });

  it('formats wall time with seven fractional digits', () => {
    expect(formatWallDateTime(wall('2026-03-15T09:05:07.123'))).toBe('2026-03-15T09:05:07.1230000');
    expect(formatWallDateTime(wall('1999-12-31T23:59:59'))).toBe('1999-12-31T23:59:59.0000000');
  });
});
