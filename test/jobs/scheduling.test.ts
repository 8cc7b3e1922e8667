import { expect, it } from 'vitest';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import type { JobDefinition, JobQueue } from '../../src/jobs/job-queue.ts';
import { describeJobsOnEachBackend, jobRows, TEST_POLLING_SECONDS, uniqueJobName, waitFor } from './jobs-test-kit.ts';

const reminder = (): JobDefinition<{ pairingId: string }> => ({
  name: uniqueJobName('reminder'),
  schema: z.object({ pairingId: z.string() }),
});

describeJobsOnEachBackend('scheduling jobs', (jobs) => {
  const withQueue = async (run: (queue: JobQueue) => Promise<void>) => {
    const queue = await jobs().openQueue();
    try {
      await run(queue);
    } finally {
      await queue.stop();
    }
  };

  it('runs a job with startAfter once, and not before its time', async () => {
    await withQueue(async (queue) => {
      const definition = reminder();
      const calls: { id: string; at: number; pairingId: string }[] = [];
      await queue.register(definition, async (job) => {
        calls.push({ id: job.id, at: Date.now(), pairingId: job.data.pairingId });
      });
      await queue.start();

      const startAfter = new Date(Date.now() + 1_500);
      const sent = await queue.send(definition, { pairingId: 'p-1' }, { key: 'p-1:first-reminder', startAfter });
      expect(sent.created).toBe(true);

      // Several polls happen before the due time; none may pick the job up.
      await sleep(startAfter.getTime() - Date.now() - 250);
      expect(calls).toEqual([]);

      await waitFor('the due job to run', () => calls.length > 0, 4 * TEST_POLLING_SECONDS * 1_000 + 3_000);
      expect(calls[0]?.at).toBeGreaterThanOrEqual(startAfter.getTime());
      expect(calls[0]).toMatchObject({ id: sent.id, pairingId: 'p-1' });

      // Later polls must not run it again.
      await sleep(3 * TEST_POLLING_SECONDS * 1_000);
      expect(calls).toHaveLength(1);
      expect((await jobRows(jobs().testStore.store, jobs().bossSchema, definition.name)).map((r) => r.state)).toEqual(['completed']);
    });
  });

  it('creates one job for a key sent twice, even after the first one completed', async () => {
    await withQueue(async (queue) => {
      const definition = reminder();
      const calls: string[] = [];
      await queue.register(definition, async (job) => {
        calls.push(job.id);
      });
      await queue.start();

      const first = await queue.send(definition, { pairingId: 'p-2' }, { key: 'p-2' });
      await waitFor('the first job to run', () => calls.length === 1, 5_000);
      await waitFor('the first job to be completed', async () => (await jobRows(jobs().testStore.store, jobs().bossSchema, definition.name))[0]?.state === 'completed', 5_000);

      // A replay after completion: pg-boss's own singletonKey would allow this one.
      const second = await queue.send(definition, { pairingId: 'p-2' }, { key: 'p-2' });
      expect(first).toEqual({ id: expect.any(String), created: true });
      expect(second).toEqual({ id: first.id, created: false });

      await sleep(3 * TEST_POLLING_SECONDS * 1_000);
      expect(calls).toEqual([first.id]);
      expect(await jobRows(jobs().testStore.store, jobs().bossSchema, definition.name)).toHaveLength(1);
    });
  });

  it('creates one job for a key sent many times at once', async () => {
    await withQueue(async (queue) => {
      const definition = reminder();
      const results = await Promise.all(
        Array.from({ length: 12 }, (_, i) => queue.send(definition, { pairingId: `attempt-${i}` }, { key: 'same-key' })),
      );
      expect(results.filter((r) => r.created)).toHaveLength(1);
      expect(new Set(results.map((r) => r.id)).size).toBe(1);
      const rows = await jobRows(jobs().testStore.store, jobs().bossSchema, definition.name);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ id: results[0]?.id, key: 'same-key' });
      // Another key is another job.
      expect((await queue.send(definition, { pairingId: 'x' }, { key: 'other-key' })).created).toBe(true);
    });
  });

  it('creates no job, and keeps the key free, when the sending transaction rolls back', async () => {
    await withQueue(async (queue) => {
      const definition = reminder();
      const store = jobs().testStore.store;
      // On PGlite the queue must exist before a send inside a transaction (see JobQueue.send).
      await queue.register(definition, async () => undefined);
      const rolledBack = store.db.transaction().execute(async (trx) => {
        const sent = await queue.send(definition, { pairingId: 'p-3' }, { key: 'p-3', transaction: trx });
        expect(sent.created).toBe(true);
        throw new Error('the pairing could not be saved');
      });
      await expect(rolledBack).rejects.toThrow('the pairing could not be saved');
      expect(await jobRows(store, jobs().bossSchema, definition.name)).toEqual([]);

      const committed = await store.db.transaction().execute((trx) => queue.send(definition, { pairingId: 'p-3' }, { key: 'p-3', transaction: trx }));
      expect(committed.created).toBe(true);
      expect((await jobRows(store, jobs().bossSchema, definition.name)).map((r) => r.id)).toEqual([committed.id]);
    });
  });

  it('inside a transaction, sends to a queue created on the spot on PostgreSQL, and refuses (never hangs) on PGlite', async () => {
    await withQueue(async (queue) => {
      const definition = reminder();
      const store = jobs().testStore.store;
      const sending = store.db.transaction().execute((trx) => queue.send(definition, { pairingId: 'p-4' }, { key: 'p-4', transaction: trx }));
      if (jobs().kind === 'postgres') {
        expect((await sending).created).toBe(true);
        expect(await jobRows(store, jobs().bossSchema, definition.name)).toHaveLength(1);
      } else {
        // PGlite has one connection and the transaction holds it, so the queue cannot be created.
        await expect(sending).rejects.toThrow(/cannot be created inside a transaction before its queue exists; register it at startup/);
        expect((await queue.send(definition, { pairingId: 'p-4' }, { key: 'p-4' })).created).toBe(true);
      }
    });
  });
});
