import { afterAll, afterEach, beforeAll, describe, expect } from 'vitest';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import pg from 'pg';
import { createJobQueue, type JobQueue } from '../../src/jobs/job-queue.ts';
import type { Store } from '../../src/store/store.ts';
import { BACKENDS, type Backend } from '../store/each-backend.ts';
import { captureLog, type LogLine } from '../store/log-capture.ts';
import { openTestStore, testDatabaseUrl, type TestStore } from '../store/open-test-store.ts';

/** Fast polling so tests wait half a second, not two, for a due job to be picked up. */
export const TEST_POLLING_SECONDS = 0.5;

/** A test store plus the schema pg-boss uses in it. */
export interface JobsTestStore {
  readonly kind: Backend;
  readonly testStore: TestStore;
  /** Unique per file on PostgreSQL (dropped by cleanup); pg-boss's default on PGlite (own folder). */
  readonly bossSchema: string;
  /** Job queues opened with `openQueue`, stopped by `cleanup` if a test left them running. */
  readonly queues: JobQueue[];
  /** Every log line written by queues opened with `openQueue`. */
  readonly lines: LogLine[];
  /** A job queue on `store` (default: the test store's) in this file's pg-boss schema. */
  openQueue(store?: Store): Promise<JobQueue>;
  cleanup(): Promise<void>;
}

export async function openJobsTestStore(kind: Backend): Promise<JobsTestStore> {
  const testStore = await openTestStore(kind);
  const bossSchema = kind === 'postgres' ? `upward_jobs_test_${randomUUID().replaceAll('-', '')}` : 'pgboss';
  const { log, lines } = captureLog();
  const queues: JobQueue[] = [];
  return {
    kind,
    testStore,
    bossSchema,
    queues,
    lines,
    async openQueue(store = testStore.store) {
      const queue = await createJobQueue(store, { log, schema: bossSchema, pollingIntervalSeconds: TEST_POLLING_SECONDS });
      queues.push(queue);
      return queue;
    },
    async cleanup() {
      await Promise.all(queues.map((queue) => queue.stop({ graceful: false })));
      // Its own connection: a test may have closed (and replaced) the test store.
      if (kind === 'postgres') await dropSchema(bossSchema);
      await testStore.cleanup();
    },
  };
}

/**
 * Runs `define` once per backend with a JobsTestStore opened before the suite's tests and cleaned
 * up after them. Tests share it, so each uses its own queue name (`uniqueJobName`).
 */
export function describeJobsOnEachBackend(title: string, define: (jobs: () => JobsTestStore) => void): void {
  describe.each(BACKENDS)(`${title} on %s`, (kind) => {
    let opened: JobsTestStore | undefined;
    let openError: unknown;
    beforeAll(async () => {
      // Kept and rethrown by every test, as in test/store: a failing beforeAll reads like a skip.
      opened = await openJobsTestStore(kind).catch((error: unknown) => {
        openError = error;
        return undefined;
      });
    });
    afterAll(async () => {
      await opened?.cleanup();
    });
    afterEach(() => {
      if (opened !== undefined) expectNoBossTrouble(opened);
    });
    define(() => {
      if (opened === undefined) throw openError ?? new Error(`the ${kind} jobs test store is not open`);
      return opened;
    });
  });
}

/** A queue name no other test uses. */
export const uniqueJobName = (prefix: string): string => `${prefix}-${randomUUID().slice(0, 8)}`;

/** Polls `condition` every 25 ms; throws naming `what` if it is not true within `timeoutMs`. */
export async function waitFor(what: string, condition: () => boolean | Promise<boolean>, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(25);
  }
  return Date.now() - started;
}

/** pg-boss's rows for one queue: what the database holds, not what the adapter says. */
export async function jobRows(store: Store, bossSchema: string, name: string): Promise<{ id: string; state: string; retryCount: number; key: string | null }[]> {
  const result = await sql<{ id: string; state: string; retry_count: number; singleton_key: string | null }>`
    select id, state, retry_count, singleton_key from ${sql.id(bossSchema, 'job')} where name = ${name} order by created_on`.execute(store.db);
  return result.rows.map((row) => ({ id: row.id, state: row.state, retryCount: row.retry_count, key: row.singleton_key }));
}

async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: testDatabaseUrl });
  await client.connect();
  try {
    await client.query(`drop schema if exists ${schema} cascade`);
  } finally {
    await client.end();
  }
}

/** Fails if pg-boss reported an error or warning (its events are logged as "job queue …"). */
export function expectNoBossTrouble(jobs: JobsTestStore): void {
  expect(jobs.lines.filter((line) => line.msg.startsWith('job queue error') || line.msg.startsWith('job queue warning'))).toEqual([]);
}
