import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Logger } from 'pino';
import { migrateToLatest } from './migrate.ts';
import type { Database } from './schema.ts';
import { StoreUnreachableError } from './store-errors.ts';
import type { Store } from './store.ts';

/** Plain lower-case identifiers only, so the name needs no quoting in `options` or DDL. */
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Connects to a PostgreSQL server with a `pg` pool, works in `schema` (created if missing, set as
 * the only schema on search_path for every pooled connection) and applies pending migrations.
 */
export async function openPostgresStore(databaseUrl: string, schema: string, log: Logger): Promise<Store> {
  if (!SCHEMA_NAME.test(schema)) throw new Error(`openStore: schema "${schema}" must match ${String(SCHEMA_NAME)}`);
  const where = describeServer(databaseUrl);
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    // Set at connection start, so no query can ever run before search_path is in place.
    options: `-c search_path=${schema}`,
    connectionTimeoutMillis: 10_000,
  });
  // An idle client losing its server emits 'error' on the pool; unhandled, it would crash the process.
  pool.on('error', (error) => log.error({ err: error }, `PostgreSQL connection at ${where} failed`));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    await reach(pool, where);
    await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
    await migrateToLatest(db, schema, log);
  } catch (error) {
    await db.destroy().catch(() => undefined);
    throw error;
  }
  log.info({ server: where, schema }, 'opened the PostgreSQL database');
  let closing: Promise<void> | undefined;
  return {
    db,
    kind: 'postgres',
    pglite: undefined,
    databaseUrl,
    async ping() {
      await sql`select 1`.execute(db);
    },
    close() {
      closing ??= db.destroy();
      return closing;
    },
  };
}

async function reach(pool: pg.Pool, where: string): Promise<void> {
  try {
    await pool.query('select 1');
  } catch (error) {
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'unknown';
    const reason = error instanceof Error ? error.message : String(error);
    throw new StoreUnreachableError(`Cannot reach PostgreSQL at ${where} (${code}): ${reason}`, code, { cause: error });
  }
}

/** host:port of the server, for messages; never the URL, which may hold a password. */
function describeServer(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    const host = url.hostname || url.searchParams.get('host') || 'localhost';
    return `${host}:${url.port || '5432'}`;
  } catch {
    return 'the configured DATABASE_URL';
  }
}
