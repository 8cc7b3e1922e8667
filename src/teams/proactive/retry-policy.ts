/** How hard one message is tried before it is reported as failed. */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  readonly maxAttempts: number;
  /** Total time one message may spend waiting between attempts. */
  readonly maxWaitMs: number;
  /** Backoff when the service gave no Retry-After: base · 2^(retry-1), capped, then jittered. */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

/** Six attempts within two minutes: enough to ride out throttling bursts, bounded so a batch finishes. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 6, maxWaitMs: 120_000, baseDelayMs: 500, maxDelayMs: 15_000 };

/**
 * The wait before retry number `retry` (1 = the first retry): the service's Retry-After when it
 * gave one, else exponential backoff with random jitter (`random` in [0, 1)) as Teams recommends:
 * between half and all of the step, so retries spread out but never come back at once.
 */
export function retryDelay(policy: RetryPolicy, retry: number, retryAfterMs: number | undefined, random: () => number): number {
  if (retryAfterMs !== undefined) return retryAfterMs;
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
