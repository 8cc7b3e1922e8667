import type { Transaction } from 'kysely';
import { fromKysely, type PgBoss } from 'pg-boss';
import type { Database } from '../store/schema.ts';
import type { Store } from '../store/store.ts';
import { retrySettings } from './job-defaults.ts';
import { claimKey } from './job-keys.ts';
import type { JobDefinition, SendOptions } from './job-queue.ts';
import { withStoreTransaction } from './pglite-boss-database.ts';

/** Where a job goes: the store and pg-boss it lives in, and the schema of both jobs tables. */
export interface SendTarget {
  readonly store: Store;
  readonly boss: PgBoss;
  readonly schema: string;
}

/**
 * Inside `trx`, claims the key and inserts the job under `jobId`, or finds the job that already
 * holds the key. Both rows commit or roll back together, so a key is never claimed without its job
 * nor a job created without its key. The payload must already be validated and in its JSON form.
 */
export async function sendJobInTransaction<T>(
  target: SendTarget,
  trx: Transaction<Database>,
  definition: JobDefinition<T>,
  payload: Record<string, unknown>,
  options: SendOptions,
  jobId: string,
): Promise<{ id: string; created: boolean }> {
  const bossTrx = fromKysely(trx);
  return withStoreTransaction(target.store, bossTrx, async () => {
    const claim = await claimKey(trx, target.schema, definition.name, options.key, jobId);
    if (!claim.created) return { id: claim.jobId, created: false };
    const settings = retrySettings(definition);
    const id = await target.boss.send(definition.name, payload, {
      db: bossTrx,
      id: jobId,
      // Not a uniqueness rule on a standard queue; it makes a job findable by its key.
      singletonKey: options.key,
      startAfter: options.startAfter,
      ...settings,
      retryLimit: options.retryLimit ?? settings.retryLimit,
    });
    // A standard queue has no rule that could refuse a job, so null would mean a lost job.
    if (id === null) throw new Error(`pg-boss created no job for ${definition.name} key ${options.key}`);
    return { id, created: true };
  });
}
