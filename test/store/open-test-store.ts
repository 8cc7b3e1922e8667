import { PGlite } from '@electric-sql/pglite';
import { randomUUID } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openStore, StoreUnreachableError, type OpenStoreOptions, type Store } from '../../src/store/store.ts';

/** The PostgreSQL server the store tests use; the machines run one here with trust auth. */
export const testDatabaseUrl = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A store for one test file, with how to reopen it and how to throw it away. */
export interface TestStore {
  readonly store: Store;
  /** Opens the same database again: `openStore(options)` (close `store` first for PGlite). */
  readonly options: OpenStoreOptions;
  /** Closes `store`, then deletes the temp folder (PGlite) or drops the schema (PostgreSQL). */
  cleanup(): Promise<void>;
}

/**
 * Opens a migrated store of its own: PGlite in a fresh temp folder, or a fresh schema on the
 * test PostgreSQL server. An unreachable server is an error that says how to start it, never a
 * skip. Share one per test file (beforeAll) where you can, and scope rows by a fresh tenant id.
 *
 * A new PGlite folder costs seconds of initdb, so PGlite folders are copied from a template made
 * once per machine (in the temp folder, per PGlite version). `emptyDataDir` skips the template
 * and lets PGlite create the folder itself.
 */
export async function openTestStore(kind: 'pglite' | 'postgres', setup: { emptyDataDir?: boolean } = {}): Promise<TestStore> {
  return kind === 'pglite' ? openPgliteTestStore(setup.emptyDataDir ?? false) : openPostgresTestStore();
}

async function openPgliteTestStore(emptyDataDir: boolean): Promise<TestStore> {
  const dataDir = mkdtempSync(join(tmpdir(), 'upward-store-test-'));
  const options: OpenStoreOptions = { dataDir };
  try {
    if (!emptyDataDir) cpSync(await pgliteTemplate(), join(dataDir, 'pglite'), { recursive: true });
    const store = await openStore(options);
    return {
      store,
      options,
      async cleanup() {
        await store.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}

async function openPostgresTestStore(): Promise<TestStore> {
  const schema = `upward_test_${randomUUID().replaceAll('-', '')}`;
  const options: OpenStoreOptions = { dataDir: tmpdir(), databaseUrl: testDatabaseUrl, schema };
  let store: Store;
  try {
    store = await openStore(options);
  } catch (error) {
    if (!(error instanceof StoreUnreachableError)) throw error;
    throw new Error(
      `${error.message}. The store tests need PostgreSQL: start it with \`pg_ctlcluster --skip-systemctl-redirect 15 main start\`, or set TEST_DATABASE_URL to a server.`,
      { cause: error },
    );
  }
  return {
    store,
    options,
    async cleanup() {
      await store.close();
      const client = new pg.Client({ connectionString: testDatabaseUrl });
      await client.connect();
      try {
        await client.query(`drop schema if exists ${schema} cascade`);
      } finally {
        await client.end();
      }
    },
  };
}

/**
 * The path of a PGlite data folder fresh from initdb (not migrated, so schema changes never make
 * it stale). Built under a private name and renamed into place, so parallel test files either
 * see a complete template or none.
 */
async function pgliteTemplate(): Promise<string> {
  const version = (JSON.parse(readFileSync(new URL('../../node_modules/@electric-sql/pglite/package.json', import.meta.url), 'utf8')) as { version: string }).version;
  const template = join(tmpdir(), `upward-pglite-template-${version}`);
  const ready = (dir: string): boolean => existsSync(join(dir, 'complete'));
  if (ready(template)) return join(template, 'data');

  const building = mkdtempSync(join(tmpdir(), 'upward-pglite-template-build-'));
  const pglite = await PGlite.create(join(building, 'data'));
  await pglite.close();
  writeFileSync(join(building, 'complete'), '');
  try {
    renameSync(building, template);
  } catch {
    // Another test file won the race (or a broken leftover is in the way): use theirs if
    // complete, else this one, left in place for the rest of this run.
    if (ready(template)) {
      rmSync(building, { recursive: true, force: true });
      return join(template, 'data');
    }
    return join(building, 'data');
  }
  return join(template, 'data');
}
