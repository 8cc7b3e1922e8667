import type { Client } from '@microsoft/microsoft-graph-client';
import type { Logger } from 'pino';
import type { TenantId } from '../core/ids.ts';
import { epochMs } from '../core/time.ts';
import type { JobQueue } from '../jobs/job-queue.ts';
import type { Store } from '../store/store.ts';
import type { BookedListener, SchedulingDeps } from './deps.ts';
import { queuedRechecks, queuedRunStarter, registerSchedulingJobs } from './scheduling-jobs.ts';
import { createSchedulingService, type SchedulingService } from './scheduling-service.ts';

/** Batches in flight at once; each holds at most 20 requests, and no mailbox gets more than 4. */
export const PARALLEL_BATCHES = 8;

/**
 * Everything scheduling needs at run time, for the composition root: the service over the store,
 * Graph per tenant, and its jobs (cohort runs, re-checks) registered on the queue. Call before
 * `queue.start()`.
 */
export async function startScheduling(options: {
  readonly store: Store;
  readonly queue: JobQueue;
  /** An app-only Graph client for a tenant. */
  readonly graphClientFor: (tenantId: TenantId) => Client;
  readonly log: Logger;
  /** Told, in the saving transaction, about every booking saved as booked. */
  readonly onBooked?: BookedListener;
}): Promise<SchedulingService> {
  const now = () => epochMs(Date.now());
  const clients = new Map<string, Client>();
  const deps: SchedulingDeps = {
    db: options.store.db,
    graphFor: (tenantId) => {
      let client = clients.get(tenantId);
      if (client === undefined) clients.set(tenantId, (client = options.graphClientFor(tenantId)));
      return { client, batch: { parallelBatches: PARALLEL_BATCHES } };
    },
    now,
    log: options.log,
    runs: queuedRunStarter(options.queue),
    rechecks: queuedRechecks(options.queue, now),
    ...(options.onBooked === undefined ? {} : { onBooked: options.onBooked }),
  };
  await registerSchedulingJobs(options.queue, deps);
  return createSchedulingService(deps);
}
