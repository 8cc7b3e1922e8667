import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Logger } from 'pino';
import type { z } from 'zod';
import { badInput } from '../core/errors.ts';
import type { Database } from '../store/schema.ts';
import type { Store } from '../store/store.ts';
import { JOB_DEFAULTS, retrySettings } from './job-defaults.ts';
import { ensureJobKeysTable, MAX_KEY_LENGTH } from './job-keys.ts';
import { openBoss } from './open-boss.ts';
import { storablePayload } from './payload.ts';
import { runJobs } from './run-jobs.ts';
import { sendJobInTransaction } from './send-job.ts';

/** A kind of job: its queue name, payload schema and how failures are retried. */
export interface JobDefinition<T> {
  /** The queue name; letters, digits, `-`, `_`, `.` and `/`. */
  name: string;
  /** Checked at send (a bad payload is refused) and again before the handler runs. */
  schema: z.ZodType<T>;
  /** Retries after the first attempt fails. Default 3 (four attempts in all). */
  retryLimit?: number;
  /** Seconds between a failed attempt and the next. Default 60. */
  retryDelaySeconds?: number;
  /** Seconds an attempt may run before pg-boss counts it failed (and retries). Default 900. */
  expireInSeconds?: number;
  /** Jobs of this kind one app instance runs at the same time. Default 5. */
  concurrency?: number;
}

/** What a handler is given. `id` stays the same across retries, so it can key idempotent effects. */
export interface Job<T> {
  readonly id: string;
  readonly data: T;
  /** Aborted when the attempt expires or the queue stops without waiting. */
  readonly signal: AbortSignal;
}

/** Does one job's work; throwing fails this attempt (retried up to the definition's limit). */
export type JobHandler<T> = (job: Job<T>) => Promise<void>;

/** How to schedule one job. */
export interface SendOptions {
  /** The idempotency key: at most one job per (definition, key), ever. */
  key: string;
  /** Not before this time; default now. */
  startAfter?: Date;
  /** Overrides the definition's retry limit for this job. */
  retryLimit?: number;
  /**
   * A store transaction to create the job in: the job (and its key) then exists only if that
   * transaction commits. On PGlite, a send from inside a transaction must pass it, since the store
   * has one connection and the transaction holds it.
   */
  transaction?: Transaction<Database>;
}

/** Durable background jobs on the store's database (pg-boss). */
export interface JobQueue {
  /** Defines a queue and its handler; handlers get typed, zod-validated payloads. */
  register<T>(definition: JobDefinition<T>, handler: JobHandler<T>): Promise<void>;
  /**
   * Schedules work exactly once per key: a second send with the same key (a retry, a replay, a
   * second instance) creates nothing and returns the first job's id with `created: false`.
   * Throws `bad_input` naming the fields when `data` fails the definition's schema.
   */
  send<T>(definition: JobDefinition<T>, data: T, options: SendOptions): Promise<{ id: string | null; created: boolean }>;
  /** Starts running registered handlers (and any registered later). */
  start(): Promise<void>;
  /**
   * Stops workers and pg-boss. Graceful (the default) waits up to `timeoutMs` (default 30 s) for
   * running handlers; what is still running then is failed and retried later. Call before
   * `store.close()`, even if `start()` was never called. Idempotent.
   */
  stop(options?: { graceful?: boolean; timeoutMs?: number }): Promise<void>;
}

/** Options for `createJobQueue`. */
export interface JobQueueOptions {
  log: Logger;
  /** PostgreSQL schema for pg-boss's tables and the key table. Default 'pgboss'. */
  schema?: string;
  /** How often an idle worker looks for due jobs, in seconds (at least 0.5). Default 2. */
  pollingIntervalSeconds?: number;
}

/**
 * Starts pg-boss on the store's database (installing or migrating its schema) and creates the key
 * table, so `send` works at once; handlers run only after `start()`.
 */
export async function createJobQueue(store: Store, options: JobQueueOptions): Promise<JobQueue> {
  const schema = options.schema ?? 'pgboss';
  const log = options.log;
  const pollingIntervalSeconds = options.pollingIntervalSeconds ?? JOB_DEFAULTS.pollingIntervalSeconds;
  const boss = await openBoss(store, schema, log);
  try {
    await ensureJobKeysTable(store.db, schema);
  } catch (error) {
    await boss.stop({ graceful: false });
    throw error;
  }

  const queues = new Map<string, Promise<void>>();
  /** Queues whose creation finished: only these can take a send inside a PGlite transaction. */
  const createdQueues = new Set<string>();
  /** Registered handlers by job name; `working` once pg-boss polls for them. */
  const registered = new Map<string, { work: () => Promise<unknown>; working: boolean }>();
  const reserved = new Set<string>();
  let started = false;
  let stopping: Promise<void> | undefined;

  const startWorker = async (entry: { work: () => Promise<unknown>; working: boolean }): Promise<void> => {
    if (entry.working) return;
    entry.working = true;
    await entry.work();
  };

  const assertOpen = (what: string): void => {
    if (stopping !== undefined) throw new Error(`JobQueue.${what}: the job queue has been stopped`);
  };

  /** Creates the queue once per process; pg-boss's create is idempotent across instances. */
  const ensureQueue = <T>(definition: JobDefinition<T>): Promise<void> => {
    let created = queues.get(definition.name);
    if (created === undefined) {
      created = boss.createQueue(definition.name, retrySettings(definition));
      created.then(
        () => createdQueues.add(definition.name),
        () => queues.delete(definition.name),
      );
      queues.set(definition.name, created);
    }
    return created;
  };

  return {
    async register(definition, handler) {
      assertOpen('register');
      if (reserved.has(definition.name)) throw new Error(`JobQueue.register: job "${definition.name}" is already registered`);
      reserved.add(definition.name);
      try {
        await ensureQueue(definition);
      } catch (error) {
        reserved.delete(definition.name);
        throw error;
      }
      const concurrency = definition.concurrency ?? JOB_DEFAULTS.concurrency;
      const entry = {
        working: false,
        work: () =>
          boss.work(
            definition.name,
            {
              batchSize: concurrency,
              // A full batch means more is waiting: fetch again at once instead of after a poll.
              burstWhenBatchFull: concurrency > 1,
              pollingIntervalSeconds,
              includeMetadata: true,
              perJobResults: true,
            } as const,
            runJobs(definition, handler, log),
          ),
      };
      registered.set(definition.name, entry);
      if (started) await startWorker(entry);
    },

    async send(definition, data, sendOptions) {
      assertOpen('send');
      const payload = storablePayload(definition.name, definition.schema, data);
      checkSendOptions(sendOptions);
      if (sendOptions.transaction !== undefined && store.kind === 'pglite' && !createdQueues.has(definition.name)) {
        // Creating the queue needs PGlite's one connection, which the caller's transaction holds.
        throw new Error(
          `JobQueue.send: job "${definition.name}" cannot be created inside a transaction before its queue exists; register it at startup (or send one outside a transaction) first`,
        );
      }
      await ensureQueue(definition);
      const jobId = randomUUID();
      const target = { store, boss, schema };
      const inTransaction = (trx: Transaction<Database>) => sendJobInTransaction(target, trx, definition, payload, sendOptions, jobId);
      const result = await (sendOptions.transaction === undefined
        ? store.db.transaction().execute(inTransaction)
        : inTransaction(sendOptions.transaction));
      if (result.created) log.debug({ job: definition.name, jobId: result.id, key: sendOptions.key }, 'scheduled a job');
      return result;
    },

    async start() {
      assertOpen('start');
      if (started) return;
      started = true;
      for (const entry of registered.values()) await startWorker(entry);
      log.info({ queues: [...registered.keys()], schema }, 'job queue started');
    },

    stop({ graceful = true, timeoutMs = 30_000 } = {}) {
      stopping ??= boss.stop({ graceful, timeout: timeoutMs, close: true }).then(() => log.info({ schema }, 'job queue stopped'));
      return stopping;
    },
  };
}

function checkSendOptions(options: SendOptions): void {
  if (typeof options.key !== 'string' || options.key.length === 0 || options.key.length > MAX_KEY_LENGTH) {
    throw badInput(`A job key must be 1 to ${MAX_KEY_LENGTH} characters`, [{ field: 'key', message: 'Invalid job key' }]);
  }
  if (options.startAfter !== undefined && !Number.isFinite(options.startAfter.getTime())) {
    throw badInput('startAfter must be a valid date', [{ field: 'startAfter', message: 'Invalid date' }]);
  }
}
