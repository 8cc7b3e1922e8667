import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../src/app/start-app.ts';
import { ConfigError } from '../../src/config/config.ts';
import { StoreLockedError } from '../../src/store/store.ts';
import { signIn } from '../devtenant/tokens.ts';

/**
 * The whole of Upward as `npm start` runs it — the development tenant, the embedded store, the
 * HTTP edge — driven over HTTP the way the tab drives it.
 */
let app: RunningApp;
let dataDir: string;

const overrides = (extra: Record<string, string> = {}) => ({ PORT: '0', DEVTENANT_PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...extra });

async function tokenFor(userIdOrUpn: string, tenantId = app.devTenant!.tenantId): Promise<string> {
  const { config } = app;
  return signIn(app.devTenant!.url, tenantId, config.entra.clientId, `${app.url}/tab/`, userIdOrUpn, `${config.entra.audiences[1]}/access_as_user`);
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'upward-app-'));
  app = await startApp({ overrides: overrides() });
});
afterAll(() => app?.close());

describe('Upward on the development tenant and the embedded store', () => {
  it('is healthy', async () => {
    const response = await fetch(`${app.url}/healthz`);
    expect(await response.json()).toEqual({ status: 'ok', database: 'ok' });
  });

  it('shows a signed-in person their own profile as the directory has it', async () => {
    const tenant = app.devTenant!.tenantId;
    const people = app.devTenant!.directory.people(tenant);
    const person = people.find((p) => p.managerId !== undefined && p.managerId !== null)!;
    const manager = app.devTenant!.directory.manager(tenant, person.id)!;
    const response = await fetch(`${app.url}/api/me`, { headers: { authorization: `Bearer ${await tokenFor(person.userPrincipalName)}` } });
    expect(response.status).toBe(200);
    const { profile } = (await response.json()) as { profile: Record<string, any> };
    expect(profile).toMatchObject({
      id: person.id,
      displayName: person.displayName,
      jobTitle: person.jobTitle,
      department: person.department,
      userPrincipalName: person.userPrincipalName,
      manager: { id: manager.id, displayName: manager.displayName },
      timeZone: { iana: person.ianaTimeZone, label: person.mailboxTimeZone },
      workingHours: { startTime: person.workingHours.startTime, endTime: person.workingHours.endTime, timeZone: person.ianaTimeZone },
    });
  });

  it('marks program admins through the role in their token', async () => {
    const admin = app.devTenant!.directory.admins(app.devTenant!.tenantId)[0]!;
    const response = await fetch(`${app.url}/api/me`, { headers: { authorization: `Bearer ${await tokenFor(admin.id)}` } });
    expect(((await response.json()) as { profile: { roles: string[] } }).profile.roles).toEqual(['Upward.ProgramAdmin']);
  });

  it('refuses a person of another organisation with 403, naming the reason', async () => {
    const other = app.devTenant!.otherTenantId;
    const stranger = app.devTenant!.directory.people(other)[0]!;
    const response = await fetch(`${app.url}/api/me`, { headers: { authorization: `Bearer ${await tokenFor(stranger.id, other)}` } });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('tenant_not_allowed');
  });

  it('refuses a second start on the same data folder without touching its data', async () => {
    const before = await app.store.db.selectFrom('conversation_references').selectAll().execute();
    await expect(startApp({ overrides: overrides() })).rejects.toBeInstanceOf(StoreLockedError);
    expect(await app.store.db.selectFrom('conversation_references').selectAll().execute()).toEqual(before);
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
  });

  it('stops at once on a bad setting, naming it', async () => {
    await expect(startApp({ overrides: overrides({ GRAPH_BASE_URL: 'not a url' }) })).rejects.toThrow(ConfigError);
    await expect(startApp({ overrides: overrides({ GRAPH_BASE_URL: 'not a url' }) })).rejects.toThrow('GRAPH_BASE_URL: must be an absolute URL');
  });
});
