import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, StoreUnreachableError } from '../../src/store/store.ts';
import { testDatabaseUrl } from './open-test-store.ts';

/** A loopback port that nothing listens on: taken from the OS, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

const refusal = (promise: Promise<unknown>) => promise.then(() => undefined, (e: unknown) => e);

describe('opening a PostgreSQL store that cannot be used', () => {
  let dataDir = '';
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'upward-store-pg-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('names the server and the reason when nothing listens, and never shows the password', async () => {
    const port = await closedPort();
    const error = await refusal(openStore({ dataDir, databaseUrl: `postgres://postgres:s3cret-pw@127.0.0.1:${port}/test` }));
    expect(error).toBeInstanceOf(StoreUnreachableError);
    expect((error as Error).message).toMatch(new RegExp(`^Cannot reach PostgreSQL at 127\\.0\\.0\\.1:${port} \\(ECONNREFUSED\\): `));
    expect((error as Error).message).not.toContain('s3cret-pw');
  });

  it('passes on the server refusal when the database does not exist', async () => {
    const url = new URL(testDatabaseUrl);
    url.pathname = '/upward_no_such_database';
    const error = await refusal(openStore({ dataDir, databaseUrl: url.toString() }));
    expect(error).toBeInstanceOf(StoreUnreachableError);
    expect((error as StoreUnreachableError).reason).toBe('3D000');
    expect((error as Error).message).toContain('upward_no_such_database');
  });

  it('refuses a schema name that would need quoting', async () => {
    await expect(openStore({ dataDir, databaseUrl: testDatabaseUrl, schema: 'x; drop table y' })).rejects.toThrow(/schema/);
  });
});
