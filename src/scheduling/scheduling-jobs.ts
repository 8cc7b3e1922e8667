import type { Transaction } from 'kysely';
import { z } from 'zod';
import { tenantId as toTenantId, type TenantId } from '../core/ids.ts';
import { HOUR_MS } from '../core/time.ts';
import type { JobDefinition, JobQueue } from '../jobs/job-queue.ts';
import { bookingRepository, bookingId, type BookingRecord } from '../store/bookings.ts';
import type { Database } from '../store/schema.ts';
import { heldSessions } from './booking-access.ts';
import { runCohort } from './cohort-run.ts';
import type { RecheckScheduler, RunStarter, SchedulingDeps } from './deps.ts';
import { recheckSession } from './recheck.ts';

/** The cohort run as a durable job: retried (and so resumed) after a crash, a restart or throttling. */
export const cohortRunJob: JobDefinition<{ tenantId: string; runId: string }> = {
  name: 'scheduling.cohort-run',
  schema: z.object({ tenantId: z.string().min(1), runId: z.string().min(1) }),
  retryLimit: 10,
  retryDelaySeconds: 30,
  // A thousand pairs take well under a minute and the largest cohort a few. An attempt whose
  // process died is retried once this expires; a graceful stop fails it (and retries it) at once.
  expireInSeconds: 1800,
  concurrency: 1,
};

/** The re-check of one session before it happens. */
export const recheckJob: JobDefinition<{ tenantId: string; bookingId: string; index: number; start: number }> = {
  name: 'scheduling.recheck',
  schema: z.object({ tenantId: z.string().min(1), bookingId: z.string().min(1), index: z.number().int().min(0), start: z.number() }),
  retryLimit: 3,
  retryDelaySeconds: 300,
  expireInSeconds: 300,
  concurrency: 5,
};

/** How long before a session it is re-checked: a day, so there is time to move it. */
export const RECHECK_LEAD_MS = 24 * HOUR_MS;

/** Starts cohort runs as jobs on the queue, keyed by run (exactly one job per run). */
export function queuedRunStarter(queue: JobQueue): RunStarter {
  return {
    async start(trx, tenantId, runId, resume = 0) {
      const key = `cohort-run:${tenantId}:${runId}${resume > 0 ? `:resume-${resume}` : ''}`;
      await queue.send(cohortRunJob, { tenantId, runId }, { key, transaction: trx });
    },
  };
}

/**
 * Schedules, for each booked booking, the re-check of its next session still to come, a day
 * before it. Keyed by booking, session and start, so saving a booking again schedules nothing
 * twice, and a moved session gets a re-check at its new time.
 */
export function queuedRechecks(queue: JobQueue, now: () => number): RecheckScheduler & { scheduleAfter: typeof scheduleAfter } {
  async function scheduleAfter(trx: Transaction<Database>, tenantId: TenantId, booking: BookingRecord, after: number): Promise<void> {
    const next = heldSessions(booking).find((o) => o.start > after);
    if (next === undefined) return;
    await queue.send(
      recheckJob,
      { tenantId, bookingId: booking.id, index: next.index, start: next.start },
      { key: `recheck:${tenantId}:${booking.id}:${next.index}:${next.start}`, startAfter: new Date(Math.max(now(), next.start - RECHECK_LEAD_MS)), transaction: trx },
    );
  }
  return {
    scheduleAfter,
    async schedule(trx, tenantId, bookings) {
      for (const booking of bookings) await scheduleAfter(trx, tenantId, booking, now());
    },
  };
}

/**
 * Registers the scheduling jobs' handlers. A re-check whose session has moved since it was
 * scheduled does nothing (the move scheduled its own); otherwise it checks the session and then
 * schedules the re-check of the one after.
 */
export async function registerSchedulingJobs(queue: JobQueue, deps: SchedulingDeps): Promise<void> {
  await queue.register(cohortRunJob, async (job) => {
    await runCohort(deps, toTenantId(job.data.tenantId), job.data.runId);
  });
  const rechecks = queuedRechecks(queue, deps.now);
  await queue.register(recheckJob, async (job) => {
    const tenantId: TenantId = toTenantId(job.data.tenantId);
    const booking = await bookingRepository(deps.db).get(tenantId, bookingId(job.data.bookingId));
    const session = booking?.occurrences.find((o) => o.index === job.data.index);
    if (booking === undefined || session === undefined || session.start !== job.data.start) return;
    await recheckSession(deps, tenantId, job.data.bookingId, job.data.index);
    if (booking.state !== 'booked') return;
    await deps.db.transaction().execute((trx) => rechecks.scheduleAfter(trx, tenantId, booking, session.start));
  });
}
