/** The mailbox's working week in the matcher's contract: minutes of the UTC week, DST as of the term's start. */
import { describe, expect, it } from 'vitest';
import { UpwardError } from '../../src/core/errors.ts';
import { ianaZone, epochMs } from '../../src/core/time.ts';
import type { DayOfWeek } from '../../src/core/people/profile.ts';
import { seniorityFromDepth, TOP_SENIORITY_LEVEL } from '../../src/programs/seniority.ts';
import { utcWeekStart, weeklyWorkingMinutesUtc } from '../../src/programs/working-week-utc.ts';

const WEEKDAYS: DayOfWeek[] = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'];
const hours = (zone: string, start = '09:00', end = '17:00', daysOfWeek: DayOfWeek[] = WEEKDAYS) => ({ daysOfWeek, startTime: start, endTime: end, timeZone: ianaZone(zone) });
const at = (iso: string) => epochMs(Date.parse(iso));
const DAY = 1440;

describe('working hours on the UTC week', () => {
  it('finds Monday 00:00 UTC of any instant', () => {
    expect(new Date(utcWeekStart(at('2026-09-02T15:00:00Z'))).toISOString()).toBe('2026-08-31T00:00:00.000Z');
    expect(new Date(utcWeekStart(at('2026-08-31T00:00:00Z'))).toISOString()).toBe('2026-08-31T00:00:00.000Z');
    expect(new Date(utcWeekStart(at('2026-09-06T23:59:00Z'))).toISOString()).toBe('2026-08-31T00:00:00.000Z');
  });

  it('uses the offset in force when the term starts (London in winter and in summer)', () => {
    const winter = weeklyWorkingMinutesUtc(hours('Europe/London'), at('2027-01-11T00:00:00Z'));
    expect(winter).toEqual([0, 1, 2, 3, 4].map((d) => [d * DAY + 540, d * DAY + 1020]));
    const summer = weeklyWorkingMinutesUtc(hours('Europe/London'), at('2026-09-01T00:00:00Z'));
    expect(summer).toEqual([0, 1, 2, 3, 4].map((d) => [d * DAY + 480, d * DAY + 960]));
  });

  it('handles half-hour zones and Windows zone names', () => {
    expect(weeklyWorkingMinutesUtc(hours('India Standard Time', '09:30', '18:00'), at('2026-09-01T00:00:00Z'))[0]).toEqual([240, 750]);
  });

  it('puts a Friday that ends after midnight UTC on Friday/Saturday', () => {
    const la = weeklyWorkingMinutesUtc(hours('America/Los_Angeles', '09:00', '17:00', ['friday']), at('2026-09-01T00:00:00Z'));
    expect(la).toEqual([[4 * DAY + 960, 5 * DAY]]);
  });

  it('splits a Monday that starts on Sunday UTC into two pieces at the week boundary', () => {
    const auckland = weeklyWorkingMinutesUtc(hours('Pacific/Auckland', '09:00', '17:00', ['monday']), at('2026-07-01T00:00:00Z'));
    expect(auckland).toEqual([
      [0, 300],
      [6 * DAY + 21 * 60, 7 * DAY],
    ]);
  });

  it('refuses hours that make no sense, naming the field', () => {
    try {
      weeklyWorkingMinutesUtc(hours('Europe/London', '18:00', '09:00'), at('2026-09-01T00:00:00Z'), 'profile.workingHours');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(UpwardError);
      expect((error as UpwardError).fields.map((f) => f.field)).toEqual(['profile.workingHours.end']);
    }
  });
});

describe('seniority from the reporting line', () => {
  it('ranks the top of the tree highest and each manager above a person one level lower', () => {
    expect(seniorityFromDepth(0)).toBe(TOP_SENIORITY_LEVEL);
    expect(seniorityFromDepth(1)).toBe(TOP_SENIORITY_LEVEL - 1);
    expect(seniorityFromDepth(4)).toBe(TOP_SENIORITY_LEVEL - 4);
    expect(seniorityFromDepth(3) - seniorityFromDepth(5)).toBe(2);
    expect(seniorityFromDepth(40)).toBe(1);
  });
});
