/**
 * Matching a 2,000 × 2,000 cohort takes hundreds of milliseconds of CPU. On the worker thread the
 * server's event loop stays free, so /healthz answers while the run is still going. On the
 * request thread (the inline runner) nothing answers until the run is over — the control that
 * shows this test would catch matching moving back onto the request path. The test asserts the
 * order of events, not timings (speed is measured by `npm run bench -- matching`).
 */
import express from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { healthRoutes } from '../../src/server/routes/health.ts';
import { inlineMatchRunner, type MatchJob, type MatchRunner } from '../../src/programs/match-runner.ts';
import { workerMatchRunner } from '../../src/programs/worker-match-runner.ts';
import { makeProgram, NOW, randomCohort, seeded } from '../core/matching/fixtures.ts';

let server: Server;
let url: string;
const job: MatchJob = {
  context: { program: makeProgram(), enrolments: randomCohort(seeded(2000), { mentors: 2000, mentees: 2000 }), history: [], now: NOW },
  options: {},
};

beforeAll(async () => {
  const app = express();
  app.use(healthRoutes({ ping: async () => undefined }));
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/healthz`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Starts the run, then asks /healthz three times in a row; the order in which things finished. */
async function healthDuring(runner: MatchRunner): Promise<{ order: string[]; pairs: number }> {
  const order: string[] = [];
  const run = runner.run(job).then((proposal) => {
    order.push('run');
    return proposal;
  });
  for (let i = 1; i <= 3; i++) {
    const answer = await fetch(url);
    expect(await answer.json()).toEqual({ status: 'ok', database: 'ok' });
    order.push(`health ${i}`);
  }
  return { order, pairs: (await run).pairs.length };
}

describe('matching off the request path', () => {
  it('lets /healthz answer while a 2,000 × 2,000 match runs on the worker thread', async () => {
    const runner = workerMatchRunner();
    try {
      const onWorker = await healthDuring(runner);
      expect(onWorker.order).toEqual(['health 1', 'health 2', 'health 3', 'run']);
      expect(onWorker.pairs).toBeGreaterThan(1500);

      const inline = await healthDuring(inlineMatchRunner());
      expect(inline.order[0]).toBe('run');
      expect(inline.pairs).toBe(onWorker.pairs);
    } finally {
      await runner.close();
    }
  }, 60_000);

  it('rejects runs after close and reports the matcher’s own errors with their code', async () => {
    const runner = workerMatchRunner();
    const twice = [...job.context.enrolments.slice(0, 3), job.context.enrolments[0]!];
    await expect(runner.run({ context: { ...job.context, enrolments: twice }, options: {} })).rejects.toMatchObject({ code: 'bad_input' });
    await runner.close();
    await expect(runner.run(job)).rejects.toThrow('stopped');
  });
});
