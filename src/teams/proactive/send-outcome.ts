import type { UserId } from '../../core/ids.ts';
import type { EpochMs } from '../../core/time.ts';

/** What happened to one person's message. */
export type SendOutcome =
  | { readonly status: 'sent'; readonly userId: UserId; readonly key: string; readonly activityId: string; readonly conversationId: string; readonly attempts: number }
  /** Sent earlier under the same key (a retried job): not sent again. */
  | { readonly status: 'already-sent'; readonly userId: UserId; readonly key: string; readonly activityId: string; readonly conversationId: string }
  /**
   * Another sender (this instance or another) claimed the message at `claimedAt` and is sending it
   * right now: not sent here, and not a failure. Whether it arrives is the holder's to report; a
   * caller that must know asks again later (it is then `already-sent`, or sendable again if the
   * holder failed or died, see `CLAIM_STALE_AFTER_MS`).
   */
  | { readonly status: 'in-progress'; readonly userId: UserId; readonly key: string; readonly claimedAt: EpochMs }
  /** The connector answered 403 now: the person blocked the bot or removed the app; they are marked blocked. */
  | { readonly status: 'blocked'; readonly userId: UserId; readonly key: string; readonly code: string; readonly attempts: number }
  /** Not tried: no conversation reference (the app is not installed for them), or marked blocked before. */
  | { readonly status: 'unreachable'; readonly userId: UserId; readonly key: string; readonly reason: 'no-reference' | 'blocked-earlier' }
  /** Gave up: an error that is not worth retrying, or the retry budget ran out. */
  | {
      readonly status: 'failed';
      readonly userId: UserId;
      readonly key: string;
      readonly code: string;
      readonly message: string;
      readonly httpStatus: number | undefined;
      readonly attempts: number;
    };

/** The outcome of a batch: one outcome per message, in the order given, and what it took. */
export interface SendReport {
  readonly outcomes: readonly SendOutcome[];
  readonly counts: Readonly<Record<SendOutcome['status'], number>>;
  /** Attempts beyond the first, over the whole batch. */
  readonly retries: number;
  /** 429s the connector answered (each was waited out and retried, within the budget). */
  readonly throttled: number;
  readonly durationMs: number;
}

/** What happened to a card update. */
export type UpdateOutcome =
  | { readonly status: 'updated'; readonly activityId: string; readonly attempts: number }
  /** Nothing was ever sent to the person under the key. */
  | { readonly status: 'not-sent' }
  | { readonly status: 'blocked'; readonly code: string }
  | { readonly status: 'unreachable'; readonly reason: 'no-reference' | 'blocked-earlier' }
  | { readonly status: 'failed'; readonly code: string; readonly message: string; readonly httpStatus: number | undefined; readonly attempts: number };

export function countOutcomes(outcomes: readonly SendOutcome[]): Record<SendOutcome['status'], number> {
  const counts = { sent: 0, 'already-sent': 0, 'in-progress': 0, blocked: 0, unreachable: 0, failed: 0 };
  for (const outcome of outcomes) counts[outcome.status]++;
  return counts;
}
