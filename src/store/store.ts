import type { PGlite } from '@electric-sql/pglite';
import type { Kysely } from 'kysely';
import pino, { type Logger } from 'pino';
import { openPgliteStore } from './open-pglite.ts';
import { openPostgresStore } from './open-postgres.ts';
import type { Database } from './schema.ts';

export { StoreLockedError, StoreUnreachableError } from './store-errors.ts';

/** Upward's database: PGlite embedded in the process, or a PostgreSQL server. */
export interface Store {
  /** The typed query layer. Repositories take it (or a transaction made from it). */
  readonly db: Kysely<Database>;
  readonly kind: 'pglite' | 'postgres';
  /** For pg-boss: the PGlite instance when `kind` is 'pglite'. */
  readonly pglite: PGlite | undefined;
  /** For pg-boss: the connection string when `kind` is 'postgres'. */
  readonly databaseUrl: string | undefined;
  /** Runs `SELECT 1`; rejects when the database cannot answer. Used by /healthz. */
  ping(): Promise<void>;
  /** Closes the connections and releases the data folder lock. Idempotent. */
  close(): Promise<void>;
}

/** How to open the store; `dataDir` and `databaseUrl` come from `Config.store`. */
export interface OpenStoreOptions {
  /** Upward's data folder; PGlite keeps its database in `${dataDir}/pglite`. */
  readonly dataDir: string;
  /** A PostgreSQL server to use instead of PGlite. */
  readonly databaseUrl?: string | undefined;
  readonly log?: Logger | undefined;
  /**
   * PostgreSQL only: the schema to work in (search_path), created if missing. Tests use one per
   * test file so parallel files do not collide. Default 'public'.
   */
  readonly schema?: string | undefined;
}

/**
 * Opens the store and brings its schema up to date. Without `databaseUrl`: takes the lock on
 * `${dataDir}/pglite` (StoreLockedError if another process has it) and opens PGlite there. With
 * it: connects to the server (StoreUnreachableError if it cannot). Then applies pending
 * migrations.
 */
export async function openStore(options: OpenStoreOptions): Promise<Store> {
  const log = options.log ?? pino({ level: 'silent' });
  if (options.databaseUrl !== undefined && options.databaseUrl !== '') {
    return openPostgresStore(options.databaseUrl, options.schema ?? 'public', log);
  }
  if (options.schema !== undefined && options.schema !== 'public') {
    throw new Error('openStore: `schema` applies only to a PostgreSQL server (databaseUrl)');
  }
  return openPgliteStore(options.dataDir, log);
}
