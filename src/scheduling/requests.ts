import { z } from 'zod';
import { badInput } from '../core/errors.ts';
import { fieldErrorsOf } from '../core/programs/validation.ts';
import { MAX_TERM_DAYS } from '../core/scheduling/validate-request.ts';
import { parseLocalDate } from '../core/time/local-date.ts';

/**
 * What callers send to book pairs (HTTP, CLI, the program flow), checked with zod at the edge of
 * the scheduling service. Every problem is reported at once, each naming its field and saying
 * what is wrong in words.
 */

const person = z.strictObject({
  userId: z.string().trim().min(1, 'the directory object id is missing'),
  /** Optional: read from the directory when absent. */
  mailbox: z.string().trim().regex(/^[^@\s]+@[^@\s]+$/, 'expected an email address such as ana@contoso.com').optional(),
  name: z.string().trim().min(1).max(200).optional(),
});
export type PersonInput = z.output<typeof person>;

/** A pair as matching publishes it: the junior mentor and the senior mentee. */
const pair = z.strictObject({
  pairId: z.string().trim().min(1, 'a pair id is needed').max(200),
  mentor: person,
  mentee: person,
});
export type PairInput = z.output<typeof pair>;

const date = z.string().refine((s) => parseLocalDate(s) !== undefined, 'expected a date such as 2026-03-02');

/** Dates both inclusive; checked on their own so the problem is named even when other fields are wrong too. */
const term = z.strictObject({ start: date, end: date }).superRefine((t, ctx) => {
  const start = parseLocalDate(t.start);
  const end = parseLocalDate(t.end);
  if (start === undefined || end === undefined) return;
  if (end <= start) {
    ctx.addIssue({ code: 'custom', path: ['end'], message: `the term must end after it starts (${t.start} to ${t.end} has no length)` });
  } else if (end - start > MAX_TERM_DAYS) {
    ctx.addIssue({ code: 'custom', path: ['end'], message: `a term may last at most ${MAX_TERM_DAYS} days` });
  }
});

const settings = z.strictObject({
  cadence: z.enum(['weekly', 'biweekly', 'monthly'], { error: 'expected weekly, biweekly or monthly' }),
  durationMinutes: z.union([z.literal(30), z.literal(45), z.literal(60)], { error: 'sessions last 30, 45 or 60 minutes' }),
  term,
  /** Who books the series: the senior `mentee` by default, so the junior never writes into an executive's calendar. */
  organiser: z.enum(['mentee', 'mentor'], { error: 'expected mentee (the senior, the default) or mentor' }).default('mentee'),
  programName: z.string().trim().min(1).max(120).default('Reverse mentoring'),
  /** Agenda items put in the invitation's body. */
  agenda: z.array(z.string().trim().min(1).max(200)).max(20).default([]),
});
export type ScheduleSettingsInput = z.input<typeof settings>;
export type ScheduleSettings = z.output<typeof settings>;

const programRef = {
  programId: z.string().trim().min(1, 'a program id is needed').max(200),
  cycle: z.number().int().min(1).max(10_000).default(1),
};

/** Booking a whole cohort: one program cycle, its settings and its pairs. */
export const cohortRequestSchema = z
  .strictObject({ ...programRef, settings, pairs: z.array(pair).min(1, 'at least one pair is needed').max(20_000) })
  .superRefine((r, ctx) => {
    const seen = new Set<string>();
    r.pairs.forEach((p, i) => {
      if (seen.has(p.pairId)) ctx.addIssue({ code: 'custom', path: ['pairs', i, 'pairId'], message: `pair ${p.pairId} is listed twice` });
      seen.add(p.pairId);
      if (p.mentor.userId.toLowerCase() === p.mentee.userId.toLowerCase()) {
        ctx.addIssue({ code: 'custom', path: ['pairs', i], message: `pair ${p.pairId} has the same person on both sides` });
      }
    });
  });
export type CohortRequestInput = z.input<typeof cohortRequestSchema>;
export type CohortRequest = z.output<typeof cohortRequestSchema>;

/** Booking (or previewing) one pair now. */
export const pairRequestSchema = z
  .strictObject({ ...programRef, settings, pair })
  .refine((r) => r.pair.mentor.userId.toLowerCase() !== r.pair.mentee.userId.toLowerCase(), {
    path: ['pair'],
    message: 'the same person is on both sides of the pair',
  });
export type PairRequestInput = z.input<typeof pairRequestSchema>;
export type PairRequest = z.output<typeof pairRequestSchema>;

/**
 * Parses a request or throws `bad_input` whose message names every field at fault and what is
 * wrong with it ("settings.term.end: the term must end after it starts …").
 */
export function parseRequest<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields = fieldErrorsOf(result.error);
  throw badInput(`Invalid ${what}: ${fields.map((f) => `${f.field}: ${f.message}`).join('; ')}`, fields);
}
