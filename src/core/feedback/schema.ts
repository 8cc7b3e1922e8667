/**
 * Validation of a feedback form as the card sends it back: strings from Adaptive Card inputs
 * (`"4"`, `"true"`), extra keys (ids the card carries) ignored. Every error names the field by its
 * input id and says in words which question is at fault, so the card can show it in place.
 */
import { z } from 'zod';
import type { FieldError } from '../errors.ts';
import { FEEDBACK_FIELDS, HAPPENED, type FeedbackField, type FeedbackSubmission, type Rating } from './feedback.ts';

/** The longest free-text answer, in UTF-16 units as the card's `maxLength` counts them. */
export const MAX_FEEDBACK_TEXT = 2000;

/** The question each field asks, as errors name it. */
export const FEEDBACK_FIELD_LABELS: Readonly<Record<FeedbackField, string>> = {
  happened: 'Did the session happen',
  rating: 'Rating',
  learned: 'What I learned',
  taught: 'What I taught',
  action: "One action I'll take",
  privateNote: 'Private note',
  shareWithPartner: 'Share with my partner',
};

const blank = (value: unknown): boolean => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

const freeText = (field: FeedbackField) =>
  z.preprocess(
    (value) => (value === undefined || value === null ? '' : value),
    z
      .string({ error: `${FEEDBACK_FIELD_LABELS[field]}: expected text` })
      // Line ends from Windows clients, and control characters that have no place in a note.
      .transform((text) => text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').trim())
      .superRefine((text, ctx) => {
        if (text.length > MAX_FEEDBACK_TEXT) {
          ctx.addIssue({
            code: 'custom',
            message: `${FEEDBACK_FIELD_LABELS[field]} is ${text.length.toLocaleString('en-US')} characters long; the limit is ${MAX_FEEDBACK_TEXT.toLocaleString('en-US')}.`,
          });
        }
      }),
  );

const submissionSchema = z
  .object({
    happened: z.preprocess(
      (value) => (typeof value === 'string' ? value.trim() : value),
      z.enum(HAPPENED, { error: `${FEEDBACK_FIELD_LABELS.happened}? Choose one of the three answers.` }),
    ),
    rating: z.preprocess(
      (value) => (blank(value) ? undefined : typeof value === 'string' ? Number(value.trim()) : value),
      z
        .number({ error: `${FEEDBACK_FIELD_LABELS.rating}: choose a whole number from 1 to 5.` })
        .int({ error: `${FEEDBACK_FIELD_LABELS.rating}: choose a whole number from 1 to 5.` })
        .min(1, { error: `${FEEDBACK_FIELD_LABELS.rating}: choose a whole number from 1 to 5.` })
        .max(5, { error: `${FEEDBACK_FIELD_LABELS.rating}: choose a whole number from 1 to 5.` })
        .optional(),
    ),
    learned: freeText('learned'),
    taught: freeText('taught'),
    action: freeText('action'),
    privateNote: freeText('privateNote'),
    shareWithPartner: z.preprocess(
      (value) => (blank(value) ? false : value === 'true' ? true : value === 'false' ? false : value),
      z.boolean({ error: `${FEEDBACK_FIELD_LABELS.shareWithPartner}: expected on or off.` }),
    ),
  })

export type FeedbackValidation =
  | { readonly ok: true; readonly value: FeedbackSubmission }
  | { readonly ok: false; readonly errors: readonly FieldError[] };

/**
 * Checks a submitted form. On success the value is normalised: text trimmed, the rating dropped
 * when the session was not held (a session that did not happen has nothing to rate), sharing off
 * unless turned on. On failure, at most one error per field, in the order of the form.
 */
export function validateFeedback(input: unknown): FeedbackValidation {
  const source = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const parsed = submissionSchema.safeParse(source);
  const byField = new Map<string, string>();
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const field = String(issue.path[0] ?? 'happened');
    if (!byField.has(field)) byField.set(field, issue.message);
  }
  // Checked here rather than as a zod refinement so it is reported together with other errors.
  const held = typeof source['happened'] === 'string' && source['happened'].trim() === 'held';
  if (held && blank(source['rating']) && !byField.has('rating')) {
    byField.set('rating', `${FEEDBACK_FIELD_LABELS.rating} is needed when the session was held: choose 1 to 5.`);
  }
  if (!parsed.success || byField.size > 0) {
    const errors = FEEDBACK_FIELDS.filter((field) => byField.has(field)).map((field) => ({ field, message: byField.get(field)! }));
    return { ok: false, errors };
  }
  const form = parsed.data;
  return {
    ok: true,
    value: {
      happened: form.happened,
      rating: form.happened === 'held' ? (form.rating as Rating) : null,
      learned: form.learned,
      taught: form.taught,
      action: form.action,
      privateNote: form.privateNote,
      shareWithPartner: form.shareWithPartner,
    },
  };
}

/** The raw values a person typed, as strings, to put back into the form beside its errors. */
export interface FeedbackFormValues {
  readonly happened?: string;
  readonly rating?: string;
  readonly learned?: string;
  readonly taught?: string;
  readonly action?: string;
  readonly privateNote?: string;
  readonly shareWithPartner?: boolean;
}

/** The form values of card data (unknown shape), keeping what is a string and dropping the rest. */
export function feedbackFormValues(input: unknown): FeedbackFormValues {
  const data = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const text = (key: string): string | undefined => {
    const value = data[key];
    return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
  };
  const share = data['shareWithPartner'];
  return {
    happened: text('happened'),
    rating: text('rating'),
    learned: text('learned'),
    taught: text('taught'),
    action: text('action'),
    privateNote: text('privateNote'),
    shareWithPartner: share === true || share === 'true',
  };
}

/** The form values of a stored submission, to open the form again for an edit. */
export function formValuesOf(submission: FeedbackSubmission): FeedbackFormValues {
  return {
    happened: submission.happened,
    rating: submission.rating === null ? undefined : String(submission.rating),
    learned: submission.learned,
    taught: submission.taught,
    action: submission.action,
    privateNote: submission.privateNote,
    shareWithPartner: submission.shareWithPartner,
  };
}
