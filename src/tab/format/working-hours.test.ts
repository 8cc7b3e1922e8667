import { describe, expect, it } from 'vitest';
import { localTimeIn } from './local-time.ts';
import { describeWorkingHours, workingHoursZoneLabel } from './working-hours.ts';
import { zoneLabel } from './zone-label.ts';

const india = { iana: 'Asia/Kolkata', label: 'India Standard Time' };
const week = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'] as const;

describe('describeWorkingHours', () => {
  it('writes days, hours and the zone as the mailbox names it', () => {
    const profile = { timeZone: india, workingHours: { daysOfWeek: week, startTime: '09:00', endTime: '17:30', timeZone: 'India Standard Time' } };
    expect(describeWorkingHours(profile, 'en')).toBe('Monday–Friday, 09:00–17:30 (India Standard Time)');
  });

  it('drops Graph’s seconds and fractions from the times', () => {
    const profile = { timeZone: india, workingHours: { daysOfWeek: week, startTime: '08:30:00.0000000', endTime: '16:45:00.0000000', timeZone: 'India Standard Time' } };
    expect(describeWorkingHours(profile, 'en')).toBe('Monday–Friday, 08:30–16:45 (India Standard Time)');
  });

  it('names the zone the way people say it, whichever way the mailbox spells it', () => {
    const hours = (timeZone: string) => ({ daysOfWeek: week, startTime: '09:00', endTime: '17:00', timeZone });
    expect(workingHoursZoneLabel({ timeZone: india, workingHours: hours('Asia/Kolkata') }, 'en')).toBe('India Standard Time');
    expect(workingHoursZoneLabel({ timeZone: india, workingHours: hours('') }, 'en')).toBe('India Standard Time');
    expect(workingHoursZoneLabel({ timeZone: india, workingHours: hours('Europe/Berlin') }, 'en')).toBe('Central European Time');
    const ianaOnly = { iana: 'Asia/Kolkata', label: 'Asia/Kolkata' };
    expect(workingHoursZoneLabel({ timeZone: ianaOnly, workingHours: hours('Asia/Kolkata') }, 'en')).toBe('India Standard Time');
  });
});

describe('zoneLabel', () => {
  it('gives the everyday name with the id, and never repeats the id', () => {
    expect(zoneLabel(india, 'en')).toBe('India Standard Time (Asia/Kolkata)');
    expect(zoneLabel({ iana: 'Asia/Kolkata', label: 'Asia/Kolkata' }, 'en')).toBe('India Standard Time (Asia/Kolkata)');
    expect(zoneLabel({ iana: 'Mars/Olympus_Mons', label: 'Mars/Olympus_Mons' }, 'en')).toBe('Mars/Olympus_Mons');
  });
});

describe('localTimeIn', () => {
  it('gives the wall-clock time in the zone, half-hour offsets included', () => {
    const noonUtc = Date.UTC(2025, 5, 2, 12, 0); // a Monday
    expect(localTimeIn('Asia/Kolkata', noonUtc, 'en-GB')).toBe('Monday 17:30');
    expect(localTimeIn('America/New_York', noonUtc, 'en-GB')).toBe('Monday 08:00');
  });

  it('follows daylight saving time', () => {
    expect(localTimeIn('Europe/London', Date.UTC(2025, 0, 6, 12, 0), 'en-GB')).toBe('Monday 12:00');
    expect(localTimeIn('Europe/London', Date.UTC(2025, 6, 7, 12, 0), 'en-GB')).toBe('Monday 13:00');
  });

  it('is undefined for a zone the browser does not know', () => {
    expect(localTimeIn('Mars/Olympus_Mons', Date.now())).toBeUndefined();
  });
});
