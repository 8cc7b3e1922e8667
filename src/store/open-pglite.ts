import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, sql } from 'kysely';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { acquireFolderLock } from './folder-lock.ts';
import { migrateToLatest } from './migrate.ts';
import type { Database } from './schema.ts';
import type { Store } from './store.ts';

/**
 * Opens PGlite in `${dataDir}/pglite` under a folder lock.
 *
 * PGlite is one connection. Kysely's PGlite dialect declares that (`supportsMultipleConnections`
 * is false), so Kysely holds a mutex from acquiring the connection to releasing it: a transaction
 * keeps the connection until it commits or rolls back, and every other query, in or out of a
 * transaction, waits its turn. Inside the dialect a transaction runs through
 * `pglite.transaction()`, whose lock plain `pglite.query()` calls also wait on, so code that
 * shares the instance (pg-boss) cannot slip a statement into one of our transactions either.
 * Consequence: inside `db.transaction().execute(fn)`, `fn` must use its `trx`; a query on the
 * outer `db` would wait for the transaction that is waiting for it.
 */
export async function openPgliteStore(dataDir: string, log: Logger): Promise<Store> {
  const folder = join(dataDir, 'pglite');
  const lock = acquireFolderLock(folder, log);
  let pglite: PGlite | undefined;
  try {
    pglite = await PGlite.create(folder);
    const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
    await migrateToLatest(db, 'public', log);
    log.info({ folder }, 'opened the embedded database (PGlite)');
    return pgliteStore(db, pglite, () => lock.release());
  } catch (error) {
    if (pglite !== undefined && !pglite.closed) await pglite.close().catch(() => undefined);
    lock.release();
    throw error;
  }
}

function pgliteStore(db: Kysely<Database>, pglite: PGlite, releaseLock: () => void): Store {
  let closing: Promise<void> | undefined;
  return {
    db,
    kind: 'pglite',
    pglite,
    databaseUrl: undefined,
    async ping() {
      await sql`select 1`.execute(db);
    },
    close() {
      closing ??= (async () => {
        try {
          await db.destroy();
          if (!pglite.closed) await pglite.close();
        } finally {
          // The lock goes only once PGlite has let go of the files (or failed to).
          releaseLock();
        }
      })();
      return closing;
    },
  };
}
