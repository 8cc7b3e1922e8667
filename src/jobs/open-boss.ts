import { PgBoss, type ConstructorOptions } from 'pg-boss';
import type { Logger } from 'pino';
import type { Store } from '../store/store.ts';
import { serialisedPgliteDatabase } from './pglite-boss-database.ts';

/**
 * Connections pg-boss may open to a PostgreSQL server, per app instance. Its default (10) beside
 * the store's own pool would take 20 per instance; workers poll one queue at a time and share it.
 */
const BOSS_POOL_SIZE = 4;

/**
 * Starts pg-boss on the store's database, with its tables in `schema` (created or migrated on
 * start, under pg-boss's advisory lock, so instances starting together do not race).
 *
 * PGlite: pg-boss runs on the store's own PGlite instance, through the serialised adapter. One
 * process owns a PGlite folder (the store's lock refuses a second), so on PGlite there is exactly
 * one pg-boss instance; several app instances means a PostgreSQL server.
 *
 * PostgreSQL: pg-boss opens its own small pool from the connection string; its statements name
 * `schema` explicitly, so the store's search_path does not matter to it.
 */
export async function openBoss(store: Store, schema: string, log: Logger): Promise<PgBoss> {
  const common: ConstructorOptions = { schema, instanceName: 'upward' };
  let options: ConstructorOptions;
  if (store.kind === 'pglite') {
    options = { ...common, db: serialisedPgliteDatabase(store), backend: 'pglite' };
  } else {
    if (store.databaseUrl === undefined) throw new Error('openBoss: a PostgreSQL store has no databaseUrl');
    options = { ...common, connectionString: store.databaseUrl, max: BOSS_POOL_SIZE, application_name: 'upward-jobs' };
  }
  const boss = new PgBoss(options);
  // Without an 'error' listener an EventEmitter throws, which would end the process on a
  // transient maintenance failure; pg-boss retries those on its next cycle.
  boss.on('error', (error) => log.error({ err: error }, `job queue error: ${error.message}`));
  boss.on('warning', (warning) => log.warn({ warning: warning.data }, `job queue warning: ${warning.message}`));
  await boss.start();
  return boss;
}
