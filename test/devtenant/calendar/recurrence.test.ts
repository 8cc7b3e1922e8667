import { describe, expect, it } from 'vitest';
import { dayFromCivil, formatIsoDate } from '../../../src/devtenant/calendar/civil.ts';
import { occurrenceDays, type RecurrenceRule } from '../../../src/devtenant/calendar/recurrence.ts';
import { delegated, dt, makeService } from './fixtures.ts';

const day = (iso: string): number => dayFromCivil(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
const dates = (days: number[]): string[] => days.map(formatIsoDate);
const rule = (fields: Partial<RecurrenceRule>): RecurrenceRule => ({
  type: 'weekly', interval: 1, daysOfWeek: [], firstDayOfWeek: 0, dayOfMonth: 0, month: 0, index: 0, rangeType: 'noEnd', startDay: day('2026-01-01'), ...fields,
});

describe('recurrence expansion on local dates', () => {
  it('weekly on several days, from the first matching day on or after startDate', () => {
    const r = rule({ daysOfWeek: [1, 3], startDay: day('2026-03-04') /* a wednesday */ });
    expect(dates(occurrenceDays(r, day('2026-03-01'), day('2026-03-17')))).toEqual(['2026-03-04', '2026-03-09', '2026-03-11', '2026-03-16']);
  });

  it('biweekly counts weeks from the week of the start, as firstDayOfWeek delimits them', () => {
    // Start on a sunday. With weeks starting monday that sunday closes week 0; with weeks starting
    // sunday it opens it — so the following monday is in week 1 (skipped) or week 0 (kept).
    const sundayStart = day('2026-03-01');
    const mondayWeeks = rule({ interval: 2, daysOfWeek: [0, 1], firstDayOfWeek: 1, startDay: sundayStart });
    const sundayWeeks = rule({ interval: 2, daysOfWeek: [0, 1], firstDayOfWeek: 0, startDay: sundayStart });
    expect(dates(occurrenceDays(mondayWeeks, sundayStart, day('2026-03-20')))).toEqual(['2026-03-01', '2026-03-09', '2026-03-15']);
    expect(dates(occurrenceDays(sundayWeeks, sundayStart, day('2026-03-20')))).toEqual(['2026-03-01', '2026-03-02', '2026-03-15', '2026-03-16']);
  });

  it('relativeMonthly "second tuesday" and "last friday"', () => {
    const second = rule({ type: 'relativeMonthly', daysOfWeek: [2], index: 1, startDay: day('2026-01-01') });
    expect(dates(occurrenceDays(second, day('2026-01-01'), day('2026-04-30')))).toEqual(['2026-01-13', '2026-02-10', '2026-03-10', '2026-04-14']);
    const last = rule({ type: 'relativeMonthly', daysOfWeek: [5], index: 4, startDay: day('2026-01-01') });
    expect(dates(occurrenceDays(last, day('2026-01-01'), day('2026-05-31')))).toEqual(['2026-01-30', '2026-02-27', '2026-03-27', '2026-04-24', '2026-05-29']);
  });

  it('relativeMonthly over a set of days picks the n-th matching day ("first weekday")', () => {
    const firstWeekday = rule({ type: 'relativeMonthly', daysOfWeek: [1, 2, 3, 4, 5], index: 0, startDay: day('2026-02-01') });
    // February 2026 starts on a sunday, March on a sunday, August on a saturday.
    expect(dates(occurrenceDays(firstWeekday, day('2026-02-01'), day('2026-03-31')))).toEqual(['2026-02-02', '2026-03-02']);
  });

  it('absoluteMonthly on the 31st falls on the last day of shorter months; interval skips months', () => {
    const r = rule({ type: 'absoluteMonthly', dayOfMonth: 31, interval: 1, startDay: day('2026-01-31') });
    expect(dates(occurrenceDays(r, day('2026-01-01'), day('2026-04-30')))).toEqual(['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30']);
    const quarterly = rule({ type: 'absoluteMonthly', dayOfMonth: 15, interval: 3, startDay: day('2026-01-15') });
    expect(dates(occurrenceDays(quarterly, day('2026-01-01'), day('2026-12-31')))).toEqual(['2026-01-15', '2026-04-15', '2026-07-15', '2026-10-15']);
  });

  it('numbered ranges count from the first occurrence even when the window starts later', () => {
    const r = rule({ type: 'daily', interval: 3, rangeType: 'numbered', numberOfOccurrences: 5, startDay: day('2026-03-01') });
    expect(dates(occurrenceDays(r, day('2026-01-01'), day('2026-12-31')))).toEqual(['2026-03-01', '2026-03-04', '2026-03-07', '2026-03-10', '2026-03-13']);
    expect(dates(occurrenceDays(r, day('2026-03-08'), day('2026-12-31')))).toEqual(['2026-03-10', '2026-03-13']);
  });

  it('endDate ranges include the end date and stop after it', () => {
    const r = rule({ daysOfWeek: [1], rangeType: 'endDate', startDay: day('2026-03-02'), endDay: day('2026-03-16') });
    expect(dates(occurrenceDays(r, day('2026-01-01'), day('2026-12-31')))).toEqual(['2026-03-02', '2026-03-09', '2026-03-16']);
  });

  it('yearly patterns', () => {
    const absolute = rule({ type: 'absoluteYearly', month: 2, dayOfMonth: 29, startDay: day('2024-02-29') });
    expect(dates(occurrenceDays(absolute, day('2024-01-01'), day('2026-12-31')))).toEqual(['2024-02-29', '2025-02-28', '2026-02-28']);
    const thanksgiving = rule({ type: 'relativeYearly', month: 11, daysOfWeek: [4], index: 3, startDay: day('2025-01-01') });
    expect(dates(occurrenceDays(thanksgiving, day('2025-01-01'), day('2026-12-31')))).toEqual(['2025-11-27', '2026-11-26']);
  });
});

describe('recurring events through the service keep their local time across DST', () => {
  const createSeries = (zone: string, localStart: string, localEnd: string, recurrence: object) => {
    const service = makeService();
    const master = service.createEvent(delegated('alice'), 'me', { subject: 'Series', start: dt(localStart, zone), end: dt(localEnd, zone), recurrence });
    const instances = service.eventInstances(delegated('alice'), 'me', String(master.id), { startDateTime: '2026-01-01T00:00:00Z', endDateTime: '2026-12-31T00:00:00Z', top: '1000' });
    return { service, master, instances: instances.value };
  };

  it('a 09:00 weekly meeting in Europe/Berlin stays at 09:00 Berlin time while UTC shifts on 29 March', () => {
    const { instances } = createSeries('Europe/Berlin', '2026-03-16T09:00:00', '2026-03-16T09:30:00', {
      pattern: { type: 'weekly', interval: 1, daysOfWeek: ['monday'], firstDayOfWeek: 'monday' },
      range: { type: 'numbered', startDate: '2026-03-16', numberOfOccurrences: 4 },
    });
    expect(instances.map((e: any) => e.start.dateTime)).toEqual([
      '2026-03-16T08:00:00.0000000', '2026-03-23T08:00:00.0000000', '2026-03-30T07:00:00.0000000', '2026-04-06T07:00:00.0000000',
    ]);
    expect(instances.map((e: any) => e.end.dateTime.slice(11, 16))).toEqual(['08:30', '08:30', '07:30', '07:30']);
  });

  it('a biweekly meeting given with a Windows zone follows the US change on 8 March', () => {
    const { instances } = createSeries('Pacific Standard Time', '2026-02-23T09:00:00', '2026-02-23T10:00:00', {
      pattern: { type: 'weekly', interval: 2, daysOfWeek: ['monday'], firstDayOfWeek: 'sunday' },
      range: { type: 'endDate', startDate: '2026-02-23', endDate: '2026-03-23' },
    });
    expect(instances.map((e: any) => e.start.dateTime)).toEqual(['2026-02-23T17:00:00.0000000', '2026-03-09T16:00:00.0000000', '2026-03-23T16:00:00.0000000']);
  });

  it('between the US and EU changes a Berlin meeting is an hour later in New York, and recurrenceTimeZone decides the clock', () => {
    const { service, master } = createSeries('UTC', '2026-03-02T08:00:00', '2026-03-02T08:30:00', {
      pattern: { type: 'weekly', interval: 1, daysOfWeek: ['monday'] },
      range: { type: 'numbered', startDate: '2026-03-02', numberOfOccurrences: 6, recurrenceTimeZone: 'W. Europe Standard Time' },
    });
    const ny = service.eventInstances(delegated('alice'), 'me', String(master.id), { startDateTime: '2026-03-01T00:00:00Z', endDateTime: '2026-05-01T00:00:00Z' }, { timeZone: 'Eastern Standard Time' }).value;
    // 09:00 Berlin: 03:00 New York, 04:00 once the US has changed (8 March) and Europe has not (29 March), then 03:00 again.
    expect(ny.map((e: any) => e.start.dateTime.slice(0, 16))).toEqual([
      '2026-03-02T03:00', '2026-03-09T04:00', '2026-03-16T04:00', '2026-03-23T04:00', '2026-03-30T03:00', '2026-04-06T03:00',
    ]);
    expect(ny.every((e: any) => e.start.timeZone === 'Eastern Standard Time')).toBe(true);
  });

  it('a weekly series given with the wrong weekday start begins on its first matching day', () => {
    const { master, instances } = createSeries('Europe/Berlin', '2026-03-01T10:00:00', '2026-03-01T10:30:00', {
      pattern: { type: 'weekly', interval: 1, daysOfWeek: ['tuesday'] },
      range: { type: 'numbered', startDate: '2026-03-01', numberOfOccurrences: 2 },
    });
    expect((master.start as any).dateTime).toBe('2026-03-03T09:00:00.0000000');
    expect(instances.map((e: any) => e.start.dateTime)).toEqual(['2026-03-03T09:00:00.0000000', '2026-03-10T09:00:00.0000000']);
  });

  it('exceptions move one occurrence and cancellations remove one, without extending a numbered series', () => {
    const { service, master, instances } = createSeries('Europe/Berlin', '2026-03-02T09:00:00', '2026-03-02T09:30:00', {
      pattern: { type: 'weekly', interval: 1, daysOfWeek: ['monday'] },
      range: { type: 'numbered', startDate: '2026-03-02', numberOfOccurrences: 4 },
    });
    const [first, second, third] = instances as any[];
    service.updateEvent(delegated('alice'), 'me', second.id, { subject: 'Moved', start: dt('2026-03-10T14:00:00', 'Europe/Berlin'), end: dt('2026-03-10T15:00:00', 'Europe/Berlin') });
    service.cancelEvent(delegated('alice'), 'me', third.id, { comment: 'Holiday' });
    const after = service.eventInstances(delegated('alice'), 'me', String(master.id), { startDateTime: '2026-01-01T00:00:00Z', endDateTime: '2026-12-31T00:00:00Z' }).value as any[];
    expect(after.map((e: any) => [e.type, e.subject, e.start.dateTime.slice(0, 16)])).toEqual([
      ['occurrence', 'Series', '2026-03-02T08:00'],
      ['exception', 'Moved', '2026-03-10T13:00'],
      ['occurrence', 'Series', '2026-03-23T08:00'],
    ]);
    expect(after[1].originalStart).toBe('2026-03-09T08:00:00Z');
    expect(after[1].id).toBe(second.id);
    expect(after[0].id).toBe(first.id);
    const reread = service.getEvent(delegated('alice'), 'me', String(master.id));
    expect(reread.cancelledOccurrences).toEqual([`OID.${master.id}.2026-03-16`]);
    expect(() => service.getEvent(delegated('alice'), 'me', third.id)).toThrow(expect.objectContaining({ status: 404, code: 'ErrorItemNotFound' }));
  });
});
