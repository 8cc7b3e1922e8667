import { sql } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createJobQueue, type JobQueue } from '../../src/jobs/job-queue.ts';
import { createSchedulingService } from '../../src/scheduling/scheduling-service.ts';
import { queuedRechecks, queuedRunStarter, RECHECK_LEAD_MS, registerSchedulingJobs } from '../../src/scheduling/scheduling-jobs.ts';
import { bookingRepository } from '../../src/store/bookings.ts';
import { waitFor } from '../jobs/jobs-test-kit.ts';
import { openTestStore, type TestStore } from '../store/open-test-store.ts';
import { adminActor, pairsFrom, startSchedulingFixture, TENANT, TERM, type SchedulingFixture } from './scheduling-fixture.ts';

/** The cohort run as a durable job, and the re-checks it leaves behind. */
let fx: SchedulingFixture;
let db: TestStore;
let queue: JobQueue;
beforeAll(async () => {
  fx = await startSchedulingFixture();
  db = await openTestStore('pglite');
  queue = await createJobQueue(db.store, { log: pino({ level: 'silent' }), pollingIntervalSeconds: 0.5 });
});
afterAll(async () => {
  await queue?.stop({ graceful: false });
  await db?.cleanup();
  await fx?.dev.dispose();
});

it('runs a started cohort in the background and schedules a re-check a day before each pair’s next session', async () => {
  const base = fx.deps(db.store);
  const deps = { ...base, runs: queuedRunStarter(queue), rechecks: queuedRechecks(queue, base.now) };
  await registerSchedulingJobs(queue, deps);
  await queue.start();
  const service = createSchedulingService(deps);
  const pairs = pairsFrom(fx.dev.tenant.directory.people(TENANT), 4);
  const start = await service.startCohort(TENANT, adminActor, { programId: 'jobs', settings: { cadence: 'biweekly', durationMinutes: 60, term: TERM }, pairs });

  await waitFor('the cohort job to finish', async () => (await service.runStatus(TENANT, adminActor, start.runId)).status === 'done', 60_000);
  const progress = await service.runStatus(TENANT, adminActor, start.runId);
  expect(progress).toMatchObject({ total: 4, done: 4, attempts: 1 });
  expect(progress.graphRequests).toBeGreaterThan(4);

  const jobs = await sql<{ name: string; singleton_key: string; start_after: Date; data: { bookingId: string; index: number; start: number } }>`
    select name, singleton_key, start_after, data from pgboss.job where name = 'scheduling.recheck'`.execute(db.store.db);
  const booked = (await bookingRepository(db.store.db).listForRun(TENANT, start.runId)).filter((b) => b.state === 'booked');
  expect(jobs.rows).toHaveLength(booked.length);
  for (const b of booked) {
    const next = b.occurrences.filter((o) => o.status === 'free' || o.status === 'moved').sort((x, y) => x.start - y.start)[0]!;
    const job = jobs.rows.find((j) => j.data.bookingId === b.id)!;
    expect(job.data).toMatchObject({ index: next.index, start: next.start });
    expect(job.singleton_key).toBe(`recheck:${TENANT}:${b.id}:${next.index}:${next.start}`);
    expect(job.start_after.getTime()).toBe(next.start - RECHECK_LEAD_MS);
  }
});
