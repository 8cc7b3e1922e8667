/**
 * The request bodies declared in src/contracts are what the server's schemas accept. The tab
 * builds its bodies with these types; the server parses them with zod. Two checks keep the two
 * from drifting apart:
 * - at compile time (`tsc` covers test/), each contract body must be assignable to its schema's
 *   input and name no key the strict schema would refuse;
 * - at run time, the bodies the tab's program form really builds — a new program on its suggested
 *   defaults, and an existing program sent back unchanged — pass the server's schema, and the
 *   settings come back out as they went in.
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { EnrolmentForm, Role } from '../../src/contracts/enrolments.ts';
import type { ProgramInput, ProgramView } from '../../src/contracts/programs.ts';
import { enrolmentEditSchema, enrolmentFormSchema } from '../../src/core/programs/enrolment-schema.ts';
import { programInputSchema, programPatchSchema } from '../../src/core/programs/program-schema.ts';
import { draftOf, emptyDraft, inputOf } from '../../src/tab/views/admin/program-draft.ts';

/** A body as it travels: JSON has no `readonly`, which the contracts put on every field and array. */
type Wire<T> = T extends readonly (infer Item)[] ? Wire<Item>[] : T extends object ? { -readonly [K in keyof T]: Wire<T[K]> } : T;

/** `true` when every `Body` is a valid `Schema` input and names only keys the schema knows. */
type Accepts<Schema extends z.ZodType, Body> = [Wire<Body>] extends [z.input<Schema>] ? ([Exclude<keyof Body, keyof z.input<Schema>>] extends [never] ? true : false) : false;

// A `false` here is a compile error: the contract and the schema disagree.
const agreements: {
  programCreate: Accepts<typeof programInputSchema, ProgramInput>;
  programEdit: Accepts<typeof programPatchSchema, Partial<ProgramInput>>;
  // The role may be left out by an invited person: the service fills it from the invitation before parsing.
  enrol: Accepts<typeof enrolmentFormSchema, Omit<EnrolmentForm, 'role'> & { role: Role }>;
  editAnswers: Accepts<typeof enrolmentEditSchema, Omit<EnrolmentForm, 'role'>>;
} = { programCreate: true, programEdit: true, enrol: true, editAnswers: true };

const existing: ProgramView = {
  id: 'p-1',
  name: 'Reverse mentoring 2027',
  objectives: ['Leaders get hands-on with GenAI tools', 'Juniors learn how strategy is made'],
  topicTracks: ['GenAI tools', 'Strategy'],
  trackPlans: [{ track: 'GenAI tools', sessionTopics: ['Prompting basics', 'Meeting notes with AI'], reflectionQuestions: ['What did you hand to an assistant?'] }],
  cadence: 'weekly',
  sessionMinutes: 60,
  term: { start: '2027-01-04T00:00:00.000Z', end: '2027-06-28T00:00:00.000Z' },
  organiser: 'mentor',
  state: 'enrolling',
  rotationCycle: 1,
  capacityPerPerson: 2,
  rules: { minSeniorityGap: 2, allowTrios: true },
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
  stateChangedAt: '2026-11-01T00:00:00.000Z',
  nextStates: ['matching', 'closed'],
};

describe('request bodies and the server\'s schemas', () => {
  it('agree at compile time on every body the tab sends to create or edit a program and an enrolment', () => {
    expect(Object.values(agreements).every(Boolean)).toBe(true);
  });

  it('accept the program form sent back unchanged, and keep every setting', () => {
    const parsed = programInputSchema.safeParse(inputOf(draftOf(existing)));
    expect(parsed.error?.issues ?? []).toEqual([]);
    const settings = parsed.data!;
    expect(settings).toMatchObject({
      name: existing.name,
      objectives: existing.objectives,
      topicTracks: existing.topicTracks,
      trackPlans: existing.trackPlans,
      cadence: existing.cadence,
      sessionMinutes: existing.sessionMinutes,
      organiser: existing.organiser,
      capacityPerPerson: existing.capacityPerPerson,
      rules: existing.rules,
    });
    expect(new Date(settings.term.start).toISOString().slice(0, 10)).toBe(existing.term.start.slice(0, 10));
    expect(new Date(settings.term.end).toISOString().slice(0, 10)).toBe(existing.term.end.slice(0, 10));
    expect(programPatchSchema.safeParse(inputOf(draftOf(existing))).success).toBe(true);
  });

  it('accept a new program on the form\'s suggested defaults once it has a name, suggested session plans included', () => {
    const draft = { ...emptyDraft(new Date('2026-11-23T10:00:00Z')), name: 'Reverse mentoring, spring' };
    const body = inputOf(draft);
    expect(body.trackPlans?.length).toBeGreaterThan(0);
    const parsed = programInputSchema.safeParse(body);
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(parsed.data!.trackPlans).toEqual(body.trackPlans);
  });
});
