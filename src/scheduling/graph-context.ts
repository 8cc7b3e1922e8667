import type { Client } from '@microsoft/microsoft-graph-client';
import type { BatchOptions } from '../graph/batch.ts';

/**
 * How the scheduling service talks to Graph for one tenant: the client (app-only token of that
 * tenant) and the batch settings, whose `onSend` counts every request sent (batch members one
 * each, retries included) for the run's progress and the benchmark.
 */
export interface GraphContext {
  readonly client: Client;
  readonly batch: BatchOptions;
}

/** A context whose requests are also added to `counter.requests`. */
export function countingContext(base: GraphContext, counter: { requests: number }): GraphContext {
  return {
    client: base.client,
    batch: {
      ...base.batch,
      onSend: (n) => {
        counter.requests += n;
        base.batch.onSend?.(n);
      },
    },
  };
}
