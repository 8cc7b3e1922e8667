import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_CLIENT_ID, TEST_TENANT_ID } from './test-tenant.ts';
import { appToken } from './tokens.ts';
import { LIMITED_CLIENT_ID, LIMITED_SECRET, expectGraphError, startGraphFixture, type GraphFixture } from './graph-fixture.ts';

let f: GraphFixture;
beforeAll(async () => {
  f = await startGraphFixture();
});
afterAll(async () => {
  await f.t.dispose();
});

describe('authentication and permissions', () => {
  it('answers 401 InvalidAuthenticationToken for missing, malformed, tampered and wrong-audience tokens', async () => {
    const missing = await f.graph('/users', undefined);
    expectGraphError(missing, 401, 'InvalidAuthenticationToken', 'Access token is empty.');
    expect(missing.headers.get('www-authenticate')).toMatch(/^Bearer /);
    expectGraphError(await f.graph('/users', 'abc'), 401, 'InvalidAuthenticationToken');
    const [h, p, s] = f.app.split('.');
    const tampered = `${h}.${p}.${s!.slice(0, -4)}AAAA`;
    expectGraphError(await f.graph('/users', tampered), 401, 'InvalidAuthenticationToken');
    expectGraphError(await f.graph('/users', f.apiToken), 401, 'InvalidAuthenticationToken', /Invalid audience/);
  });

  it('answers 401 for an expired token', async () => {
    const token = await appToken(f.t.tenant.url, TEST_TENANT_ID, TEST_CLIENT_ID, f.t.tenant.clientSecret);
    f.setClockOffset(2 * 3600_000);
    try {
      expectGraphError(await f.graph('/users', token), 401, 'InvalidAuthenticationToken', 'Lifetime validation failed, the token is expired.');
    } finally {
      f.setClockOffset(0);
    }
    expect((await f.graph('/users?$top=1', token)).status).toBe(200);
  });

  it('answers 403 when the app lacks the permission', async () => {
    const limited = await appToken(f.t.tenant.url, TEST_TENANT_ID, LIMITED_CLIENT_ID, LIMITED_SECRET);
    expectGraphError(await f.graph('/users', limited), 403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');
    expectGraphError(await f.graph(`/users/${f.people[1]!.id}/manager`, limited), 403, 'Authorization_RequestDenied');
    expectGraphError(await f.graph(`/users/${f.people[1]!.id}/mailboxSettings`, limited), 403, 'ErrorAccessDenied');
  });

  it('lets a delegated User.Read token read only its own user', async () => {
    expect((await f.graph(`/users/${f.me.id}`, f.delegated)).status).toBe(200);
    expectGraphError(await f.graph(`/users/${f.people[0]!.id}`, f.delegated), 403, 'Authorization_RequestDenied');
    expectGraphError(await f.graph('/users', f.delegated), 403, 'Authorization_RequestDenied');
  });
});

describe('unknown routes', () => {
  it("answers like Graph: 400 Resource not found for the segment '...'", async () => {
    expectGraphError(await f.graph('/groups', f.app), 400, 'BadRequest', "Resource not found for the segment 'groups'.");
    expectGraphError(await f.graph(`/users/${f.people[2]!.id}/photos`, f.app), 400, 'BadRequest', "Resource not found for the segment 'photos'.");
    expectGraphError(await f.graph(`/users/${f.people[2]!.id}/mailboxSettings/shoeSize`, f.app), 400, 'BadRequest', "Resource not found for the segment 'shoeSize'.");
  });
});
