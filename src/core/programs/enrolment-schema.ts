/**
 * Validating an enrolment: the participant's form (role, topics, goals, languages, private
 * exclusions, pause) and the directory profile the adapter prefilled. Errors name the field
 * (`canTeach.2`, `profile.weeklyWorkingMinutesUtc.0`).
 */
import { z } from 'zod';
import { badInput, type FieldError, type UpwardError } from '../errors.ts';
import { userId, type TenantId, type UserId } from '../ids.ts';
import { ianaZone, type EpochMs } from '../time.ts';
import { DAYS_OF_WEEK } from '../time/local-date.ts';
import { resolveWorkingHours, type WorkingHours } from '../time/working-hours.ts';
import {
  neverShownDoNotPairWith,
  ROLES,
  type DirectoryProfile,
  type Enrolment,
} from './enrolment.ts';
import type { Program } from './program.ts';
import { timestampSchema } from './timestamp-schema.ts';
import { MAX_TAG_LENGTH, normaliseTags, tagKey } from './topics.ts';
import { fieldErrorsOf, invalid, parseOrThrow } from './validation.ts';
import { weeklyIntervalProblem, type WeeklyInterval } from './working-week.ts';

/** Most tags a person may list per field; more than this is noise for matching and for partners. */
export const MAX_TAGS = 20;

const tagList = (what: string, min: number) =>
  z
    .array(
      z
        .string({ error: `Each entry in ${what} must be text` })
        .refine((tag) => tagKey(tag) !== '', { error: `An entry in ${what} is empty` })
        .refine((tag) => tagKey(tag).length <= MAX_TAG_LENGTH, {
          error: `An entry in ${what} can be at most ${MAX_TAG_LENGTH} characters`,
        }),
      { error: `${what} must be a list` },
    )
    .min(min, { error: `Add at least ${min === 1 ? 'one entry' : `${min} entries`} to ${what}` })
    .max(MAX_TAGS, { error: `At most ${MAX_TAGS} entries in ${what}` });

const weeklyIntervalSchema = z
  .tuple([z.number(), z.number()], { error: 'A working-hours interval is [startMinuteOfWeek, endMinuteOfWeek]' })
  .superRefine((interval, ctx) => {
    const problem = weeklyIntervalProblem(interval);
    if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
  });

/** The mailbox's own working hours; checked as the time helpers will read them. */
const workingHoursSchema = z
  .strictObject(
    { daysOfWeek: z.array(z.string()), start: z.string(), end: z.string(), zone: z.string() },
    { error: 'Working hours are { daysOfWeek, start, end, zone }' },
  )
  .superRefine((hours, ctx) => {
    try {
      resolveWorkingHours(hours, 'workingHours');
    } catch (error) {
      for (const field of (error as UpwardError).fields ?? []) {
        ctx.addIssue({ code: 'custom', message: field.message, path: field.field.split('.').slice(1) });
      }
    }
  });

/** The directory part, as the adapter must deliver it. */
export const directoryProfileSchema = z.strictObject({
  displayName: z.string().trim().min(1, { error: 'Display name is required' }),
  department: z.string().trim().default(''),
  jobTitle: z.string().trim().default(''),
  managerChain: z.array(z.string().min(1, { error: 'A manager id cannot be empty' })).default([]),
  seniorityLevel: z
    .number({ error: 'Seniority level must be a whole number' })
    .int({ error: 'Seniority level must be a whole number' }),
  timeZone: z.string().min(1, { error: 'Time zone is required' }),
  weeklyWorkingMinutesUtc: z
    .array(weeklyIntervalSchema)
    .min(1, { error: 'Working hours are required to find a shared time' })
    .max(64, { error: 'At most 64 working-hours intervals' }),
  workingHours: workingHoursSchema.optional(),
});

const answerFields = {
  canTeach: tagList('canTeach', 1),
  wantsToLearn: tagList('wantsToLearn', 1),
  goals: tagList('goals', 0),
  languages: tagList('languages', 1),
  doNotPairWith: z
    .array(z.string().min(1, { error: 'A person id cannot be empty' }))
    .max(50, { error: 'At most 50 people' }),
  pausedUntil: timestampSchema.nullable(),
};

/** The participant's own answers. */
export const enrolmentFormSchema = z.strictObject({
  role: z.enum(ROLES, { error: 'Role must be mentor (the junior who teaches) or mentee (the senior who learns)' }),
  ...answerFields,
  goals: answerFields.goals.default([]),
  doNotPairWith: answerFields.doNotPairWith.default([]),
  pausedUntil: answerFields.pausedUntil.default(null),
});

/**
 * A change to the answers: any subset, no defaults (an absent field stays as it is). The role is
 * not here: pairs were made for it, so changing it means leaving and enrolling again.
 */
export const enrolmentEditSchema = z.strictObject({
  canTeach: answerFields.canTeach.optional(),
  wantsToLearn: answerFields.wantsToLearn.optional(),
  goals: answerFields.goals.optional(),
  languages: answerFields.languages.optional(),
  doNotPairWith: answerFields.doNotPairWith.optional(),
  pausedUntil: answerFields.pausedUntil.optional(),
});

/** Who is enrolling in what, decided by the caller (from the token and the URL), not the form. */
export interface EnrolmentSubject {
  readonly program: Program;
  readonly tenantId: TenantId;
  readonly userId: UserId;
  /** Prefilled from the directory; validated here too. */
  readonly directory: unknown;
}

/**
 * A new enrolment from the participant's form and the directory profile. Throws `bad_input`
 * naming every bad field (directory fields are prefixed `profile.`).
 */
export function parseEnrolment(form: unknown, subject: EnrolmentSubject, now: EpochMs): Enrolment {
  if (subject.tenantId !== subject.program.tenantId) {
    throw badInput('A person can only enrol in a program of their own organisation', [
      { field: 'programId', message: 'Program belongs to another organisation' },
    ]);
  }
  const fields: FieldError[] = [];
  const formResult = enrolmentFormSchema.safeParse(form);
  const directoryResult = directoryProfileSchema.safeParse(subject.directory);
  if (!formResult.success) fields.push(...fieldErrorsOf(formResult.error));
  if (!directoryResult.success) fields.push(...fieldErrorsOf(directoryResult.error, ['profile']));
  if (formResult.success && formResult.data.doNotPairWith.includes(subject.userId)) {
    const index = formResult.data.doNotPairWith.indexOf(subject.userId);
    fields.push({ field: `doNotPairWith.${index}`, message: 'You cannot exclude yourself' });
  }
  if (!formResult.success || !directoryResult.success || fields.length > 0) {
    throw invalid('enrolment', fields);
  }
  const answers = formResult.data;
  return {
    tenantId: subject.tenantId,
    programId: subject.program.id,
    userId: subject.userId,
    role: answers.role,
    profile: toDirectoryProfile(directoryResult.data),
    ...normalisedAnswers(answers, subject.program),
    doNotPairWith: neverShownDoNotPairWith([...new Set(answers.doNotPairWith.map(userId))]),
    pausedUntil: answers.pausedUntil,
    left: null,
    enrolledAt: now,
  };
}

/** The participant changes some of their answers (see {@link enrolmentEditSchema}). */
export function editEnrolment(enrolment: Enrolment, changes: unknown, program: Program): Enrolment {
  const patch = parseOrThrow(enrolmentEditSchema, changes, 'enrolment edit');
  const answers = {
    canTeach: patch.canTeach ?? enrolment.canTeach,
    wantsToLearn: patch.wantsToLearn ?? enrolment.wantsToLearn,
    goals: patch.goals ?? enrolment.goals,
    languages: patch.languages ?? enrolment.languages,
  };
  const doNotPairWith = patch.doNotPairWith ?? enrolment.doNotPairWith;
  const selfIndex = doNotPairWith.indexOf(enrolment.userId);
  if (selfIndex >= 0) {
    throw invalid('enrolment edit', [{ field: `doNotPairWith.${selfIndex}`, message: 'You cannot exclude yourself' }]);
  }
  return {
    ...enrolment,
    ...normalisedAnswers(answers, program),
    doNotPairWith: neverShownDoNotPairWith([...new Set(doNotPairWith.map(userId))]),
    pausedUntil: patch.pausedUntil === undefined ? enrolment.pausedUntil : patch.pausedUntil,
  };
}

/** A fresh directory profile (the directory changed: new title, new manager, new hours). */
export function refreshDirectoryProfile(enrolment: Enrolment, directory: unknown): Enrolment {
  const profile = parseOrThrow(directoryProfileSchema, directory, 'directory profile');
  return { ...enrolment, profile: toDirectoryProfile(profile) };
}

function normalisedAnswers(
  answers: { canTeach: readonly string[]; wantsToLearn: readonly string[]; goals: readonly string[]; languages: readonly string[] },
  program: Program,
) {
  return {
    canTeach: normaliseTags(answers.canTeach, program.topicTracks),
    wantsToLearn: normaliseTags(answers.wantsToLearn, program.topicTracks),
    goals: normaliseTags(answers.goals, []),
    languages: normaliseTags(answers.languages, []),
  };
}

function toDirectoryProfile(data: z.output<typeof directoryProfileSchema>): DirectoryProfile {
  return {
    displayName: data.displayName,
    department: data.department,
    jobTitle: data.jobTitle,
    managerChain: data.managerChain.map(userId),
    seniorityLevel: data.seniorityLevel,
    timeZone: ianaZone(data.timeZone),
    weeklyWorkingMinutesUtc: data.weeklyWorkingMinutesUtc.map(([start, end]): WeeklyInterval => [start, end]),
    ...(data.workingHours === undefined ? {} : { workingHours: ownWorkingHours(data.workingHours) }),
  };
}

/** Checked working hours in one spelling: day names as the core writes them, an IANA zone. */
function ownWorkingHours(hours: { daysOfWeek: string[]; start: string; end: string; zone: string }): WorkingHours {
  const daily = resolveWorkingHours(hours, 'workingHours');
  return {
    daysOfWeek: DAYS_OF_WEEK.filter((_, index) => daily.days[index + 1]),
    start: hours.start,
    end: hours.end,
    zone: daily.zone,
  };
}
