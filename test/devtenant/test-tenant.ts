import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDevTenant, type DevTenantOptions, type RunningDevTenant } from '../../src/devtenant/dev-tenant.ts';

export const TEST_TENANT_ID = '5f1c0d2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f';
export const TEST_CLIENT_ID = '0b7c6d5e-4f3a-4b2c-9d1e-0f1a2b3c4d5e';
export const TEST_APP_ID_URI = `api://upward.test/${TEST_CLIENT_ID}`;
export const TEST_ORIGIN = 'https://upward.test';
export const TEST_REDIRECT_URI = `${TEST_ORIGIN}/auth-end`;

export interface TestTenant {
  readonly tenant: RunningDevTenant;
  readonly dataDir: string;
  /** Stops the tenant and removes its data folder. */
  dispose(): Promise<void>;
}

/** Starts a development tenant on an ephemeral loopback port with a fresh data folder. */
export async function startTestTenant(overrides: Partial<DevTenantOptions> = {}): Promise<TestTenant> {
  const dataDir = overrides.dataDir ?? (await mkdtemp(join(tmpdir(), 'upward-devtenant-')));
  const tenant = await startDevTenant({
    host: '127.0.0.1',
    port: 0,
    seed: 1,
    size: 200,
    tenantId: TEST_TENANT_ID,
    app: { clientId: TEST_CLIENT_ID, appIdUri: TEST_APP_ID_URI, redirectOrigins: [TEST_ORIGIN] },
    ...overrides,
    dataDir,
  });
  return {
    tenant,
    dataDir,
    async dispose() {
      await tenant.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
