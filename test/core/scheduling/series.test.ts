import { describe, expect, it } from 'vitest';
import { monthlyIndexOf, nthWeekdayOfMonth, seriesDates } from '../../../src/core/scheduling/series.ts';
import { dayOfWeek, formatLocalDate, parseLocalDate, type LocalDate } from '../../../src/core/time/local-date.ts';

const d = (text: string): LocalDate => parseLocalDate(text) as LocalDate;
const texts = (dates: LocalDate[]): string[] => dates.map(formatLocalDate);

describe('seriesDates', () => {
  it('weekly and biweekly step 7 and 14 days up to the last date, across New Year', () => {
    expect(texts(seriesDates('weekly', d('2026-12-15'), d('2027-01-05')))).toEqual(['2026-12-15', '2026-12-22', '2026-12-29', '2027-01-05']);
    expect(texts(seriesDates('biweekly', d('2026-12-15'), d('2027-01-11')))).toEqual(['2026-12-15', '2026-12-29']);
  });

  it('monthly keeps "the n-th weekday", like Graph relativeMonthly', () => {
    // 10 March 2026 is the second Tuesday.
    const dates = seriesDates('monthly', d('2026-03-10'), d('2026-08-31'));
    expect(texts(dates)).toEqual(['2026-03-10', '2026-04-14', '2026-05-12', '2026-06-09', '2026-07-14', '2026-08-11']);
    expect(dates.every((x) => dayOfWeek(x) === 'tuesday')).toBe(true);
  });

  it('a start on the 29th–31st means the last such weekday of each month', () => {
    expect(monthlyIndexOf(d('2026-03-31'))).toBe('last');
    expect(texts(seriesDates('monthly', d('2026-03-31'), d('2026-06-30')))).toEqual(['2026-03-31', '2026-04-28', '2026-05-26', '2026-06-30']);
  });

  it('finds the n-th weekday of months past December', () => {
    expect(formatLocalDate(nthWeekdayOfMonth(2026, 13, 1, 'first'))).toBe('2027-01-04');
    expect(formatLocalDate(nthWeekdayOfMonth(2027, 2, 5, 'fourth'))).toBe('2027-02-26');
  });
});
