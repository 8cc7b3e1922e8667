import type { BatchStep } from './batch-request.ts';

/** One entry of the batch response's `responses`. */
export interface BatchAnswer {
  readonly id: string;
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: unknown;
}

/** Runs one request of the batch (and never throws: failures are answers too). */
export type BatchDispatch = (step: BatchStep) => Promise<Omit<BatchAnswer, 'id'>>;

/**
 * Runs a validated batch: every request starts as soon as the requests it depends on have
 * answered, so independent requests run concurrently (and meet the per-mailbox concurrency limit
 * as they would in Graph). A request whose dependency failed (status 400 or above, or itself
 * skipped) is not run and answers 424. Answers come back in completion order, as Graph's may:
 * clients correlate them by id.
 */
export async function runBatch(
  steps: readonly BatchStep[],
  dispatch: BatchDispatch,
  failedDependency: (step: BatchStep) => Omit<BatchAnswer, 'id'>,
): Promise<BatchAnswer[]> {
  const byId = new Map(steps.map((s) => [s.id, s]));
  const answers: BatchAnswer[] = [];
  const running = new Map<string, Promise<BatchAnswer>>();

  const run = (step: BatchStep): Promise<BatchAnswer> => {
    let promise = running.get(step.id);
    if (!promise) {
      promise = (async () => {
        // parseBatchRequest has rejected cycles and unknown ids, so this recursion ends.
        const dependencies = await Promise.all(step.dependsOn.map((id) => run(byId.get(id)!)));
        const answer = { id: step.id, ...(dependencies.some((d) => d.status >= 400) ? failedDependency(step) : await dispatch(step)) };
        answers.push(answer);
        return answer;
      })();
      running.set(step.id, promise);
    }
    return promise;
  };
  await Promise.all(steps.map(run));
  return answers;
}
