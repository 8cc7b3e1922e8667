import type { Client } from '@microsoft/microsoft-graph-client';
import type { Logger } from 'pino';
import type { Config } from '../config/config.ts';
import { introductionUpdatesOnBooking } from '../engagement/introduction-updates-job.ts';
import { startEngagement, type Engagement } from '../engagement/engagement-runtime.ts';
import { createJobQueue } from '../jobs/job-queue.ts';
import { startScheduling } from '../scheduling/scheduling-runtime.ts';
import type { SchedulingService } from '../scheduling/scheduling-service.ts';
import type { Store } from '../store/store.ts';
import type { ProactiveWiring } from './proactive-wiring.ts';
import type { ProgramWiring } from './program-wiring.ts';
import type { ShutdownStack } from './shutdown-stack.ts';

export interface JobWiringOptions {
  readonly config: Config;
  readonly store: Store;
  readonly log: Logger;
  readonly graphClientFor: (tenantId: string) => Client;
  readonly proactive: ProactiveWiring;
  /** Its events feed the mentoring loop once the loop has started. */
  readonly programs: ProgramWiring;
}

/** Scheduling and the mentoring loop, running on the job queue. */
export interface JobWiring {
  readonly scheduling: SchedulingService;
  readonly engagement: Engagement;
}

/**
 * The durable job queue on the store's database and everything that runs on it: scheduling
 * (cohort runs, session re-checks) and the mentoring loop (introductions, agendas, feedback
 * requests, reminders). Both register their jobs before the queue starts; then the loop catches up
 * on program events it missed while Upward was down.
 */
export async function startJobs(options: JobWiringOptions, shutdown: ShutdownStack): Promise<JobWiring> {
  const { config, store, log } = options;
  const jobs = await createJobQueue(store, { log: log.child({ component: 'jobs' }) });
  shutdown.onClose(() => jobs.stop());
  const scheduling = await startScheduling({
    store,
    queue: jobs,
    log: log.child({ component: 'scheduling' }),
    graphClientFor: options.graphClientFor,
    // A booked (or moved) series brings each person's introduction up to date (a job per save).
    onBooked: introductionUpdatesOnBooking(jobs),
  });
  const engagement = await startEngagement({
    store,
    queue: jobs,
    sender: options.proactive.sender,
    installer: options.proactive.installer,
    tabUrl: `${config.server.publicUrl}/tab/`,
    log: log.child({ component: 'engagement' }),
  });
  options.programs.deliverEventsTo(engagement);
  await jobs.start();
  await engagement.catchUp();
  return { scheduling, engagement };
}
