import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { UpwardError } from '../../../src/core/errors.ts';
import { tenantId, userId } from '../../../src/core/ids.ts';
import { isAvailable, publicProfile } from '../../../src/core/programs/enrolment.ts';
import { editEnrolment, parseEnrolment } from '../../../src/core/programs/enrolment-schema.ts';
import { leaveProgram, pauseEnrolment, resumeEnrolment } from '../../../src/core/programs/enrolment-status.ts';
import { epochMs } from '../../../src/core/time.ts';
import { makeProgram, NOW, officeHours, person, TENANT } from '../matching/fixtures.ts';

const program = makeProgram();
const directory = {
  displayName: 'Priya Raman',
  department: 'Marketing',
  jobTitle: 'Analyst',
  managerChain: ['boss-1', 'boss-2'],
  seniorityLevel: 2,
  timeZone: 'Asia/Kolkata',
  weeklyWorkingMinutesUtc: officeHours(5.5),
};
const form = {
  role: 'mentor',
  canTeach: ['genai-PROMPTING', '  TikTok   trends ', 'GenAI prompting'],
  wantsToLearn: ['Board communication'],
  goals: ['Grow influence'],
  languages: ['English', 'english', 'Hindi'],
  doNotPairWith: ['secret-exclusion-7'],
};
const subject = { program, tenantId: TENANT, userId: userId('priya'), directory };

function fieldsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    expect((error as UpwardError).code).toBe('bad_input');
    return (error as UpwardError).fields.map((f) => f.field);
  }
  throw new Error('expected bad_input');
}

describe('parseEnrolment', () => {
  it('normalises topics to the program spelling, keeps free tags and drops duplicates', () => {
    const enrolment = parseEnrolment(form, subject, NOW);
    expect(enrolment.canTeach).toEqual(['GenAI prompting', 'TikTok trends']);
    expect(enrolment.wantsToLearn).toEqual(['Board communication']);
    expect(enrolment.languages).toEqual(['English', 'Hindi']);
    expect(enrolment.profile.managerChain).toEqual(['boss-1', 'boss-2']);
    expect(enrolment.profile.seniorityLevel).toBe(2);
    expect(enrolment.doNotPairWith).toEqual(['secret-exclusion-7']);
    expect(enrolment).toMatchObject({ role: 'mentor', pausedUntil: null, left: null, enrolledAt: NOW, programId: program.id });
  });

  it.each([
    ['role', { role: 'boss' }],
    ['canTeach.1', { canTeach: ['GenAI prompting', '   '] }],
    ['canTeach', { canTeach: [] }],
    ['wantsToLearn', { wantsToLearn: 'everything' }],
    ['languages', { languages: [] }],
    ['canTeach.0', { canTeach: ['x'.repeat(61)] }],
    ['pausedUntil', { pausedUntil: 'next week' }],
    ['doNotPairWith.0', { doNotPairWith: ['priya'] }],
    ['favouriteColour', { favouriteColour: 'green' }],
  ])('names %s', (field, change) => {
    expect(fieldsOf(() => parseEnrolment({ ...form, ...change }, subject, NOW))).toContain(field);
  });

  it.each([
    ['profile.weeklyWorkingMinutesUtc.0', { weeklyWorkingMinutesUtc: [[600, 500]] }],
    ['profile.weeklyWorkingMinutesUtc.0', { weeklyWorkingMinutesUtc: [[0, 10_081]] }],
    ['profile.weeklyWorkingMinutesUtc', { weeklyWorkingMinutesUtc: [] }],
    ['profile.seniorityLevel', { seniorityLevel: 'senior' }],
    ['profile.displayName', { displayName: '' }],
  ])('names directory field %s', (field, change) => {
    expect(fieldsOf(() => parseEnrolment(form, { ...subject, directory: { ...directory, ...change } }, NOW))).toContain(field);
  });

  it('refuses a program of another organisation', () => {
    expect(fieldsOf(() => parseEnrolment(form, { ...subject, tenantId: tenantId('other') }, NOW))).toEqual(['programId']);
  });
});

describe('editEnrolment', () => {
  const enrolment = parseEnrolment(form, subject, NOW);

  it('changes answers and keeps the rest', () => {
    const edited = editEnrolment(enrolment, { wantsToLearn: ['strategy', 'Budgets'] }, program);
    expect(edited.wantsToLearn).toEqual(['Strategy', 'Budgets']);
    expect(edited.canTeach).toEqual(enrolment.canTeach);
    expect(edited.doNotPairWith).toEqual(enrolment.doNotPairWith);
  });

  it('does not let the role change', () => {
    expect(fieldsOf(() => editEnrolment(enrolment, { role: 'mentee' }, program))).toEqual(['role']);
  });
});

describe('publicProfile', () => {
  it('leaves out the do-not-pair list and the leaving reason', () => {
    const left = leaveProgram(parseEnrolment(form, subject, NOW), 'my manager is difficult', epochMs(NOW + 1));
    const shown = JSON.stringify(publicProfile(left));
    expect(shown).not.toContain('secret-exclusion-7');
    expect(shown).not.toContain('doNotPairWith');
    expect(shown).not.toContain('manager is difficult');
    expect(publicProfile(left)).toMatchObject({ displayName: 'Priya Raman', canTeach: ['GenAI prompting', 'TikTok trends'], leftAt: NOW + 1 });
  });

  it('never contains any excluded id, whatever the ids are', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.stringMatching(/^[a-z0-9-]{8,20}$/), { minLength: 1, maxLength: 10 }), (excluded) => {
        const enrolment = person({ id: 'someone', role: 'mentee', doNotPairWith: excluded });
        const shown = JSON.stringify(publicProfile(enrolment));
        return excluded.every((id) => !shown.includes(id));
      }),
    );
  });
});

describe('pause, resume, leave', () => {
  const enrolment = person({ id: 'a', role: 'mentor' });
  const until = epochMs(NOW + 7 * 86_400_000);

  it('a paused person is unavailable until the pause ends', () => {
    const paused = pauseEnrolment(enrolment, until, NOW);
    expect(isAvailable(paused, NOW)).toBe(false);
    expect(isAvailable(paused, until)).toBe(true);
    expect(isAvailable(resumeEnrolment(paused), NOW)).toBe(true);
  });

  it('a pause must end in the future', () => {
    expect(() => pauseEnrolment(enrolment, NOW, NOW)).toThrow(expect.objectContaining({ code: 'bad_input' }));
  });

  it('leaving is final and records when', () => {
    const left = leaveProgram(enrolment, '  ', NOW);
    expect(left.left).toEqual({ at: NOW, reason: '' });
    expect(isAvailable(left, NOW)).toBe(false);
    expect(() => leaveProgram(left, '', NOW)).toThrow(expect.objectContaining({ code: 'conflict' }));
  });
});
