import type { Client } from '@microsoft/microsoft-graph-client';
import { UpwardError } from '../core/errors.ts';

/** One request of a JSON batch, with the mailbox it loads (for the per-mailbox concurrency limit). */
export interface BatchStep {
  readonly id: string;
  readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Relative to /v1.0, e.g. `/users/{id}/calendar/getSchedule`. */
  readonly url: string;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  /** Outlook throttles per app and mailbox: at most 4 concurrent requests each, batches included. */
  readonly mailbox: string;
}

export interface BatchAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
}

export interface BatchOptions {
  /** Batches in flight at once. */
  readonly parallelBatches?: number;
  /** Concurrent requests per mailbox, across every batch in flight (Outlook allows 4). */
  readonly perMailbox?: number;
  /** Retries of a throttled or unavailable request (429, 503, 504) before giving up. */
  readonly maxRetries?: number;
  /** Longest total wait for retries before giving up, in ms. */
  readonly retryBudgetMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
  /** Called once per HTTP round trip and per request sent (for measuring). */
  readonly onSend?: (steps: number) => void;
}

const MAX_PER_BATCH = 20;
const RETRYABLE = new Set([429, 503, 504]);

/**
 * Sends many Graph requests as JSON batches of at most 20, never more than `perMailbox` in
 * flight against one mailbox, and retries throttled requests inside the batch honouring their own
 * Retry-After (SDKs do not retry inside a batch) within a bounded budget. Answers are returned by
 * step id; other failures are returned as they came, for the caller to surface with Graph's code.
 */
export async function runBatched(client: Client, steps: readonly BatchStep[], options: BatchOptions = {}): Promise<Map<string, BatchAnswer>> {
  const parallel = options.parallelBatches ?? 4;
  const perMailbox = options.perMailbox ?? 4;
  const maxRetries = options.maxRetries ?? 5;
  const budget = options.retryBudgetMs ?? 120_000;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));

  const answers = new Map<string, BatchAnswer>();
  const attempts = new Map<string, number>();
  const inFlight = new Map<string, number>();
  let waited = 0;
  let queue = [...steps];

  while (queue.length > 0) {
    const retryLater: BatchStep[] = [];
    let longestRetryAfterMs = 0;

    const takeBatch = (): BatchStep[] => {
      const batch: BatchStep[] = [];
      const rest: BatchStep[] = [];
      for (const step of queue) {
        const busy = inFlight.get(step.mailbox) ?? 0;
        if (batch.length < MAX_PER_BATCH && busy < perMailbox) {
          batch.push(step);
          inFlight.set(step.mailbox, busy + 1);
        } else rest.push(step);
      }
      queue = rest;
      return batch;
    };

    const sendOne = async (batch: BatchStep[]): Promise<void> => {
      try {
        options.onSend?.(batch.length);
        const response = (await client.api('/$batch').post({
          requests: batch.map((s) => ({
            id: s.id,
            method: s.method,
            url: s.url,
            ...(s.body === undefined ? {} : { body: s.body, headers: { 'content-type': 'application/json', ...s.headers } }),
            ...(s.body === undefined && s.headers ? { headers: s.headers } : {}),
          })),
        })) as { responses?: Array<{ id: string; status: number; headers?: Record<string, string>; body?: unknown }> };
        const byId = new Map((response.responses ?? []).map((r) => [r.id, r]));
        for (const step of batch) {
          const answer = byId.get(step.id);
          if (!answer) throw new UpwardError('upstream', `Microsoft Graph's batch answer has no response for request ${step.id}`);
          const headers = lowerKeys(answer.headers ?? {});
          if (RETRYABLE.has(answer.status)) {
            const tries = (attempts.get(step.id) ?? 0) + 1;
            attempts.set(step.id, tries);
            if (tries > maxRetries) {
              answers.set(step.id, { status: answer.status, headers, body: answer.body });
              continue;
            }
            longestRetryAfterMs = Math.max(longestRetryAfterMs, retryAfterMs(headers['retry-after'], tries));
            retryLater.push(step);
          } else {
            answers.set(step.id, { status: answer.status, headers, body: answer.body });
          }
        }
      } finally {
        for (const step of batch) inFlight.set(step.mailbox, (inFlight.get(step.mailbox) ?? 1) - 1);
      }
    };

    // Fill up to `parallel` batches; when the per-mailbox limit leaves steps over, they go in the
    // next round once these answers are in.
    while (queue.length > 0) {
      const round: Promise<void>[] = [];
      for (let i = 0; i < parallel && queue.length > 0; i++) {
        const batch = takeBatch();
        if (batch.length === 0) break;
        round.push(sendOne(batch));
      }
      if (round.length === 0) break;
      await Promise.all(round);
    }

    if (retryLater.length > 0) {
      if (waited + longestRetryAfterMs > budget) {
        throw new UpwardError(
          'unavailable',
          `Microsoft Graph kept throttling ${retryLater.length} request(s) beyond the retry budget of ${Math.round(budget / 1000)} s`,
        );
      }
      waited += longestRetryAfterMs;
      await sleep(longestRetryAfterMs);
      queue = retryLater;
    }
  }
  return answers;
}

function lowerKeys(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
}

/** Retry-After in seconds (may be fractional); without one, exponential backoff from 1 s. */
function retryAfterMs(value: string | undefined, attempt: number): number {
  const seconds = value === undefined ? Number.NaN : Number(value);
  return Number.isFinite(seconds) && seconds >= 0 ? Math.ceil(seconds * 1000) : Math.min(2 ** (attempt - 1) * 1000, 30_000);
}
