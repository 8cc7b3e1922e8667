import { expect, it } from 'vitest';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import type { JobDefinition } from '../../src/jobs/job-queue.ts';
import { describeJobsOnEachBackend, jobRows, TEST_POLLING_SECONDS, uniqueJobName, waitFor } from './jobs-test-kit.ts';

describeJobsOnEachBackend('starting and stopping the job queue', (jobs) => {
  it('accepts sends before start, runs them after start, and a graceful stop waits for a running handler', async () => {
    const queue = await jobs().openQueue();
    const definition: JobDefinition<{ n: number }> = { name: uniqueJobName('slow'), schema: z.object({ n: z.number() }) };
    const events: string[] = [];
    await queue.register(definition, async (job) => {
      events.push(`start ${job.data.n}`);
      await sleep(400);
      events.push(`end ${job.data.n}`);
    });
    await queue.send(definition, { n: 1 }, { key: 'one' });
    await sleep(3 * TEST_POLLING_SECONDS * 1_000);
    expect(events).toEqual([]); // registered but not started: nothing runs

    await queue.start();
    await waitFor('the handler to start', () => events.length > 0, 4 * TEST_POLLING_SECONDS * 1_000 + 2_000);
    await queue.stop({ graceful: true, timeoutMs: 5_000 });
    expect(events).toEqual(['start 1', 'end 1']);
    expect((await jobRows(jobs().testStore.store, jobs().bossSchema, definition.name)).map((r) => r.state)).toEqual(['completed']);

    await expect(queue.send(definition, { n: 2 }, { key: 'two' })).rejects.toThrow('the job queue has been stopped');
    await expect(queue.register({ ...definition, name: uniqueJobName('late') }, async () => undefined)).rejects.toThrow('the job queue has been stopped');
    await queue.stop(); // idempotent
  });

  it('refuses to register one job name twice', async () => {
    const queue = await jobs().openQueue();
    try {
      const definition: JobDefinition<{ n: number }> = { name: uniqueJobName('twice'), schema: z.object({ n: z.number() }) };
      await queue.register(definition, async () => undefined);
      await expect(queue.register(definition, async () => undefined)).rejects.toThrow(`job "${definition.name}" is already registered`);
    } finally {
      await queue.stop();
    }
  });
});
