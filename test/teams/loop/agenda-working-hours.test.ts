/**
 * Agendas go out inside the person's own working hours (from their enrolled directory profile),
 * and only without hours fall back to Monday–Friday 09:00–17:00 in their zone.
 */
import { describe, expect, it } from 'vitest';
import type { DirectoryProfile } from '../../../src/core/programs/enrolment.ts';
import { localWorkingWeek } from '../../../src/core/sessions/local-working-week.ts';
import type { DayOfWeek } from '../../../src/core/time/local-date.ts';
import { ianaZone, epochMs } from '../../../src/core/time.ts';
import { personAgendaTime } from '../../../src/core/sessions/person-agenda-time.ts';
import { weeklyWorkingMinutesUtc } from '../../../src/programs/working-week-utc.ts';

const kolkata = ianaZone('Asia/Kolkata');
const weekdays: DayOfWeek[] = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'];
/** The program's start: the UTC week the enrolment's hours were written for. */
const WRITTEN_FOR = epochMs(Date.UTC(2026, 0, 5));
const agendaTimeFor = (session: number, profile: DirectoryProfile | undefined) => personAgendaTime(epochMs(session), profile, WRITTEN_FOR);

/** A Kolkata profile whose working day is 07:30–16:00, Monday to Friday, as the directory prefill stores it. */
function kolkataProfile(hours: { start: string; end: string } | null): DirectoryProfile {
  return {
    displayName: 'Priya Raman',
    department: 'Engineering',
    jobTitle: 'Engineer',
    managerChain: [],
    seniorityLevel: 2,
    timeZone: kolkata,
    weeklyWorkingMinutesUtc:
      hours === null ? [] : weeklyWorkingMinutesUtc({ daysOfWeek: weekdays, startTime: hours.start, endTime: hours.end, timeZone: kolkata }, WRITTEN_FOR),
  };
}

describe('agenda send time with real working hours', () => {
  it('reads the UTC week back as the person works it in Kolkata', () => {
    const week = localWorkingWeek(kolkataProfile({ start: '07:30', end: '16:00' }).weeklyWorkingMinutesUtc, kolkata, WRITTEN_FOR);
    expect(week).toEqual({ daysOfWeek: weekdays, start: '07:30', end: '16:00' });
  });

  it('sends at 07:45 the day before to a Kolkata person whose day starts 07:30 (the default would wait until 09:00)', () => {
    // Wednesday 2026-03-04 07:45 IST = 02:15 UTC.
    const session = epochMs(Date.UTC(2026, 2, 4, 2, 15));
    const at = agendaTimeFor(session, kolkataProfile({ start: '07:30', end: '16:00' }));
    expect(new Date(at).toISOString()).toBe('2026-03-03T02:15:00.000Z');
    const fallback = agendaTimeFor(session, kolkataProfile(null));
    expect(new Date(fallback).toISOString()).toBe('2026-03-03T03:30:00.000Z'); // 09:00 IST
  });

  it('moves a session before 07:30 to the start of the Kolkata day, and Monday sessions to Friday', () => {
    // Monday 2026-03-09 06:00 IST = Monday 00:30 UTC → Friday 07:30 IST = 02:00 UTC.
    const at = agendaTimeFor(epochMs(Date.UTC(2026, 2, 9, 0, 30)), kolkataProfile({ start: '07:30', end: '16:00' }));
    expect(new Date(at).toISOString()).toBe('2026-03-06T02:00:00.000Z');
  });

  it('keeps the end margin of the person’s own day', () => {
    // Thursday 15:50 IST: latest agenda minute is 16:00 − 30 = 15:30 IST on Wednesday = 10:00 UTC.
    const at = agendaTimeFor(epochMs(Date.UTC(2026, 2, 5, 10, 20)), kolkataProfile({ start: '07:30', end: '16:00' }));
    expect(new Date(at).toISOString()).toBe('2026-03-04T10:00:00.000Z');
  });

  it('uses the default week in UTC without a profile', () => {
    const at = agendaTimeFor(epochMs(Date.UTC(2026, 2, 4, 6, 0)), undefined);
    expect(new Date(at).toISOString()).toBe('2026-03-03T09:00:00.000Z');
  });
});
