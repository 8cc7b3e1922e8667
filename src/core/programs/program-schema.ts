/**
 * What an admin may send to create or edit a program. Every error names its field
 * (`term.end`, `sessionMinutes`, `rules.minSeniorityGap`) so the tab can show it in place.
 */
import { z } from 'zod';
import { CADENCES, ORGANISERS, SESSION_MINUTES } from './program.ts';
import { timestampSchema } from './timestamp-schema.ts';
import { MAX_TAG_LENGTH, tagKey } from './topics.ts';
import { planTrackProblems, trackPlansSchema } from './track-plans.ts';

/** Upper bound on partners per person; beyond this nobody keeps up with the sessions. */
export const MAX_CAPACITY_PER_PERSON = 5;

const sessionMinutesSchema = z.union(
  SESSION_MINUTES.map((minutes) => z.literal(minutes)),
  { error: `Session length must be ${SESSION_MINUTES.join(', ')} minutes` },
);

const termSchema = z
  .strictObject({ start: timestampSchema, end: timestampSchema })
  .refine((term) => term.end > term.start, { error: 'The term must end after it starts', path: ['end'] });

const rulesSchema = z.strictObject({
  minSeniorityGap: z
    .number({ error: 'Minimum seniority gap must be a whole number of levels' })
    .int({ error: 'Minimum seniority gap must be a whole number of levels' })
    .min(1, { error: 'The mentor must be at least one level junior: minimum seniority gap is 1' })
    .max(20, { error: 'Minimum seniority gap can be at most 20 levels' })
    .default(1),
  allowTrios: z.boolean({ error: 'Allow trios must be true or false' }).default(false),
});

const topicTracksSchema = z
  .array(
    z
      .string()
      .trim()
      .min(1, { error: 'A topic track needs a name' })
      .max(MAX_TAG_LENGTH, { error: `A topic track can be at most ${MAX_TAG_LENGTH} characters` }),
  )
  .min(1, { error: 'Add at least one topic track' })
  .max(50, { error: 'At most 50 topic tracks' })
  .superRefine((tracks, ctx) => {
    const seen = new Set<string>();
    tracks.forEach((track, index) => {
      const key = tagKey(track);
      if (seen.has(key)) ctx.addIssue({ code: 'custom', message: `"${track}" is listed twice`, path: [index] });
      seen.add(key);
    });
  });

/**
 * Full program settings, as sent on create; edits are merged into this shape and re-checked.
 * `trackPlans` is optional, so programs and clients from before plans existed stay valid.
 */
export const programInputSchema = z
  .strictObject({
    name: z
      .string({ error: 'Name is required' })
      .trim()
      .min(1, { error: 'Name is required' })
      .max(120, { error: 'Name can be at most 120 characters' }),
    objectives: z
      .array(z.string().trim().min(1, { error: 'An objective cannot be empty' }).max(500, { error: 'An objective can be at most 500 characters' }))
      .max(20, { error: 'At most 20 objectives' })
      .default([]),
    topicTracks: topicTracksSchema,
    trackPlans: trackPlansSchema,
    cadence: z.enum(CADENCES, { error: `Cadence must be one of ${CADENCES.join(', ')}` }),
    sessionMinutes: sessionMinutesSchema,
    term: termSchema,
    organiser: z.enum(ORGANISERS, { error: `Organiser must be one of ${ORGANISERS.join(', ')}` }).default('mentee'),
    capacityPerPerson: z
      .number({ error: 'Capacity must be a whole number of partners' })
      .int({ error: 'Capacity must be a whole number of partners' })
      .min(1, { error: 'Capacity must be at least 1 partner per person' })
      .max(MAX_CAPACITY_PER_PERSON, { error: `Capacity can be at most ${MAX_CAPACITY_PER_PERSON} partners per person` })
      .default(1),
    rules: rulesSchema.default({ minSeniorityGap: 1, allowTrios: false }),
  })
  // A plan must follow one of the program's tracks; checked on the whole settings so that an
  // edit of the tracks alone cannot orphan a plan.
  .superRefine((settings, ctx) => {
    for (const { index, message } of planTrackProblems(settings.trackPlans, settings.topicTracks)) {
      ctx.addIssue({ code: 'custom', message, path: ['trackPlans', index, 'track'] });
    }
  });

/** Validated program settings. */
export type ProgramInput = z.output<typeof programInputSchema>;

/**
 * An edit: any subset of the settings; `term` and `rules` may themselves be partial. Unknown
 * keys are errors (a typo would otherwise be silently ignored).
 */
export const programPatchSchema = z.strictObject({
  name: z.unknown().optional(),
  objectives: z.unknown().optional(),
  topicTracks: z.unknown().optional(),
  trackPlans: z.unknown().optional(),
  cadence: z.unknown().optional(),
  sessionMinutes: z.unknown().optional(),
  term: z.strictObject({ start: z.unknown().optional(), end: z.unknown().optional() }).optional(),
  organiser: z.unknown().optional(),
  capacityPerPerson: z.unknown().optional(),
  rules: z.strictObject({ minSeniorityGap: z.unknown().optional(), allowTrios: z.unknown().optional() }).optional(),
});
export type ProgramPatch = z.output<typeof programPatchSchema>;
