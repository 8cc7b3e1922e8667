import type { Kysely } from 'kysely';
import { Migrator } from 'kysely/migration';
import type { Logger } from 'pino';
import { migrationProvider } from './migrations/index.ts';
import type { Database } from './schema.ts';

/**
 * Applies every pending migration, each in its own transaction, and logs what it applied.
 * Kysely records applied migrations in `kysely_migration` inside `schema`; naming the schema
 * keeps it from finding another schema's bookkeeping table (it searches all schemas otherwise).
 */
export async function migrateToLatest(db: Kysely<Database>, schema: string, log: Logger): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider, migrationTableSchema: schema });
  const { error, results = [] } = await migrator.migrateToLatest();
  for (const result of results) {
    if (result.status === 'Success') log.info({ migration: result.migrationName }, 'applied database migration');
    if (result.status === 'Error') log.error({ migration: result.migrationName }, 'database migration failed');
  }
  if (error !== undefined) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Database migration failed: ${reason}`, { cause: error });
  }
}
