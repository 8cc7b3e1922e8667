import { describe, expect, it } from 'vitest';
import { UpwardError } from '../../../src/core/errors.ts';
import { HOUR_MS, ianaZone } from '../../../src/core/time.ts';
import { interval } from '../../../src/core/time/intervals.ts';
import { expandWorkingHours, resolveWorkingHours } from '../../../src/core/time/working-hours.ts';

const utc = (text: string): number => Date.parse(`${text}Z`);
const weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'] as const;

describe('expandWorkingHours', () => {
  it('follows each zone across the weeks when the US has changed clocks and Europe has not', () => {
    const week = interval(utc('2026-03-09T00:00:00'), utc('2026-03-10T00:00:00'));
    const ny = expandWorkingHours({ daysOfWeek: weekdays, start: '09:00', end: '17:00', zone: ianaZone('America/New_York') }, week);
    const london = expandWorkingHours({ daysOfWeek: weekdays, start: '09:00', end: '17:00', zone: ianaZone('Europe/London') }, week);
    // Monday 9 March: New York is on EDT (UTC-4), London still on GMT: a 4-hour gap, not 5.
    expect(ny).toEqual([interval(utc('2026-03-09T13:00:00'), utc('2026-03-09T21:00:00'))]);
    expect(london).toEqual([interval(utc('2026-03-09T09:00:00'), utc('2026-03-09T17:00:00'))]);
    const before = expandWorkingHours(
      { daysOfWeek: weekdays, start: '09:00', end: '17:00', zone: ianaZone('America/New_York') },
      interval(utc('2026-03-06T00:00:00'), utc('2026-03-07T00:00:00')),
    );
    expect(before).toEqual([interval(utc('2026-03-06T14:00:00'), utc('2026-03-06T22:00:00'))]);
  });

  it('makes a working day that spans the change seven hours long in UTC', () => {
    // Someone who works Sunday 01:00–09:00 in London on the day clocks go forward.
    const day = interval(utc('2026-03-29T00:00:00'), utc('2026-03-30T00:00:00'));
    const hours = expandWorkingHours({ daysOfWeek: ['sunday'], start: '01:00', end: '09:00', zone: ianaZone('Europe/London') }, day);
    expect(hours).toEqual([interval(utc('2026-03-29T01:00:00'), utc('2026-03-29T08:00:00'))]);
    expect((hours[0]!.end - hours[0]!.start) / HOUR_MS).toBe(7);
  });

  it('handles Adelaide (+10:30 in its summer, +9:30 in winter) and St John\'s (-3:30/-2:30)', () => {
    const adelaide = { daysOfWeek: weekdays, start: '09:00', end: '17:30', zone: ianaZone('Australia/Adelaide') };
    expect(expandWorkingHours(adelaide, interval(utc('2026-04-02T00:00:00'), utc('2026-04-03T00:00:00')))).toEqual([
      interval(utc('2026-04-02T00:00:00'), utc('2026-04-02T07:00:00')),
      interval(utc('2026-04-02T22:30:00'), utc('2026-04-03T00:00:00')),
    ]);
    // Clocks went back on Sunday 5 April: Monday 09:00 is now 23:30 UTC the evening before.
    expect(expandWorkingHours(adelaide, interval(utc('2026-04-06T00:00:00'), utc('2026-04-07T00:00:00')))).toEqual([
      interval(utc('2026-04-06T00:00:00'), utc('2026-04-06T08:00:00')),
      interval(utc('2026-04-06T23:30:00'), utc('2026-04-07T00:00:00')),
    ]);
    const stJohns = { daysOfWeek: weekdays, start: '09:00', end: '17:00', zone: ianaZone('America/St_Johns') };
    expect(expandWorkingHours(stJohns, interval(utc('2026-01-05T00:00:00'), utc('2026-01-06T00:00:00')))).toEqual([
      interval(utc('2026-01-05T12:30:00'), utc('2026-01-05T20:30:00')),
    ]);
  });

  it('returns only the working days, sorted and within the range', () => {
    const range = interval(utc('2026-01-01T00:00:00'), utc('2026-01-15T00:00:00'));
    const hours = expandWorkingHours({ daysOfWeek: ['monday', 'wednesday'], start: '08:00', end: '12:00', zone: ianaZone('UTC') }, range);
    expect(hours.map((x) => new Date(x.start).toISOString().slice(0, 10))).toEqual(['2026-01-05', '2026-01-07', '2026-01-12', '2026-01-14']);
  });
});

describe('resolveWorkingHours', () => {
  it('reads Graph\'s spelling: capitalised days, seconds and a Windows zone', () => {
    const hours = resolveWorkingHours({ daysOfWeek: ['Monday', 'friday'], start: '08:30:00.0000000', end: '17:00:00.0000000', zone: 'India Standard Time' });
    expect(hours.startMinute).toBe(510);
    expect(hours.endMinute).toBe(1020);
    expect(hours.days[1]).toBe(true);
    expect(hours.days[5]).toBe(true);
    expect(hours.days[3]).toBe(false);
  });

  it('names every field at fault', () => {
    let caught: UpwardError | undefined;
    try {
      resolveWorkingHours({ daysOfWeek: ['funday'], start: '18:00', end: '09:00', zone: 'Nowhere/Town' }, 'attendee.workingHours');
    } catch (error) {
      caught = error as UpwardError;
    }
    expect(caught?.code).toBe('bad_input');
    const fields = caught?.fields.map((f) => f.field);
    expect(fields).toEqual(['attendee.workingHours.daysOfWeek', 'attendee.workingHours.end', 'attendee.workingHours.zone']);
    expect(caught?.fields[1]?.message).toContain('cross midnight');
  });
});
