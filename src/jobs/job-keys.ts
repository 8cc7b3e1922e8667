import { sql, type Kysely } from 'kysely';
import type { Database } from '../store/schema.ts';

/**
 * Why a table of our own: pg-boss's `singletonKey` only limits jobs that are queued or active
 * (depending on the queue policy), and pg-boss deletes finished jobs after their retention, so no
 * pg-boss setting keeps a key unique forever. One row per (queue, key), never deleted, written in
 * the same transaction as the job, makes "one job per key" hold across completed jobs, retries of
 * `send`, replays after a restart and several app instances: the primary key decides, and a
 * second sender waits for the first one's transaction and then finds its row.
 *
 * It lives in the jobs schema beside pg-boss's tables and is created here, idempotently, rather
 * than by a store migration: the jobs adapter owns that schema, and the store's migrations run in
 * the store's schema. The name is prefixed so it can never collide with a table pg-boss adds.
 */
const TABLE = 'upward_job_keys';

/** Keys are the caller's idempotency keys; the bound keeps them well inside a btree entry. */
export const MAX_KEY_LENGTH = 500;

/**
 * Creates the key table if missing. The advisory lock serialises instances starting at once:
 * `create table if not exists` alone can still fail with a duplicate type when two race.
 */
export async function ensureJobKeysTable(db: Kysely<Database>, schema: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext(${`upward.${schema}.${TABLE}`}))`.execute(trx);
    await sql`
      create table if not exists ${sql.id(schema, TABLE)} (
        queue text not null,
        key text not null,
        job_id uuid not null,
        created_on timestamptz not null default now(),
        primary key (queue, key)
      )`.execute(trx);
  });
}

/** What claiming a key found: it was free and is now `jobId`'s, or an earlier job holds it. */
export type KeyClaim = { readonly created: true } | { readonly created: false; readonly jobId: string };

/**
 * Claims (`queue`, `key`) for `jobId` inside `trx`; the claim commits or rolls back with the job.
 * Under PostgreSQL's read committed, a concurrent claimer of the same key blocks on the primary
 * key until this transaction ends, then either inserts (it rolled back) or sees this row.
 */
export async function claimKey(trx: Kysely<Database>, schema: string, queue: string, key: string, jobId: string): Promise<KeyClaim> {
  const table = sql.id(schema, TABLE);
  const inserted = await sql<{ job_id: string }>`
    insert into ${table} (queue, key, job_id) values (${queue}, ${key}, ${jobId})
    on conflict do nothing
    returning job_id`.execute(trx);
  if (inserted.rows.length === 1) return { created: true };
  const existing = await sql<{ job_id: string }>`select job_id from ${table} where queue = ${queue} and key = ${key}`.execute(trx);
  const row = existing.rows[0];
  if (row === undefined) throw new Error(`job key ${queue}/${key} conflicted but no row holds it`);
  return { created: false, jobId: row.job_id };
}
