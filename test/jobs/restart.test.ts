import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import type { JobDefinition, JobQueue } from '../../src/jobs/job-queue.ts';
import { openStore, type Store } from '../../src/store/store.ts';
import { BACKENDS } from '../store/each-backend.ts';
import { expectNoBossTrouble, jobRows, openJobsTestStore, TEST_POLLING_SECONDS, uniqueJobName, waitFor, type JobsTestStore } from './jobs-test-kit.ts';

const POLL_MS = TEST_POLLING_SECONDS * 1_000;

describe.each(BACKENDS)('a restart on %s', (kind) => {
  let jobs: JobsTestStore;
  let reopened: Store | undefined;
  beforeAll(async () => {
    jobs = await openJobsTestStore(kind);
  });
  afterAll(async () => {
    // Queues first (they use the reopened store), then the reopened store (it holds the PGlite
    // folder lock), then the test store's own cleanup.
    await Promise.all(jobs.queues.map((queue) => queue.stop({ graceful: false })));
    await reopened?.close();
    await jobs.cleanup();
  });

  it('runs a job that was not yet due at shutdown exactly once, after the restart, not before its time', async () => {
    const definition: JobDefinition<{ mentorshipId: string }> = {
      name: uniqueJobName('check-in'),
      schema: z.object({ mentorshipId: z.string() }),
    };
    const calls: { id: string; at: number; instance: string }[] = [];
    const register = (queue: JobQueue, instance: string) =>
      queue.register(definition, async (job) => {
        calls.push({ id: job.id, at: Date.now(), instance });
      });

    // Before: the app runs, schedules a check-in for later, and shuts down.
    const before = await jobs.openQueue();
    await register(before, 'before');
    await before.start();
    const startAfter = new Date(Date.now() + 2_000);
    const sent = await before.send(definition, { mentorshipId: 'm-1' }, { key: 'm-1:check-in:1', startAfter });
    expect(sent.created).toBe(true);
    const stopStarted = Date.now();
    await before.stop();
    await jobs.testStore.store.close();
    const restartStarted = Date.now();

    // After: the same data folder (PGlite) or schema (PostgreSQL), a new store and job queue.
    reopened = await openStore(jobs.testStore.options);
    const after = await jobs.openQueue(reopened);
    await register(after, 'after');
    await after.start();
    const restartMs = Date.now() - restartStarted;
    expect(Date.now()).toBeLessThan(startAfter.getTime()); // the restart was fast enough to matter

    // A replay of the send after the restart creates nothing.
    expect(await after.send(definition, { mentorshipId: 'm-1' }, { key: 'm-1:check-in:1', startAfter })).toEqual({ id: sent.id, created: false });

    await waitFor('the check-in to run', () => calls.length > 0, startAfter.getTime() - Date.now() + 4 * POLL_MS + 2_000);
    await sleep(3 * POLL_MS);
    expect(calls).toEqual([{ id: sent.id, at: expect.any(Number), instance: 'after' }]);
    expect(calls[0]!.at).toBeGreaterThanOrEqual(startAfter.getTime());
    expect((await jobRows(reopened, jobs.bossSchema, definition.name)).map((row) => row.state)).toEqual(['completed']);
    expectNoBossTrouble(jobs);
    console.info(`[jobs] ${kind}: stop + close took ${restartStarted - stopStarted} ms, reopen + restart took ${restartMs} ms`);
  });
});
