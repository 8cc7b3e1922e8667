import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import type { JobDefinition } from '../../src/jobs/job-queue.ts';
import { openStore, StoreLockedError, type Store } from '../../src/store/store.ts';
import { expectNoBossTrouble, jobRows, openJobsTestStore, TEST_POLLING_SECONDS, uniqueJobName, waitFor, type JobsTestStore } from './jobs-test-kit.ts';

const JOBS = 200;

describe('two app instances on one PostgreSQL schema', () => {
  let jobs: JobsTestStore;
  let secondStore: Store | undefined;
  beforeAll(async () => {
    jobs = await openJobsTestStore('postgres');
  });
  afterAll(async () => {
    await Promise.all(jobs.queues.map((queue) => queue.stop({ graceful: false })));
    await secondStore?.close();
    await jobs.cleanup();
  });

  it(`process ${JOBS} jobs with no duplicate and none lost, each key sent by both`, async () => {
    // Each instance has its own store (connection pool) and pg-boss, as two processes would.
    secondStore = await openStore(jobs.testStore.options);
    const instances = [await jobs.openQueue(), await jobs.openQueue(secondStore)] as const;
    const definition: JobDefinition<{ userId: string }> = {
      name: uniqueJobName('digest'),
      schema: z.object({ userId: z.string() }),
      concurrency: 5,
    };
    const callsPerKey = new Map<string, number>();
    const callsPerInstance = [0, 0];
    for (const [index, queue] of instances.entries()) {
      await queue.register(definition, async (job) => {
        callsPerKey.set(job.data.userId, (callsPerKey.get(job.data.userId) ?? 0) + 1);
        callsPerInstance[index]!++;
        await sleep(5); // a little work, so both instances get a share
      });
    }
    await Promise.all(instances.map((queue) => queue.start()));

    const started = Date.now();
    const keys = Array.from({ length: JOBS }, (_, i) => `user-${String(i).padStart(3, '0')}`);
    // Every key is sent by both instances at the same time: a replay racing the original.
    const sends = await Promise.all(
      keys.flatMap((key) => instances.map((queue) => queue.send(definition, { userId: key }, { key }))),
    );
    const sentMs = Date.now() - started;
    expect(sends.filter((s) => s.created)).toHaveLength(JOBS);

    await waitFor(`all ${JOBS} jobs to run`, () => callsPerKey.size === JOBS, 20_000);
    const processedMs = Date.now() - started;
    await sleep(3 * TEST_POLLING_SECONDS * 1_000);

    const duplicates = [...callsPerKey].filter(([, count]) => count > 1);
    const lost = keys.filter((key) => !callsPerKey.has(key));
    expect(duplicates).toEqual([]);
    expect(lost).toEqual([]);
    expect(callsPerInstance[0]! + callsPerInstance[1]!).toBe(JOBS);
    expect(callsPerInstance.every((count) => count > 0)).toBe(true);
    const rows = await jobRows(jobs.testStore.store, jobs.bossSchema, definition.name);
    expect(rows).toHaveLength(JOBS);
    await waitFor('every job to be completed', async () => (await jobRows(jobs.testStore.store, jobs.bossSchema, definition.name)).every((r) => r.state === 'completed'), 5_000);
    expectNoBossTrouble(jobs);
    console.info(
      `[jobs] postgres: ${2 * JOBS} sends (${JOBS} keys) in ${sentMs} ms; all ${JOBS} processed ${processedMs} ms after the first send; split ${callsPerInstance.join('/')}`,
    );
  });
});

describe('a second app instance on one PGlite folder', () => {
  let jobs: JobsTestStore;
  beforeAll(async () => {
    jobs = await openJobsTestStore('pglite');
  });
  afterAll(async () => {
    await jobs.cleanup();
  });

  it('is refused by the store lock: on PGlite one process owns the jobs, several instances need PostgreSQL', async () => {
    const queue = await jobs.openQueue();
    await expect(openStore(jobs.testStore.options)).rejects.toBeInstanceOf(StoreLockedError);
    // The first instance is unaffected by the refused one.
    const definition: JobDefinition<{ n: number }> = { name: uniqueJobName('solo'), schema: z.object({ n: z.number() }) };
    let calls = 0;
    await queue.register(definition, async () => {
      calls++;
    });
    await queue.start();
    await queue.send(definition, { n: 1 }, { key: 'only' });
    await waitFor('the job to run', () => calls === 1, 4 * TEST_POLLING_SECONDS * 1_000 + 2_000);
    await queue.stop();
  });
});
