/**
 * Agendas go out inside the person's working hours in their own zone on the date they are sent,
 * on both sides of the US and EU daylight-saving changes of 2026 (US: 8 March and 1 November;
 * EU: 29 March and 25 October) — whether the enrolment kept the mailbox's own hours or only the
 * UTC week written for the program's start.
 */
import { describe, expect, it } from 'vitest';
import type { DirectoryProfile } from '../../../src/core/programs/enrolment.ts';
import { localWorkingWeek } from '../../../src/core/sessions/local-working-week.ts';
import { personAgendaTime } from '../../../src/core/sessions/person-agenda-time.ts';
import { epochMs, ianaZone, type EpochMs, type IanaZone } from '../../../src/core/time.ts';
import type { DayOfWeek } from '../../../src/core/time/local-date.ts';
import { epochToLocal } from '../../../src/core/time/zones.ts';
import { weeklyWorkingMinutesUtc } from '../../../src/programs/working-week-utc.ts';

const newYork = ianaZone('America/New_York');
const berlin = ianaZone('Europe/Berlin');
const weekdays: DayOfWeek[] = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'];
const at = (iso: string): EpochMs => epochMs(Date.parse(iso));
const iso = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');
/** Programs starting in winter and in summer: the UTC weeks enrolments were written for. */
const WINTER_START = at('2026-01-05T00:00:00Z');
const SUMMER_START = at('2026-07-06T00:00:00Z');

/** A 09:00–17:00 Monday–Friday person in `zone`, enrolled in a program starting at `programStart`. */
function profile(zone: IanaZone, programStart: EpochMs, kept: 'own hours' | 'UTC week only'): DirectoryProfile {
  const hours = { daysOfWeek: weekdays, startTime: '09:00', endTime: '17:00', timeZone: zone };
  return {
    displayName: 'Sam Lee',
    department: 'Sales',
    jobTitle: 'Director',
    managerChain: [],
    seniorityLevel: 18,
    timeZone: zone,
    weeklyWorkingMinutesUtc: weeklyWorkingMinutesUtc(hours, programStart),
    ...(kept === 'own hours' ? { workingHours: { daysOfWeek: weekdays, start: '09:00', end: '17:00', zone } } : {}),
  };
}

/** Minute of the day in `zone`, for "inside 09:00–17:00" checks. */
const localMinute = (instant: number, zone: IanaZone): number => epochToLocal(epochMs(instant), zone).minuteOfDay;

const CASES = [
  // [what, zone, program start, session, expected agenda]
  ['New York, before spring forward: 17:00 EST session', newYork, WINTER_START, '2026-03-03T22:00:00Z', '2026-03-02T21:30:00Z'],
  ['New York, after spring forward: 17:00 EDT session', newYork, WINTER_START, '2026-03-10T21:00:00Z', '2026-03-09T20:30:00Z'],
  ['New York, Monday after spring forward: Friday in EST at the same clock time', newYork, WINTER_START, '2026-03-09T13:30:00Z', '2026-03-06T14:30:00Z'],
  ['New York, before fall back: 08:15 EDT session', newYork, SUMMER_START, '2026-10-27T12:15:00Z', '2026-10-26T13:00:00Z'],
  ['New York, after fall back: 08:15 EST session', newYork, SUMMER_START, '2026-11-03T13:15:00Z', '2026-11-02T14:00:00Z'],
  ['Berlin, before spring forward: 17:00 CET session', berlin, WINTER_START, '2026-03-24T16:00:00Z', '2026-03-23T15:30:00Z'],
  ['Berlin, after spring forward: 17:00 CEST session', berlin, WINTER_START, '2026-03-31T15:00:00Z', '2026-03-30T14:30:00Z'],
  ['Berlin, before fall back: 08:15 CEST session', berlin, SUMMER_START, '2026-10-20T06:15:00Z', '2026-10-19T07:00:00Z'],
  ['Berlin, after fall back: 08:15 CET session', berlin, SUMMER_START, '2026-10-27T07:15:00Z', '2026-10-26T08:00:00Z'],
] as const;

describe('personAgendaTime across daylight-saving changes', () => {
  describe.each(['own hours', 'UTC week only'] as const)('with the enrolment keeping its %s', (kept) => {
    it.each(CASES)('%s', (_what, zone, programStart, session, expected) => {
      const sent = personAgendaTime(at(session), profile(zone, programStart, kept), programStart);
      expect(iso(sent)).toBe(expected);
      // Inside 09:00–16:30 (the end margin) on the person's own clock, on that date.
      expect(localMinute(sent, zone)).toBeGreaterThanOrEqual(9 * 60);
      expect(localMinute(sent, zone)).toBeLessThanOrEqual(16 * 60 + 30);
    });
  });

  it('times a New York and a Berlin person of one pair each in their own zone in the weeks the US and EU changes differ', () => {
    // Tuesday 17 March 2026 14:00 UTC: 10:00 EDT in New York (changed), 15:00 CET in Berlin (not yet).
    const session = at('2026-03-17T14:00:00Z');
    expect(iso(personAgendaTime(session, profile(newYork, WINTER_START, 'UTC week only'), WINTER_START))).toBe('2026-03-16T14:00:00Z');
    expect(iso(personAgendaTime(session, profile(berlin, WINTER_START, 'UTC week only'), WINTER_START))).toBe('2026-03-16T14:00:00Z');
    // A 16:45 CET session (15:45 UTC) is 11:45 EDT: Berlin's agenda is held to 16:30 CET, New York's is not.
    const late = at('2026-03-17T15:45:00Z');
    expect(iso(personAgendaTime(late, profile(berlin, WINTER_START, 'UTC week only'), WINTER_START))).toBe('2026-03-16T15:30:00Z');
    expect(iso(personAgendaTime(late, profile(newYork, WINTER_START, 'UTC week only'), WINTER_START))).toBe('2026-03-16T15:45:00Z');
  });
});

describe('localWorkingWeek', () => {
  it('reads a winter-written week back as 09:00–17:00 whenever it is used', () => {
    const weekly = weeklyWorkingMinutesUtc({ daysOfWeek: weekdays, startTime: '09:00', endTime: '17:00', timeZone: newYork }, WINTER_START);
    expect(localWorkingWeek(weekly, newYork, WINTER_START)).toEqual({ daysOfWeek: weekdays, start: '09:00', end: '17:00' });
  });

  it('reads each interval with the offset it was written with, even in the week the clocks change', () => {
    // The UTC week of Monday 2 March 2026 holds Sunday 8 March, when New York moves to EDT.
    const everyDay: DayOfWeek[] = [...weekdays, 'saturday', 'sunday'];
    const writtenFor = at('2026-03-04T12:00:00Z');
    const weekly = weeklyWorkingMinutesUtc({ daysOfWeek: everyDay, startTime: '09:00', endTime: '17:00', timeZone: newYork }, writtenFor);
    expect(localWorkingWeek(weekly, newYork, writtenFor)).toEqual({ daysOfWeek: everyDay, start: '09:00', end: '17:00' });
  });
});
