import { describe, expect, it } from 'vitest';
import { tenantId } from '../../../src/core/ids.ts';
import { programId } from '../../../src/core/programs/program.ts';
import { createProgram, editProgram } from '../../../src/core/programs/program-settings.ts';
import { transition } from '../../../src/core/programs/transitions.ts';
import { epochMs } from '../../../src/core/time.ts';
import { badInputFields } from '../bad-input-fields.ts';

const identity = { id: programId('p-1'), tenantId: tenantId('t-1') };
const now = epochMs(Date.UTC(2025, 0, 1));
const valid = {
  name: 'Reverse Mentoring 2025',
  objectives: ['Leaders use GenAI tools weekly'],
  topicTracks: ['GenAI tools', 'Social media', 'Gen Z at work', 'Inclusion'],
  cadence: 'biweekly',
  sessionMinutes: 45,
  term: { start: '2025-02-01T00:00:00Z', end: '2025-07-31T00:00:00+02:00' },
};


describe('createProgram', () => {
  it('creates a draft in cycle 1 with the defaults', () => {
    const program = createProgram(valid, identity, now);
    expect(program).toMatchObject({
      id: 'p-1',
      tenantId: 't-1',
      state: 'draft',
      rotationCycle: 1,
      organiser: 'mentee',
      capacityPerPerson: 1,
      rules: { minSeniorityGap: 1, allowTrios: false },
      createdAt: now,
      stateChangedAt: now,
    });
    expect(program.term.start).toBe(Date.UTC(2025, 1, 1));
    expect(program.term.end).toBe(Date.UTC(2025, 6, 30, 22));
  });

  it('accepts epoch milliseconds for the term and explicit rules', () => {
    const program = createProgram(
      { ...valid, term: { start: 1_000, end: 2_000 }, organiser: 'mentor', capacityPerPerson: 2, rules: { minSeniorityGap: 3, allowTrios: true } },
      identity,
      now,
    );
    expect(program.term).toEqual({ start: 1_000, end: 2_000 });
    expect(program.organiser).toBe('mentor');
    expect(program.rules).toEqual({ minSeniorityGap: 3, allowTrios: true });
  });

  it.each([
    ['term.end', { term: { start: '2025-07-01T00:00:00Z', end: '2025-02-01T00:00:00Z' } }, /end after it starts/],
    ['term.end', { term: { start: 5_000, end: 5_000 } }, /end after it starts/],
    ['term.start', { term: { start: '2025-02-01', end: '2025-07-01T00:00:00Z' } }, /offset/],
    ['name', { name: '   ' }, /Name is required/],
    ['cadence', { cadence: 'daily' }, /weekly, biweekly, monthly/],
    ['sessionMinutes', { sessionMinutes: 40 }, /30, 45, 60/],
    ['capacityPerPerson', { capacityPerPerson: 0 }, /at least 1/],
    ['capacityPerPerson', { capacityPerPerson: 1.5 }, /whole number/],
    ['rules.minSeniorityGap', { rules: { minSeniorityGap: 0 } }, /at least one level/],
    ['rules.allowTrios', { rules: { allowTrios: 'yes' } }, /true or false/],
    ['topicTracks', { topicTracks: [] }, /at least one topic/],
    ['topicTracks.1', { topicTracks: ['GenAI tools', 'genai-tools'] }, /listed twice/],
    ['organiser', { organiser: 'assistant' }, /mentee, mentor/],
    ['colour', { colour: 'blue' }, /Unknown field/],
  ])('names %s when it is wrong', (field, change, message) => {
    const errors = badInputFields(() => createProgram({ ...valid, ...change }, identity, now));
    expect(Object.keys(errors)).toContain(field);
    expect(errors[field]).toMatch(message);
  });

  it('reports every bad field at once', () => {
    const errors = badInputFields(() => createProgram({ ...valid, name: '', cadence: 'hourly', sessionMinutes: 90 }, identity, now));
    expect(Object.keys(errors).sort()).toEqual(['cadence', 'name', 'sessionMinutes']);
  });
});

describe('editProgram', () => {
  const program = createProgram(valid, identity, now);
  const later = epochMs(now + 1000);

  it('changes only what the edit names, merging term and rules field by field', () => {
    const edited = editProgram(program, { cadence: 'monthly', rules: { allowTrios: true }, term: { end: '2025-09-01T00:00:00Z' } }, later);
    expect(edited.cadence).toBe('monthly');
    expect(edited.rules).toEqual({ minSeniorityGap: 1, allowTrios: true });
    expect(edited.term.start).toBe(program.term.start);
    expect(edited.term.end).toBe(Date.UTC(2025, 8, 1));
    expect(edited.name).toBe(program.name);
    expect(edited.updatedAt).toBe(later);
    expect(edited.state).toBe('draft');
  });

  it('re-checks rules across fields: a new end before the existing start names term.end', () => {
    const errors = badInputFields(() => editProgram(program, { term: { end: '2025-01-15T00:00:00Z' } }, later));
    expect(Object.keys(errors)).toEqual(['term.end']);
  });

  it('names a misspelt field', () => {
    const errors = badInputFields(() => editProgram(program, { rules: { alowTrios: true } }, later));
    expect(Object.keys(errors)).toEqual(['rules.alowTrios']);
  });

  it('refuses to edit a closed program', () => {
    const closed = transition(program, 'closed', later);
    expect(() => editProgram(closed, { name: 'New name' }, later)).toThrow(expect.objectContaining({ code: 'conflict' }));
  });
});
