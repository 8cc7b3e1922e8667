import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTokenValidator } from '../../src/auth/token-validator.ts';
import { notFound } from '../../src/core/errors.ts';
import { userId } from '../../src/core/ids.ts';
import { ianaZone } from '../../src/core/time.ts';
import type { Profile } from '../../src/core/people/profile.ts';
import { createHttpApp } from '../../src/server/http-app.ts';
import { startLocalIssuer, type LocalIssuer } from '../auth/local-issuer.ts';

const TENANT = '11111111-2222-4333-8444-555555555555';
const OTHER = '99999999-2222-4333-8444-555555555555';
const CLIENT = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
const PRIYA = 'ab12cd34-0000-4000-8000-000000000001';

const priya: Profile = {
  id: userId(PRIYA),
  displayName: 'Priya Raman',
  givenName: 'Priya',
  jobTitle: 'Associate Engineer',
  mail: 'priya@contoso.example',
  userPrincipalName: 'priya@contoso.example',
  department: 'Engineering',
  officeLocation: 'Bengaluru',
  manager: { id: userId('m1'), displayName: 'Martin Wolf', jobTitle: 'Director' },
  timeZone: { iana: ianaZone('Asia/Kolkata'), label: 'India Standard Time' },
  workingHours: { daysOfWeek: ['monday'], startTime: '09:00', endTime: '17:30', timeZone: ianaZone('Asia/Kolkata') },
};

let issuer: LocalIssuer;
let server: Server;
let base: string;
let databaseUp = true;
const directoryCalls: string[] = [];

const token = (claims: Record<string, unknown> = {}) =>
  issuer.mint({
    iss: `${issuer.url}/${TENANT}/v2.0`,
    aud: CLIENT,
    tid: TENANT,
    oid: PRIYA,
    scp: 'access_as_user',
    ...claims,
  });

beforeAll(async () => {
  issuer = await startLocalIssuer();
  const tabDirectory = mkdtempSync(join(tmpdir(), 'upward-tab-'));
  mkdirSync(join(tabDirectory, 'assets'));
  writeFileSync(join(tabDirectory, 'index.html'), '<!doctype html><title>Upward</title>');
  writeFileSync(join(tabDirectory, 'assets', 'app.js'), 'console.log(1)');
  const app = await createHttpApp({
    log: pino({ level: 'silent' }),
    validator: createTokenValidator({ loginBaseUrl: issuer.url, allowedTenantIds: [TENANT], audiences: [CLIENT] }),
    tabConfig: { tenantId: TENANT, clientId: CLIENT, loginBaseUrl: issuer.url, apiScope: `api://x/${CLIENT}/access_as_user` },
    tabDirectory,
    ping: async () => {
      if (!databaseUp) throw new Error('connection refused');
    },
    directoryFor: (tenantId) => ({
      readProfile: async (id) => {
        directoryCalls.push(`${tenantId}/${id}`);
        if (id !== PRIYA) throw notFound(`no person with id ${id} in the directory`);
        return priya;
      },
    }),
    mountSelfAuthenticated: async () => {},
  });
  server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await issuer.close();
});

describe('HTTP edge', () => {
  it('reports health from the database', async () => {
    databaseUp = true;
    expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: 'ok', database: 'ok' });
    databaseUp = false;
    const down = await fetch(`${base}/healthz`);
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ status: 'unavailable', database: 'connection refused' });
    databaseUp = true;
  });

  it('gives the tab its public settings without a token', async () => {
    const response = await fetch(`${base}/api/tab-config`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ tenantId: TENANT, clientId: CLIENT, loginBaseUrl: issuer.url, apiScope: `api://x/${CLIENT}/access_as_user` });
  });

  it('returns the signed-in person\'s profile with their roles', async () => {
    const response = await fetch(`${base}/api/me`, { headers: { authorization: `Bearer ${await token({ roles: ['Upward.ProgramAdmin'] })}` } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ profile: { ...priya, roles: ['Upward.ProgramAdmin'] } });
    expect(directoryCalls.at(-1)).toBe(`${TENANT}/${PRIYA}`);
  });

  it('answers 401 naming the reason for a missing or bad token, and never reads the directory', async () => {
    const before = directoryCalls.length;
    const missing = await fetch(`${base}/api/me`);
    expect(missing.status).toBe(401);
    expect(await missing.json()).toEqual({ error: { code: 'missing_token', message: expect.stringContaining('bearer') } });
    expect(missing.headers.get('www-authenticate')).toContain('invalid_token');

    const expired = await fetch(`${base}/api/me`, { headers: { authorization: `Bearer ${await issuer.mint({ tid: TENANT, iss: `${issuer.url}/${TENANT}/v2.0`, aud: CLIENT, oid: PRIYA, scp: 'access_as_user' }, { expiresIn: '-10m' })}` } });
    expect(expired.status).toBe(401);
    expect((await expired.json()).error.code).toBe('expired');

    const wrongAudience = await fetch(`${base}/api/me`, { headers: { authorization: `Bearer ${await token({ aud: 'someone-else' })}` } });
    expect((await wrongAudience.json()).error.code).toBe('wrong_audience');
    expect(directoryCalls.length).toBe(before);
  });

  it('answers 403 for a genuine token from a tenant that is not served', async () => {
    const response = await fetch(`${base}/api/me`, {
      headers: { authorization: `Bearer ${await token({ tid: OTHER, iss: `${issuer.url}/${OTHER}/v2.0` })}` },
    });
    expect(response.status).toBe(403);
    expect((await response.json()).error.code).toBe('tenant_not_allowed');
  });

  it('maps domain errors to their status: an unknown person is 404', async () => {
    const response = await fetch(`${base}/api/me`, { headers: { authorization: `Bearer ${await token({ oid: 'not-in-directory' })}` } });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: 'not_found', message: 'no person with id not-in-directory in the directory' } });
  });

  it('answers 400 for a body that is not JSON, not 500', async () => {
    const response = await fetch(`${base}/api/me`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await token()}` },
      body: '{"broken":',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: { code: 'bad_input', message: 'the request body is not valid JSON' } });
  });

  it('answers unknown API routes with a JSON 404 (after authentication)', async () => {
    expect((await fetch(`${base}/api/nothing`)).status).toBe(401);
    const response = await fetch(`${base}/api/nothing`, { headers: { authorization: `Bearer ${await token()}` } });
    expect(response.status).toBe(404);
    expect((await response.json()).error.code).toBe('not_found');
  });

  it('serves the built tab with client-side views and framing limited to Microsoft 365 hosts', async () => {
    const root = await fetch(`${base}/`, { redirect: 'manual' });
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/tab/');
    const view = await fetch(`${base}/tab/admin`);
    expect(view.status).toBe(200);
    expect(await view.text()).toContain('<title>Upward</title>');
    expect(view.headers.get('content-security-policy')).toContain('frame-ancestors');
    expect(view.headers.get('content-security-policy')).toContain('https://teams.microsoft.com');
    const asset = await fetch(`${base}/tab/assets/app.js`);
    expect(asset.headers.get('cache-control')).toContain('immutable');
  });

  it('serves the privacy statement and terms the manifest links to', async () => {
    const privacy = await fetch(`${base}/privacy`);
    expect(privacy.status).toBe(200);
    expect(await privacy.text()).toContain('never reads the subject or body');
    expect((await fetch(`${base}/terms`)).status).toBe(200);
  });
});
