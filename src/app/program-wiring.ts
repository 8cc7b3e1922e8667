import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { tenantId as toTenantId, type TenantId } from '../core/ids.ts';
import { epochMs } from '../core/time.ts';
import type { Engagement } from '../engagement/engagement-runtime.ts';
import type { ProgramEvent } from '../programs/events.ts';
import { createProgramServices, type ProgramServices } from '../programs/program-services.ts';
import { workerMatchRunner } from '../programs/worker-match-runner.ts';
import type { Store } from '../store/store.ts';
import type { DirectoryReader, ManagerChainReader } from '../graph/directory.ts';
import type { ShutdownStack } from './shutdown-stack.ts';

export interface ProgramWiringOptions {
  readonly store: Store;
  readonly log: Logger;
  readonly directoryFor: (tenantId: string) => DirectoryReader & ManagerChainReader;
  /** The message extension's search index, refreshed when people leave or pairs change. */
  readonly searchIndex: { invalidate(tenantId: TenantId): void };
  /** Also told about every program event after it is logged. */
  readonly onProgramEvent: ((event: ProgramEvent) => void) | undefined;
}

export interface ProgramWiring {
  readonly services: ProgramServices;
  /**
   * From now on, program events also go to the mentoring loop. The loop starts after programs (it
   * needs the job queue); events before then are in program_events, and its catch-up at start
   * schedules them.
   */
  deliverEventsTo(engagement: Engagement): void;
}

/** Programs: matching runs on a worker thread; every event is logged, then delivered. */
export function wireProgramServices(options: ProgramWiringOptions, shutdown: ShutdownStack): ProgramWiring {
  const { log } = options;
  let engagement: Engagement | undefined;
  const services = createProgramServices(options.store.db, {
    directoryFor: options.directoryFor,
    matcher: workerMatchRunner(),
    publish: async (event) => {
      log.info({ event: event.type, id: event.id, tenantId: event.tenantId, programId: event.programId }, 'program event');
      // Someone left or pairs changed: search should not wait out its index's TTL. (New
      // enrolments emit no event; the index's 60 s TTL covers them.)
      options.searchIndex.invalidate(toTenantId(event.tenantId));
      try {
        // The event is already in program_events: if this fails, the catch-up at start schedules it.
        await engagement?.onProgramEvent(event);
      } finally {
        options.onProgramEvent?.(event);
      }
    },
    now: () => epochMs(Date.now()),
    newId: () => randomUUID(),
    onBackgroundError: (error, what) => log.error({ err: error }, `failed: ${what}`),
  });
  shutdown.onClose(() => services.close());
  return {
    services,
    deliverEventsTo(started) {
      engagement = started;
    },
  };
}
