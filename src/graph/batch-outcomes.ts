import type { Client } from '@microsoft/microsoft-graph-client';
import { runBatched, type BatchAnswer, type BatchOptions, type BatchStep } from './batch.ts';
import { stepError, type StepOutcome } from './graph-step-error.ts';

/** One request to send, under the caller's key, with how to read its success and what it was for. */
export interface KeyedStep<T> {
  readonly key: string;
  readonly step: Omit<BatchStep, 'id'>;
  /** What the request does, for the error message ("creating the series for pair p-1"). */
  readonly doing: string;
  readonly read: (answer: BatchAnswer) => T;
}

/**
 * Sends keyed requests through `runBatched` (JSON batches of 20, per-mailbox limit, in-batch
 * retries of 429/503/504) and returns each key's outcome: its value when Graph answered 2xx,
 * otherwise a GraphRequestError with Graph's status and code. Step ids are positions, so any
 * caller key (however long or odd) is safe.
 */
export async function runKeyed<T>(client: Client, steps: readonly KeyedStep<T>[], options: BatchOptions = {}): Promise<Map<string, StepOutcome<T>>> {
  const batchSteps: BatchStep[] = steps.map((s, i) => ({ ...s.step, id: String(i + 1) }));
  const answers = await runBatched(client, batchSteps, options);
  const out = new Map<string, StepOutcome<T>>();
  steps.forEach((s, i) => {
    const answer = answers.get(String(i + 1));
    if (answer === undefined) return;
    out.set(s.key, answer.status >= 200 && answer.status < 300 ? { ok: true, value: s.read(answer) } : { ok: false, error: stepError(answer, s.doing) });
  });
  return out;
}
