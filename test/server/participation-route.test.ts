/**
 * `GET /api/participation` through the real HTTP app: the org always comes from the token's
 * person and tenant, never from the request; only counts leave the server.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../src/auth/principal.ts';
import type { TokenValidator } from '../../src/auth/token-validator.ts';
import { unauthenticated } from '../../src/core/errors.ts';
import { tenantId, userId } from '../../src/core/ids.ts';
import { createHttpApp } from '../../src/server/http-app.ts';
import type { ParticipationSource } from '../../src/server/routes/participation.ts';

// Tokens are "tenant:user" here; the real validator is tested elsewhere.
const validator: TokenValidator = {
  async validate(header) {
    const [tid, oid] = (header ?? '').replace(/^Bearer /, '').split(':');
    if (!tid || !oid) throw unauthenticated('no token');
    const principal: Principal = { tenantId: tenantId(tid), userId: userId(oid), name: undefined, userPrincipalName: undefined, roles: [], scopes: ['access_as_user'] };
    return principal;
  },
};

const ORG: Record<string, { id: string; department: string }[]> = {
  'contoso:boss': Array.from({ length: 6 }, (_, i) => ({ id: `r${i}`, department: 'Sales' })),
  'contoso:small': [{ id: 'r0', department: 'Sales' }],
};
const asked: string[] = [];
const source: ParticipationSource = {
  async reportsOf(tenant, manager) {
    asked.push(`${tenant}:${manager}`);
    return ORG[`${tenant}:${manager}`] ?? [];
  },
  async factsFor(tenant, ids) {
    asked.push(`facts ${tenant} ${ids.join(',')}`);
    return ids.map((id, i) => ({ userId: id, enrolledAt: i < 3 ? Date.UTC(2026, 9, 1) : null, pairedAt: i < 2 ? Date.UTC(2026, 9, 2) : null, sessionsHeld: [] }));
  },
};

let server: Server;
let base: string;
beforeAll(async () => {
  const app = await createHttpApp({
    log: pino({ level: 'silent' }),
    validator,
    tabConfig: { tenantId: 'contoso', clientId: 'c', loginBaseUrl: 'http://127.0.0.1', apiScope: 'api://x/c/access_as_user' },
    tabDirectory: mkdtempSync(join(tmpdir(), 'upward-tab-')),
    ping: async () => {},
    directoryFor: () => ({ readProfile: async () => Promise.reject(new Error('unused')) }),
    mountSelfAuthenticated: async () => {},
    participation: source,
  });
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const get = async (token: string | null, query = '') => {
  const response = await fetch(`${base}/participation${query}`, token === null ? {} : { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, body: (await response.json()) as any };
};

describe('GET /api/participation', () => {
  it('summarises the caller’s own org in counts', async () => {
    const answer = await get('contoso:boss');
    expect(answer.status).toBe(200);
    expect(answer.body.org.people).toEqual({ shown: true, value: 6 });
    expect(answer.body.org.enrolled).toEqual({ shown: true, value: 3 });
    expect(answer.body.org.paired).toEqual({ shown: true, value: 2 });
    // Counts only: no person ids or names in the answer.
    expect(JSON.stringify(answer.body)).not.toMatch(/"r\d"/);
  });

  it('ignores any attempt to name another manager or tenant in the request', async () => {
    asked.length = 0;
    const answer = await get('contoso:small', '?managerId=boss&tenantId=fabrikam');
    expect(asked[0]).toBe('contoso:small');
    expect(answer.body.org.people.shown).toBe(false);
    expect(answer.body.org.enrolled).toEqual({ shown: false, reason: 'Fewer than 5 people: figures are hidden to protect privacy' });
  });

  it('answers someone with no reports with an empty summary and does not read the store', async () => {
    asked.length = 0;
    const answer = await get('fabrikam:boss');
    expect(answer.status).toBe(200);
    expect(answer.body.isManager).toBe(false);
    expect(asked).toEqual(['fabrikam:boss']);
  });

  it('refuses a caller without a token', async () => {
    expect((await get(null)).status).toBe(401);
  });
});
