import type { Client } from '@microsoft/microsoft-graph-client';
import { epochMs } from '../core/time.ts';
import { PARALLEL_BATCHES } from '../scheduling/scheduling-runtime.ts';
import { createSessionAlternativesSource, type SessionAlternativesSource } from '../server/routes/session-alternatives-source.ts';
import type { Store } from '../store/store.ts';

/**
 * Mutual free times around a session: one getSchedule read of the pair per request, shared by
 * the tab's reschedule dialog and the agenda card's "reschedule this one".
 */
export function wireSessionAlternatives(store: Store, graphClientFor: (tenantId: string) => Client): SessionAlternativesSource {
  return createSessionAlternativesSource({
    db: store.db,
    now: () => epochMs(Date.now()),
    graphFor: (tenantId) => ({
      client: graphClientFor(tenantId),
      batch: { parallelBatches: PARALLEL_BATCHES },
    }),
  });
}
