import { describe, expect, it } from 'vitest';
import { formatClockTime, parseClockTime } from '../../../src/core/time/clock-time.ts';
import { dayOfWeek, formatLocalDate, isoWeekday, parseLocalDate, type LocalDate } from '../../../src/core/time/local-date.ts';

describe('local dates', () => {
  it('parses, formats and knows weekdays across a leap day and New Year', () => {
    const leap = parseLocalDate('2028-02-29') as LocalDate;
    expect(formatLocalDate(leap)).toBe('2028-02-29');
    expect(dayOfWeek(leap)).toBe('tuesday');
    expect(isoWeekday(parseLocalDate('1970-01-01') as LocalDate)).toBe(4);
    const eve = parseLocalDate('2026-12-31') as LocalDate;
    expect(formatLocalDate((eve + 1) as LocalDate)).toBe('2027-01-01');
    expect(dayOfWeek((eve + 1) as LocalDate)).toBe('friday');
  });

  it('refuses dates that do not exist or are not ISO', () => {
    for (const bad of ['2026-02-29', '2026-13-01', '2026-1-5', '05/01/2026', '']) expect(parseLocalDate(bad)).toBeUndefined();
  });
});

describe('clock times', () => {
  it('parses HH:mm and Graph\'s HH:mm:ss.fffffff, refuses nonsense', () => {
    expect(parseClockTime('09:30')).toBe(570);
    expect(parseClockTime('17:00:00.0000000')).toBe(1020);
    expect(parseClockTime('24:00')).toBe(1440);
    for (const bad of ['25:00', '09:60', 'nine', '24:01']) expect(parseClockTime(bad)).toBeUndefined();
    expect(formatClockTime(585)).toBe('09:45');
  });
});
