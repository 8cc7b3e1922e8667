import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/api-error.ts';
import type { ProgramView } from '../../../contracts/programs.ts';
import { fieldErrorsFor } from '../common/field-errors.ts';
import { draftOf, emptyDraft, inputOf, plannedTracks, planKey, PROGRAM_FIELDS } from './program-draft.ts';
import { planErrorFields } from './track-plan-fields.tsx';

const program: ProgramView = {
  id: 'p-1',
  name: 'Reverse mentoring',
  objectives: [],
  topicTracks: ['GenAI tools', 'Strategy'],
  trackPlans: [{ track: 'GenAI tools', sessionTopics: ['Prompting basics', 'Meeting notes with AI'], reflectionQuestions: ['What did you automate?'] }],
  cadence: 'weekly',
  sessionMinutes: 45,
  term: { start: '2026-09-01T00:00:00.000Z', end: '2027-03-01T00:00:00.000Z' },
  organiser: 'mentee',
  state: 'draft',
  rotationCycle: 1,
  capacityPerPerson: 1,
  rules: { minSeniorityGap: 1, allowTrios: false },
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  stateChangedAt: '2026-01-01T00:00:00.000Z',
  nextStates: ['enrolling', 'closed'],
};

describe('session plans in the program form', () => {
  it('sends a stored plan back as it was, one topic per line', () => {
    expect(inputOf(draftOf(program)).trackPlans).toEqual(program.trackPlans);
  });

  it('sends only plans of listed tracks, in the order of the list, without blank lines', () => {
    const draft = {
      ...draftOf(program),
      topicTracks: 'Strategy, genai tools',
      plans: { ...draftOf(program).plans, [planKey('Strategy')]: { topics: 'How a budget is made\n\n  Saying no  \n', questions: '' }, [planKey('Cooking')]: { topics: 'Knives', questions: '' } },
    };
    expect(plannedTracks(draft)).toEqual(['Strategy', 'genai tools']);
    expect(inputOf(draft).trackPlans).toEqual([
      { track: 'Strategy', sessionTopics: ['How a budget is made', 'Saying no'], reflectionQuestions: [] },
      { track: 'genai tools', sessionTopics: ['Prompting basics', 'Meeting notes with AI'], reflectionQuestions: ['What did you automate?'] },
    ]);
  });

  it('keeps a plan while its track is taken off the list, and sends it again when the track is back', () => {
    const off = { ...draftOf(program), topicTracks: 'Strategy' };
    expect(inputOf(off).trackPlans).toEqual([]);
    expect(inputOf({ ...off, topicTracks: 'Strategy, GenAI tools' }).trackPlans).toEqual(program.trackPlans);
  });

  it('suggests a plan for each default track of a new program', () => {
    const sent = inputOf(emptyDraft(new Date(2026, 0, 5))).trackPlans ?? [];
    expect(sent.map((plan) => plan.track)).toEqual(['GenAI tools', 'Social media', 'Gen Z at work']);
    expect(sent.every((plan) => plan.sessionTopics.length >= 4)).toBe(true);
  });

  it('puts the API\'s plan errors under the plan they name by position', () => {
    const sent = ['Strategy', 'GenAI tools'];
    const error = new ApiError(400, 'bad_input', 'Invalid program', [
      { field: 'trackPlans.1.sessionTopics.0', message: 'A session topic can be at most 200 characters' },
      { field: 'trackPlans.0.reflectionQuestions.2', message: 'A reflection question cannot be empty' },
      { field: 'name', message: 'Name is required' },
    ]);
    expect(fieldErrorsFor(error, [...PROGRAM_FIELDS, ...planErrorFields(sent)])).toEqual({
      'trackPlans.1': 'A session topic can be at most 200 characters',
      'trackPlans.0.reflectionQuestions': 'A reflection question cannot be empty',
      name: 'Name is required',
    });
  });
});
