/** Session plans of a program's topic tracks: optional, validated field by field, kept on edits. */
import { describe, expect, it } from 'vitest';
import { tenantId } from '../../../src/core/ids.ts';
import { programId } from '../../../src/core/programs/program.ts';
import { createProgram, editProgram } from '../../../src/core/programs/program-settings.ts';
import { MAX_PLANNED_SESSIONS } from '../../../src/core/programs/track-plans.ts';
import { epochMs } from '../../../src/core/time.ts';
import { badInputFields } from '../bad-input-fields.ts';

const identity = { id: programId('p-1'), tenantId: tenantId('t-1') };
const now = epochMs(Date.UTC(2025, 0, 1));
const valid = {
  name: 'Reverse Mentoring 2025',
  topicTracks: ['GenAI tools', 'Social media'],
  cadence: 'biweekly',
  sessionMinutes: 45,
  term: { start: '2025-02-01T00:00:00Z', end: '2025-07-31T00:00:00Z' },
};
const genAiPlan = { track: 'GenAI tools', sessionTopics: ['Prompting basics', 'Meeting notes with AI', 'Agents at work'] };


describe('track plans on create', () => {
  it('are optional: a program sent as before has none', () => {
    expect(createProgram(valid, identity, now).trackPlans).toEqual([]);
  });

  it('keep each session topic in order, trimmed, with the track spelled as the program spells it', () => {
    const program = createProgram(
      { ...valid, trackPlans: [{ track: ' genai-tools ', sessionTopics: ['  Prompting basics ', 'Meeting notes with AI'], reflectionQuestions: ['What did you automate?'] }] },
      identity,
      now,
    );
    expect(program.trackPlans).toEqual([
      { track: 'GenAI tools', sessionTopics: ['Prompting basics', 'Meeting notes with AI'], reflectionQuestions: ['What did you automate?'] },
    ]);
  });

  it.each([
    ['trackPlans.0.track', [{ track: 'Cooking', sessionTopics: ['Knives'] }], /"Cooking" is not one of the program's topic tracks/],
    ['trackPlans.1.track', [genAiPlan, { track: 'genai tools', sessionTopics: ['Again'] }], /has two session plans/],
    ['trackPlans.0.sessionTopics', [{ track: 'GenAI tools', sessionTopics: [] }], /at least the first session/],
    ['trackPlans.0.sessionTopics.1', [{ track: 'GenAI tools', sessionTopics: ['Prompting', '   '] }], /cannot be empty/],
    ['trackPlans.0.sessionTopics.0', [{ track: 'GenAI tools', sessionTopics: ['x'.repeat(201)] }], /at most 200 characters/],
    ['trackPlans.0.sessionTopics', [{ track: 'GenAI tools', sessionTopics: Array.from({ length: MAX_PLANNED_SESSIONS + 1 }, (_, i) => `Topic ${i}`) }], /At most 52 session topics/],
    ['trackPlans.0.reflectionQuestions.0', [{ ...genAiPlan, reflectionQuestions: [''] }], /cannot be empty/],
    ['trackPlans.0.track', [{ sessionTopics: ['Prompting'] }], /Name the topic track/],
    ['trackPlans.0.colour', [{ ...genAiPlan, colour: 'blue' }], /Unknown field/],
    ['trackPlans', { 'GenAI tools': ['Prompting'] }, /must be a list/],
  ])('names %s when it is wrong', (field, trackPlans, message) => {
    const errors = badInputFields(() => createProgram({ ...valid, trackPlans }, identity, now));
    expect(Object.keys(errors)).toContain(field);
    expect(errors[field]).toMatch(message);
  });
});

describe('track plans on edit', () => {
  const program = createProgram({ ...valid, trackPlans: [genAiPlan] }, identity, now);
  const later = epochMs(now + 1000);

  it('stay as they are when the edit does not name them', () => {
    expect(editProgram(program, { name: 'Renamed' }, later).trackPlans).toEqual(program.trackPlans);
  });

  it('are replaced whole when the edit names them, and can be cleared', () => {
    const replaced = editProgram(program, { trackPlans: [{ track: 'Social media', sessionTopics: ['Your first post'] }] }, later);
    expect(replaced.trackPlans).toEqual([{ track: 'Social media', sessionTopics: ['Your first post'], reflectionQuestions: [] }]);
    expect(editProgram(program, { trackPlans: [] }, later).trackPlans).toEqual([]);
  });

  it('refuses to drop a track that still has a plan, naming the plan, and changes nothing', () => {
    const errors = badInputFields(() => editProgram(program, { topicTracks: ['Social media'] }, later));
    expect(errors['trackPlans.0.track']).toMatch(/"GenAI tools" is not one of the program's topic tracks/);
    expect(program.topicTracks).toEqual(['GenAI tools', 'Social media']);
  });

  it('reads a program stored before plans existed as having none, and edits it', () => {
    const { trackPlans: _dropped, ...stored } = program;
    expect(editProgram(stored, { cadence: 'monthly' }, later).trackPlans).toEqual([]);
  });
});
