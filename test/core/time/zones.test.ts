import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { UpwardError } from '../../../src/core/errors.ts';
import { DAY_MS, epochMs, HOUR_MS, ianaZone, MINUTE_MS } from '../../../src/core/time.ts';
import { parseLocalDate, type LocalDate } from '../../../src/core/time/local-date.ts';
import { offsetAt, wallToEpoch, zoneTimeline } from '../../../src/core/time/zone-timeline.ts';
import { epochToLocal, localToEpoch, toIanaZone, zoneLabel } from '../../../src/core/time/zones.ts';

const date = (text: string): LocalDate => parseLocalDate(text) as LocalDate;
const utc = (text: string): number => Date.parse(`${text}Z`);

describe('toIanaZone', () => {
  it('maps Windows names with the CLDR table, not by hand', () => {
    expect(toIanaZone('GMT Standard Time')).toBe('Europe/London');
    expect(toIanaZone('Pacific Standard Time')).toBe('America/Los_Angeles');
    expect(toIanaZone('Newfoundland Standard Time')).toBe('America/St_Johns');
    expect(toIanaZone('Cen. Australia Standard Time')).toBe('Australia/Adelaide');
    expect(toIanaZone('eastern standard time')).toBe('America/New_York');
    // CLDR's id for India is the old name Asia/Calcutta; people see IANA's current one.
    const india = toIanaZone('India Standard Time');
    expect(india).toBe('Asia/Kolkata');
    expect(toIanaZone('FLE Standard Time')).toBe('Europe/Kyiv');
    expect(toIanaZone('SE Asia Standard Time')).toBe('Asia/Bangkok');
    const nepal = toIanaZone('Nepal Standard Time');
    expect(localToEpoch(date('2026-07-01'), 600, india)).toBe(localToEpoch(date('2026-07-01'), 600, ianaZone('Asia/Kolkata')));
    expect(localToEpoch(date('2026-07-01'), 600, nepal)).toBe(utc('2026-07-01T04:15:00'));
  });

  it('passes IANA ids through in their canonical spelling', () => {
    expect(toIanaZone('Asia/Kolkata')).toBe('Asia/Kolkata');
    expect(toIanaZone('Asia/Calcutta')).toBe('Asia/Kolkata');
    expect(toIanaZone('asia/saigon')).toBe('Asia/Ho_Chi_Minh');
    expect(toIanaZone('  europe/london ')).toBe('Europe/London');
    expect(toIanaZone('UTC')).toBe('UTC');
  });

  it('refuses unknown names and bare offsets with a field error naming the zone', () => {
    for (const bad of ['Mars/Olympus_Mons', 'Narnia Standard Time', '+05:30', '']) {
      let caught: unknown;
      try {
        toIanaZone(bad, 'attendee.zone');
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(UpwardError);
      const error = caught as UpwardError;
      expect(error.code).toBe('bad_input');
      expect(error.fields[0]?.field).toBe('attendee.zone');
      expect(error.message).toContain(`"${bad}"`);
    }
  });

  it('labels zones by place', () => {
    expect(zoneLabel(ianaZone('America/St_Johns'))).toBe('St Johns');
    expect(zoneLabel(ianaZone('Europe/London'))).toBe('London');
  });

  it('labels zones IANA renamed by their current names, whichever id is stored', () => {
    expect(zoneLabel(ianaZone('Asia/Calcutta'))).toBe('Kolkata');
    expect(zoneLabel(ianaZone('Asia/Kolkata'))).toBe('Kolkata');
    expect(zoneLabel(ianaZone('Asia/Saigon'))).toBe('Ho Chi Minh');
    expect(zoneLabel(ianaZone('Europe/Kiev'))).toBe('Kyiv');
    expect(zoneLabel(ianaZone('Asia/Rangoon'))).toBe('Yangon');
    expect(zoneLabel(ianaZone('America/Godthab'))).toBe('Nuuk');
  });
});

describe('localToEpoch and its DST rule', () => {
  const ny = ianaZone('America/New_York');
  it('moves a time skipped by spring-forward forward by the jump', () => {
    // 2026-03-08 02:30 does not exist in New York; it reads as 03:30 EDT.
    expect(localToEpoch(date('2026-03-08'), 150, ny)).toBe(utc('2026-03-08T07:30:00'));
  });
  it('takes the earlier instant of a time repeated by fall-back', () => {
    // 2026-11-01 01:30 happens twice; the first is EDT (UTC-4).
    expect(localToEpoch(date('2026-11-01'), 90, ny)).toBe(utc('2026-11-01T05:30:00'));
  });
  it('handles half-hour and 45-minute offsets', () => {
    expect(localToEpoch(date('2026-01-15'), 540, ianaZone('Asia/Kathmandu'))).toBe(utc('2026-01-15T03:15:00'));
    expect(localToEpoch(date('2026-01-15'), 540, ianaZone('America/St_Johns'))).toBe(utc('2026-01-15T12:30:00'));
    expect(localToEpoch(date('2026-07-15'), 540, ianaZone('America/St_Johns'))).toBe(utc('2026-07-15T11:30:00'));
    expect(localToEpoch(date('2026-01-15'), 540, ianaZone('Australia/Adelaide'))).toBe(utc('2026-01-14T22:30:00'));
    expect(localToEpoch(date('2026-07-15'), 540, ianaZone('Australia/Adelaide'))).toBe(utc('2026-07-14T23:30:00'));
  });
  it('round-trips with epochToLocal', () => {
    const at = epochMs(utc('2026-07-14T23:30:00'));
    expect(epochToLocal(at, ianaZone('Australia/Adelaide'))).toEqual({ date: date('2026-07-15'), minuteOfDay: 540 });
  });
});

describe('ZoneTimeline gives Temporal\'s answers on plain numbers', () => {
  const zones = ['America/New_York', 'Europe/London', 'America/St_Johns', 'Australia/Adelaide', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'America/Santiago', 'Pacific/Chatham', 'Asia/Kolkata'];
  const from = Date.UTC(2025, 0, 1);
  const to = Date.UTC(2028, 0, 1);

  it('wallToEpoch matches Temporal "compatible" for random wall times, most of them near a transition', () => {
    const timelines = new Map(zones.map((z) => [z, zoneTimeline(ianaZone(z), from, to)]));
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: from + 2 * DAY_MS, max: to - 2 * DAY_MS }),
        fc.integer({ min: -3 * 60, max: 3 * 60 }),
        fc.boolean(),
        (zone, at, minutes, nearTransition) => {
          const tl = timelines.get(zone)!;
          let wall = Math.floor(at / MINUTE_MS) * MINUTE_MS;
          if (nearTransition && tl.starts.length > 1) {
            // Aim at a transition's wall-clock time, where gaps and overlaps are.
            const k = 1 + (Math.abs(at) % (tl.starts.length - 1));
            wall = (tl.starts[k] as number) + (tl.offsets[k - 1] as number) + minutes * MINUTE_MS;
          }
          const d = new Date(wall);
          const expected = new Temporal.PlainDateTime(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes())
            .toZonedDateTime(zone, { disambiguation: 'compatible' }).epochMilliseconds;
          expect(wallToEpoch(tl, wall)).toBe(expected);
          const instant = wall - 12 * HOUR_MS;
          expect(offsetAt(tl, instant)).toBe(Temporal.Instant.fromEpochMilliseconds(instant).toZonedDateTimeISO(zone).offsetNanoseconds / 1e6);
        },
      ),
      { numRuns: 600 },
    );
  });

  it('applies the gap and overlap rule itself', () => {
    const ny = zoneTimeline(ianaZone('America/New_York'), Date.UTC(2026, 0, 1), Date.UTC(2026, 11, 1));
    expect(wallToEpoch(ny, Date.UTC(2026, 2, 8, 2, 30))).toBe(utc('2026-03-08T07:30:00'));
    expect(wallToEpoch(ny, Date.UTC(2026, 10, 1, 1, 30))).toBe(utc('2026-11-01T05:30:00'));
    expect(wallToEpoch(ny, Date.UTC(2026, 10, 1, 2, 0))).toBe(utc('2026-11-01T07:00:00'));
    // Lord Howe Island moves its clocks by half an hour.
    const lh = zoneTimeline(ianaZone('Australia/Lord_Howe'), Date.UTC(2026, 0, 1), Date.UTC(2026, 11, 1));
    expect(wallToEpoch(lh, Date.UTC(2026, 9, 4, 2, 15))).toBe(utc('2026-10-03T15:45:00'));
  });

  it('falls back to Temporal outside its years', () => {
    const tl = zoneTimeline(ianaZone('Europe/London'), Date.UTC(2026, 5, 1), Date.UTC(2026, 6, 1));
    expect(wallToEpoch(tl, Date.UTC(2030, 6, 1, 12))).toBe(Date.UTC(2030, 6, 1, 11));
    expect(offsetAt(tl, Date.UTC(2031, 0, 1))).toBe(0);
  });
});
