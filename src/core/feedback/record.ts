/**
 * Storing a submission idempotently: the same record for the same session and author, nothing
 * written when a retry or second click brings the same answers, no change once the window closed.
 */
import { UpwardError } from '../errors.ts';
import type { UserId } from '../ids.ts';
import type { PairId, SessionId } from '../sessions/session.ts';
import type { EpochMs } from '../time.ts';
import { canEdit } from './edit-window.ts';
import { FEEDBACK_FIELDS, feedbackKey, type Feedback, type FeedbackSubmission } from './feedback.ts';

export interface FeedbackTarget {
  readonly sessionId: SessionId;
  readonly pairId: PairId;
  readonly authorId: UserId;
  readonly sessionEnd: EpochMs;
}

/**
 * `created` and `updated` carry the record to write (keyed by `feedback.key`); `unchanged` and
 * `closed` mean write nothing — `closed` when the window ended (`feedback` is the stored record,
 * or `null` if there is none).
 */
export type RecordOutcome =
  | { readonly kind: 'created'; readonly feedback: Feedback }
  | { readonly kind: 'updated'; readonly feedback: Feedback }
  | { readonly kind: 'unchanged'; readonly feedback: Feedback }
  | { readonly kind: 'closed'; readonly feedback: Feedback | null };

/** What to store for a validated submission, given the record already stored under its key. */
export function recordFeedback(
  existing: Feedback | undefined,
  target: FeedbackTarget,
  submission: FeedbackSubmission,
  nextSessionStart: EpochMs | null,
  now: EpochMs,
): RecordOutcome {
  const key = feedbackKey(target.sessionId, target.authorId);
  if (existing !== undefined && existing.key !== key) {
    throw new UpwardError('conflict', `Stored feedback ${existing.key} is not the record ${key}`);
  }
  if (existing !== undefined && sameAnswers(existing, submission)) return { kind: 'unchanged', feedback: existing };
  if (!canEdit({ sessionEnd: existing?.sessionEnd ?? target.sessionEnd }, nextSessionStart, now)) {
    return { kind: 'closed', feedback: existing ?? null };
  }
  if (existing === undefined) {
    return {
      kind: 'created',
      feedback: { ...submission, key, ...target, submittedAt: now, updatedAt: now, revision: 1 },
    };
  }
  return { kind: 'updated', feedback: { ...existing, ...submission, updatedAt: now, revision: existing.revision + 1 } };
}

function sameAnswers(a: FeedbackSubmission, b: FeedbackSubmission): boolean {
  return FEEDBACK_FIELDS.every((field) => a[field] === b[field]);
}
