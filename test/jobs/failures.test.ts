import { expect, it } from 'vitest';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { UpwardError } from '../../src/core/errors.ts';
import type { JobDefinition, JobQueue } from '../../src/jobs/job-queue.ts';
import { describeJobsOnEachBackend, jobRows, TEST_POLLING_SECONDS, uniqueJobName, waitFor } from './jobs-test-kit.ts';

const POLL_MS = TEST_POLLING_SECONDS * 1_000;

const rejection = (promise: Promise<unknown>): Promise<unknown> => promise.then(() => undefined, (error: unknown) => error);

describeJobsOnEachBackend('failing jobs', (jobs) => {
  const withQueue = async (run: (queue: JobQueue) => Promise<void>) => {
    const queue = await jobs().openQueue();
    try {
      await run(queue);
    } finally {
      await queue.stop();
    }
  };
  const rows = (name: string) => jobRows(jobs().testStore.store, jobs().bossSchema, name);
  const linesAbout = (jobId: string | null) => jobs().lines.filter((line) => line['jobId'] === jobId);

  it('retries a throwing handler after the retry delay, with the same job id, until it succeeds', async () => {
    await withQueue(async (queue) => {
      const definition: JobDefinition<{ to: string }> = {
        name: uniqueJobName('send-invite'),
        schema: z.object({ to: z.string() }),
        retryLimit: 3,
        retryDelaySeconds: 1,
      };
      const attempts: { id: string; startedAt: number; endedAt: number }[] = [];
      await queue.register(definition, async (job) => {
        const startedAt = Date.now();
        await sleep(5);
        attempts.push({ id: job.id, startedAt, endedAt: Date.now() });
        if (attempts.length < 3) throw new Error(`Graph said 503 (attempt ${attempts.length})`);
      });
      await queue.start();
      const sent = await queue.send(definition, { to: 'ana@contoso.test' }, { key: 'invite-1' });

      await waitFor('the third attempt', () => attempts.length === 3, 2 * (1_000 + 3 * POLL_MS) + 4_000);
      expect(attempts.map((a) => a.id)).toEqual([sent.id, sent.id, sent.id]);
      for (const [previous, next] of [[attempts[0], attempts[1]], [attempts[1], attempts[2]]] as const) {
        expect(next!.startedAt - previous!.endedAt).toBeGreaterThanOrEqual(1_000);
      }
      await waitFor('the job to be completed', async () => (await rows(definition.name))[0]?.state === 'completed', 5_000);
      expect((await rows(definition.name))[0]?.retryCount).toBe(2);

      const warnings = linesAbout(sent.id).filter((line) => line.level === 40);
      expect(warnings.map((line) => line.msg)).toEqual([
        expect.stringContaining('failed (attempt 1 of 4), will retry: Graph said 503 (attempt 1)'),
        expect.stringContaining('failed (attempt 2 of 4), will retry: Graph said 503 (attempt 2)'),
      ]);
      await sleep(2 * POLL_MS);
      expect(attempts).toHaveLength(3);
    });
  });

  it('stops retrying when the retry limit is spent, and logs the last failure as an error', async () => {
    await withQueue(async (queue) => {
      const definition: JobDefinition<{ n: number }> = {
        name: uniqueJobName('always-fails'),
        schema: z.object({ n: z.number() }),
        retryLimit: 1,
        retryDelaySeconds: 0,
      };
      let calls = 0;
      await queue.register(definition, async () => {
        calls++;
        throw new Error('still broken');
      });
      await queue.start();
      const sent = await queue.send(definition, { n: 1 }, { key: 'k' });

      await waitFor('the job to fail for good', async () => (await rows(definition.name))[0]?.state === 'failed', 6 * POLL_MS + 3_000);
      await sleep(3 * POLL_MS);
      expect(calls).toBe(2);
      const errors = linesAbout(sent.id).filter((line) => line.level === 50);
      expect(errors.map((line) => line.msg)).toEqual([expect.stringContaining('failed on its last attempt (2 of 2): still broken')]);
    });
  });

  it('refuses a bad payload at send time, naming the field, and stores nothing', async () => {
    await withQueue(async (queue) => {
      const definition: JobDefinition<{ pairing: { mentorEmail: string } }> = {
        name: uniqueJobName('welcome'),
        schema: z.object({ pairing: z.object({ mentorEmail: z.email() }) }),
      };
      const error = await rejection(queue.send(definition, { pairing: { mentorEmail: 'not-an-address' } }, { key: 'w-1' }));
      expect(error).toBeInstanceOf(UpwardError);
      expect((error as UpwardError).code).toBe('bad_input');
      expect((error as UpwardError).fields.map((f) => f.field)).toEqual(['pairing.mentorEmail']);
      expect((error as Error).message).toContain('pairing.mentorEmail');
      expect((error as Error).message).toContain(definition.name);

      // A payload that cannot survive JSON storage is refused too, before anything is written.
      const dated: JobDefinition<{ at: Date }> = { name: uniqueJobName('dated'), schema: z.object({ at: z.date() }) };
      const dateError = await rejection(queue.send(dated, { at: new Date() }, { key: 'd-1' }));
      expect((dateError as UpwardError).code).toBe('bad_input');
      expect((dateError as UpwardError).fields.map((f) => f.field)).toEqual(['at']);
      expect((dateError as Error).message).toMatch(/once stored as JSON/);

      expect(await rows(definition.name)).toEqual([]);
      // The refused send claimed no key: the corrected payload is created under the same key.
      expect((await queue.send(definition, { pairing: { mentorEmail: 'mentor@contoso.test' } }, { key: 'w-1' })).created).toBe(true);
    });
  });

  it('fails a job whose stored payload no longer fits the schema at once, for good, naming the field', async () => {
    await withQueue(async (queue) => {
      const name = uniqueJobName('poison');
      // An older version sent `count` as text; this version expects a number.
      const older: JobDefinition<{ count: unknown }> = { name, schema: z.object({ count: z.unknown() }) };
      const current: JobDefinition<{ count: number }> = { name, schema: z.object({ count: z.number() }), retryLimit: 3, retryDelaySeconds: 0 };
      const sent = await queue.send(older, { count: 'three' }, { key: 'old-payload' });

      let calls = 0;
      await queue.register(current, async () => {
        calls++;
      });
      await queue.start();
      await waitFor('the poison job to fail', async () => (await rows(name))[0]?.state === 'failed', 4 * POLL_MS + 3_000);
      await sleep(3 * POLL_MS);

      expect(calls).toBe(0);
      const [row] = await rows(name);
      expect(row).toMatchObject({ id: sent.id, state: 'failed', retryCount: 0 });
      const errors = linesAbout(sent.id).filter((line) => line.level === 50);
      expect(errors).toHaveLength(1);
      expect(errors[0]?.msg).toMatch(/has an invalid payload \(count: .+\); failed permanently, not retried/);
      expect(errors[0]?.['fields']).toEqual([{ field: 'count', message: expect.any(String) }]);
    });
  });
});
