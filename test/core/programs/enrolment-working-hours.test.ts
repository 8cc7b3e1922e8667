/** The mailbox's own working hours on an enrolment: optional, checked field by field, kept in one spelling. */
import { describe, expect, it } from 'vitest';
import type { UpwardError } from '../../../src/core/errors.ts';
import { userId } from '../../../src/core/ids.ts';
import { parseEnrolment, refreshDirectoryProfile } from '../../../src/core/programs/enrolment-schema.ts';
import { makeProgram, NOW, officeHours, TENANT } from '../matching/fixtures.ts';

const directory = {
  displayName: 'Sam Lee',
  department: 'Sales',
  jobTitle: 'Director',
  managerChain: [],
  seniorityLevel: 18,
  timeZone: 'America/New_York',
  weeklyWorkingMinutesUtc: officeHours(-5),
};
const form = { role: 'mentee', canTeach: ['Strategy'], wantsToLearn: ['GenAI tools'], languages: ['English'] };
const subject = { program: makeProgram(), tenantId: TENANT, userId: userId('sam'), directory };

describe('working hours on the enrolment profile', () => {
  it('are optional, as on enrolments from before they were kept', () => {
    expect(parseEnrolment(form, subject, NOW).profile.workingHours).toBeUndefined();
  });

  it('are kept with day names in one spelling and an IANA zone', () => {
    const hours = { daysOfWeek: ['Monday', 'TUESDAY', 'friday'], start: '08:30:00.0000000', end: '16:30', zone: 'Eastern Standard Time' };
    const enrolment = parseEnrolment(form, { ...subject, directory: { ...directory, workingHours: hours } }, NOW);
    expect(enrolment.profile.workingHours).toEqual({ daysOfWeek: ['monday', 'tuesday', 'friday'], start: '08:30:00.0000000', end: '16:30', zone: 'America/New_York' });
    // A directory refresh takes new hours the same way.
    const refreshed = refreshDirectoryProfile(enrolment, { ...directory, workingHours: { ...hours, start: '07:00' } });
    expect(refreshed.profile.workingHours?.start).toBe('07:00');
  });

  it.each([
    ['profile.workingHours.end', { daysOfWeek: ['monday'], start: '17:00', end: '09:00', zone: 'America/New_York' }],
    ['profile.workingHours.daysOfWeek', { daysOfWeek: ['someday'], start: '09:00', end: '17:00', zone: 'America/New_York' }],
    ['profile.workingHours.zone', { daysOfWeek: ['monday'], start: '09:00', end: '17:00', zone: 'Mars/Olympus' }],
    ['profile.workingHours.days', { days: ['monday'] }],
  ])('names %s when it is wrong', (field, workingHours) => {
    try {
      parseEnrolment(form, { ...subject, directory: { ...directory, workingHours } }, NOW);
    } catch (error) {
      expect((error as UpwardError).code).toBe('bad_input');
      expect((error as UpwardError).fields.map((f) => f.field)).toContain(field);
      return;
    }
    throw new Error('expected bad_input');
  });
});
