import type { JobDefinition } from './job-queue.ts';

/** What a definition or `createJobQueue` leaves out. */
export const JOB_DEFAULTS = {
  retryLimit: 3,
  retryDelaySeconds: 60,
  expireInSeconds: 900,
  concurrency: 5,
  pollingIntervalSeconds: 2,
} as const;

/**
 * A definition's retry and expiry settings as pg-boss names them. Set on the queue when it is
 * created and again on every job sent: pg-boss never updates an existing queue's settings, so the
 * per-job copy is what lets a changed definition take effect for new jobs.
 */
export function retrySettings<T>(definition: JobDefinition<T>): { retryLimit: number; retryDelay: number; expireInSeconds: number } {
  return {
    retryLimit: definition.retryLimit ?? JOB_DEFAULTS.retryLimit,
    retryDelay: definition.retryDelaySeconds ?? JOB_DEFAULTS.retryDelaySeconds,
    expireInSeconds: definition.expireInSeconds ?? JOB_DEFAULTS.expireInSeconds,
  };
}
