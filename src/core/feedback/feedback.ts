/**
 * Feedback one person gives after one session. The record is keyed by session and author, so
 * a second click, a retry or an edit is the same record, never a second one.
 */
import type { Brand, UserId } from '../ids.ts';
import type { PairId, SessionId } from '../sessions/session.ts';
import type { EpochMs } from '../time.ts';

/** Did the session happen: held, my partner didn't come, or moved to another time. */
export const HAPPENED = ['held', 'no-show', 'rescheduled'] as const;
export type Happened = (typeof HAPPENED)[number];

export type Rating = 1 | 2 | 3 | 4 | 5;

/** The free-text answers, in the order the card asks them. */
export const FEEDBACK_TEXT_FIELDS = ['learned', 'taught', 'action', 'privateNote'] as const;
export type FeedbackTextField = (typeof FEEDBACK_TEXT_FIELDS)[number];

/** Every answer of the form, by its input id on the card. */
export const FEEDBACK_FIELDS = ['happened', 'rating', ...FEEDBACK_TEXT_FIELDS, 'shareWithPartner'] as const;
export type FeedbackField = (typeof FEEDBACK_FIELDS)[number];

/** What a person answered, validated (see `validateFeedback`). */
export interface FeedbackSubmission {
  readonly happened: Happened;
  /** Only for a held session; `null` otherwise. */
  readonly rating: Rating | null;
  readonly learned: string;
  readonly taught: string;
  readonly action: string;
  readonly privateNote: string;
  /** Share "learned" and "taught" with the partner. Off unless the author turns it on. */
  readonly shareWithPartner: boolean;
}

/** The idempotency key of one person's feedback on one session. */
export type FeedbackKey = Brand<string, 'FeedbackKey'>;

/**
 * The key of `authorId`'s feedback on `sessionId`: the card carries it as its `submissionId` and
 * the store keys the record by it, so submitting twice updates one record.
 */
export const feedbackKey = (sessionId: SessionId, authorId: UserId): FeedbackKey =>
  `${sessionId}/${authorId}` as FeedbackKey;

/** A stored feedback record. */
export interface Feedback extends FeedbackSubmission {
  readonly key: FeedbackKey;
  readonly sessionId: SessionId;
  readonly pairId: PairId;
  readonly authorId: UserId;
  /** Scheduled end of the session, for the edit window of a pair's last session. */
  readonly sessionEnd: EpochMs;
  readonly submittedAt: EpochMs;
  readonly updatedAt: EpochMs;
  /** 1 when first stored, +1 on every change. */
  readonly revision: number;
}
