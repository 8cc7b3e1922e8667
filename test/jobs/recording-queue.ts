/** A job queue for tests that run the jobs by hand: it records what was sent instead of running it. */
import type { JobDefinition, JobQueue, SendOptions } from '../../src/jobs/job-queue.ts';

/** A job as it was sent: its key, its data, and when it may run at the earliest (0: at once). */
export interface QueuedJob {
  readonly key: string;
  readonly data: any;
  readonly startAfter: number;
}

/** A queue that keeps one job per key, as the real one does, for the test to run by hand. */
export function recordingQueue(): JobQueue & { jobs: QueuedJob[] } {
  const jobs: QueuedJob[] = [];
  return {
    jobs,
    async register() {},
    async send<T>(_definition: JobDefinition<T>, data: T, options: SendOptions) {
      if (jobs.some((j) => j.key === options.key)) return { id: options.key, created: false };
      jobs.push({ key: options.key, data, startAfter: options.startAfter?.getTime() ?? 0 });
      return { id: options.key, created: true };
    },
    async start() {},
    async stop() {},
  };
}
