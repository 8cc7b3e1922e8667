import { AsyncLocalStorage } from 'node:async_hooks';
import { fromPglite, type Db } from 'pg-boss';
import type { Store } from '../store/store.ts';

/** The store transaction pg-boss statements of the current call chain belong to, if any. */
const storeTransaction = new AsyncLocalStorage<{ readonly store: Store; readonly trx: Db }>();

/**
 * Runs `fn` with every pg-boss statement it causes on `store`'s serialised adapter sent through
 * `trx` (a store transaction, as pg-boss's `fromKysely` sees it) instead of waiting for the store's
 * connection, which that very transaction holds. Without it, a statement pg-boss issues on its own
 * during `send({ db: trx })`, such as a queue lookup after its cache missed, would wait forever.
 */
export function withStoreTransaction<T>(store: Store, trx: Db, fn: () => Promise<T>): Promise<T> {
  return storeTransaction.run({ store, trx }, fn);
}

/**
 * pg-boss's database for an embedded store: pg-boss's own PGlite adapter, with every statement run
 * while holding the store's one Kysely connection.
 *
 * Why: PGlite is a single session shared by pg-boss and the store. pg-boss sends some statements as
 * one `BEGIN; …; COMMIT;` block; when a statement in the block fails, the session is left inside an
 * aborted transaction, and `fromPglite` sends its `ROLLBACK` as a separate call. Whatever was queued
 * on PGlite in between runs inside that aborted transaction. Measured (test/jobs/pglite-sharing):
 * a plain store query fails with 25P02 "current transaction is aborted", and a store transaction
 * fails its BEGIN, which leaves Kysely's PGlite driver waiting forever for a transaction that never
 * began (every later query hangs) and rejects a promise nobody handles (which ends a Node process).
 *
 * Kysely declares PGlite single-connection and holds a mutex from acquiring the connection to
 * releasing it, for a lone query and for a whole transaction alike. Holding that connection across
 * pg-boss's statement and its ROLLBACK makes the pair atomic for every other user of the store, so
 * nothing can land in between. The cost is that pg-boss waits for any open store transaction, as
 * every store query already does.
 */
export function serialisedPgliteDatabase(store: Store): Db {
  if (store.pglite === undefined) throw new Error('serialisedPgliteDatabase: the store is not PGlite');
  const boss = fromPglite(store.pglite);
  // Each statement takes the connection afresh, so store work interleaves between pg-boss
  // statements (never inside one) and a slow job handler never blocks the store.
  const exclusive = <T>(run: () => Promise<T>): Promise<T> => store.db.connection().execute(run);
  const database: Db = {
    executeSql(text, values) {
      const context = storeTransaction.getStore();
      if (context?.store === store) return context.trx.executeSql(text, values);
      return exclusive(() => boss.executeSql(text, values));
    },
  };
  if (boss.setSessionStatements !== undefined) {
    const setSessionStatements = boss.setSessionStatements.bind(boss);
    database.setSessionStatements = (statements) => exclusive(() => setSessionStatements(statements));
  }
  // LISTEN and UNLISTEN also go through PGlite's session, so they take the connection too.
  if (boss.listen !== undefined) {
    const listen = boss.listen.bind(boss);
    database.listen = async (channel, onNotification, onReconnect) => {
      const handle = await exclusive(() => listen(channel, onNotification, onReconnect));
      return { close: () => exclusive(() => handle.close()) };
    };
  }
  return database;
}
