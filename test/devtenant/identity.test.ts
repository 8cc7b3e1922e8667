import { createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevTenant } from '../../src/devtenant/dev-tenant.ts';
import { TEST_APP_ID_URI, TEST_CLIENT_ID, TEST_ORIGIN, TEST_REDIRECT_URI, TEST_TENANT_ID, startTestTenant, type TestTenant } from './test-tenant.ts';
import { appToken, oboToken, signIn } from './tokens.ts';

let t: TestTenant;
beforeAll(async () => {
  t = await startTestTenant();
});
afterAll(async () => {
  await t.dispose();
});

const tokenPost = (tenant: string, form: Record<string, string>, headers: Record<string, string> = {}) =>
  fetch(`${t.tenant.url}/${tenant}/oauth2/v2.0/token`, { method: 'POST', headers, body: new URLSearchParams(form) });

const ccForm = (overrides: Record<string, string> = {}) => ({
  grant_type: 'client_credentials',
  client_id: TEST_CLIENT_ID,
  client_secret: t.tenant.clientSecret,
  scope: 'https://graph.microsoft.com/.default',
  ...overrides,
});

describe('OpenID discovery', () => {
  it('publishes Entra v2.0 metadata per tenant and a JWKS with the signing key', async () => {
    const response = await fetch(`${t.tenant.url}/${TEST_TENANT_ID}/v2.0/.well-known/openid-configuration`);
    expect(response.status).toBe(200);
    const config = (await response.json()) as Record<string, unknown>;
    expect(config['issuer']).toBe(`${t.tenant.url}/${TEST_TENANT_ID}/v2.0`);
    expect(config['jwks_uri']).toBe(`${t.tenant.url}/${TEST_TENANT_ID}/discovery/v2.0/keys`);
    expect(config['token_endpoint']).toBe(`${t.tenant.url}/${TEST_TENANT_ID}/oauth2/v2.0/token`);
    expect(config['authorization_endpoint']).toBe(`${t.tenant.url}/${TEST_TENANT_ID}/oauth2/v2.0/authorize`);
    expect(config['id_token_signing_alg_values_supported']).toEqual(['RS256']);

    const jwks = (await (await fetch(String(config['jwks_uri']))).json()) as { keys: Record<string, unknown>[] };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: 'RSA', use: 'sig' });
    expect(typeof jwks.keys[0]!['kid']).toBe('string');
    expect(jwks.keys[0]!['d']).toBeUndefined();
  });

  it('answers an unknown tenant like Entra (AADSTS90002)', async () => {
    const response = await fetch(`${t.tenant.url}/00000000-1111-2222-3333-444444444444/v2.0/.well-known/openid-configuration`);
    expect(response.status).toBe(400);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body['error']).toBe('invalid_request');
    expect(body['error_codes']).toEqual([90002]);
  });
});

describe('client credentials', () => {
  it('issues an app-only Graph token that verifies against the published JWKS with the expected claims', async () => {
    const token = await appToken(t.tenant.url, TEST_TENANT_ID, TEST_CLIENT_ID, t.tenant.clientSecret);
    const jwks = createRemoteJWKSet(new URL(`${t.tenant.url}/${TEST_TENANT_ID}/discovery/v2.0/keys`));
    const { payload, protectedHeader } = await jwtVerify(token, jwks, {
      issuer: `${t.tenant.url}/${TEST_TENANT_ID}/v2.0`,
      audience: 'https://graph.microsoft.com',
      algorithms: ['RS256'],
    });
    expect(protectedHeader.kid).toBeDefined();
    expect(payload).toMatchObject({ tid: TEST_TENANT_ID, azp: TEST_CLIENT_ID, appid: TEST_CLIENT_ID, idtyp: 'app', ver: '2.0' });
    expect(payload['roles']).toEqual(expect.arrayContaining(['User.Read.All', 'Calendars.ReadWrite', 'MailboxSettings.Read', 'TeamsAppInstallation.ReadWriteSelfForUser.All']));
    expect(typeof payload['oid']).toBe('string');
    expect(payload.exp! - payload.iat!).toBe(3600);
    expect(payload['scp']).toBeUndefined();
  });

  it('accepts HTTP Basic client authentication', async () => {
    const basic = Buffer.from(`${TEST_CLIENT_ID}:${encodeURIComponent(t.tenant.clientSecret)}`).toString('base64');
    const response = await tokenPost(TEST_TENANT_ID, { grant_type: 'client_credentials', scope: 'https://graph.microsoft.com/.default' }, { authorization: `Basic ${basic}` });
    expect(response.status).toBe(200);
    expect((await response.json()) as object).toMatchObject({ token_type: 'Bearer', expires_in: 3599 });
  });

  it('gives the other tenant its own tid and service principal', async () => {
    const main = decodeJwt(await appToken(t.tenant.url, TEST_TENANT_ID, TEST_CLIENT_ID, t.tenant.clientSecret));
    const other = decodeJwt(await appToken(t.tenant.url, t.tenant.otherTenantId, TEST_CLIENT_ID, t.tenant.clientSecret));
    expect(other['tid']).toBe(t.tenant.otherTenantId);
    expect(other.iss).toBe(`${t.tenant.url}/${t.tenant.otherTenantId}/v2.0`);
    expect(other['oid']).not.toBe(main['oid']);
  });

  it('refuses a bad secret with 401 invalid_client AADSTS7000215', async () => {
    const response = await tokenPost(TEST_TENANT_ID, ccForm({ client_secret: 'not-the-secret' }));
    expect(response.status).toBe(401);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body['error']).toBe('invalid_client');
    expect(body['error_codes']).toEqual([7000215]);
    expect(String(body['error_description'])).toMatch(/^AADSTS7000215: Invalid client secret provided/);
    expect(body['trace_id']).toBeTypeOf('string');
    expect(body['correlation_id']).toBeTypeOf('string');
  });

  it('refuses an unknown client, an unknown tenant, a wrong grant, a missing or non-default scope', async () => {
    const cases: [string, Record<string, string>, number, string, number][] = [
      [TEST_TENANT_ID, ccForm({ client_id: '11111111-2222-3333-4444-555555555555' }), 400, 'unauthorized_client', 700016],
      ['99999999-8888-7777-6666-555555555555', ccForm(), 400, 'invalid_request', 90002],
      [TEST_TENANT_ID, ccForm({ grant_type: 'password' }), 400, 'unsupported_grant_type', 70003],
      [TEST_TENANT_ID, { grant_type: 'client_credentials', client_id: TEST_CLIENT_ID, client_secret: t.tenant.clientSecret }, 400, 'invalid_request', 900144],
      [TEST_TENANT_ID, ccForm({ scope: 'https://graph.microsoft.com/User.Read.All' }), 400, 'invalid_scope', 1002012],
      [TEST_TENANT_ID, ccForm({ scope: 'https://vault.azure.net/.default' }), 400, 'invalid_resource', 500011],
      [TEST_TENANT_ID, ccForm({ client_secret: '' }), 401, 'invalid_client', 7000218],
    ];
    for (const [tenant, form, status, error, code] of cases) {
      const response = await tokenPost(tenant, form);
      const body = (await response.json()) as Record<string, unknown>;
      expect({ status: response.status, error: body['error'], codes: body['error_codes'] }).toEqual({ status, error, codes: [code] });
    }
  });
});

describe('on-behalf-of', () => {
  it("exchanges a user's API token for a delegated Graph token for that user", async () => {
    const person = t.tenant.directory.people(TEST_TENANT_ID)[30]!;
    const apiToken = await signIn(t.tenant.url, TEST_TENANT_ID, TEST_CLIENT_ID, TEST_REDIRECT_URI, person.id);
    const graphToken = await oboToken(t.tenant.url, TEST_TENANT_ID, TEST_CLIENT_ID, t.tenant.clientSecret, apiToken);
    const jwks = createRemoteJWKSet(new URL(`${t.tenant.url}/${TEST_TENANT_ID}/discovery/v2.0/keys`));
    const { payload } = await jwtVerify(graphToken, jwks, { audience: 'https://graph.microsoft.com', issuer: `${t.tenant.url}/${TEST_TENANT_ID}/v2.0` });
    expect(payload).toMatchObject({ oid: person.id, tid: TEST_TENANT_ID, azp: TEST_CLIENT_ID, scp: 'User.Read Calendars.ReadWrite MailboxSettings.Read' });
    expect(payload['roles']).toBeUndefined();
  });

  it('refuses assertions that are not API tokens for this app, or come from another tenant', async () => {
    const graphAppToken = await appToken(t.tenant.url, TEST_TENANT_ID, TEST_CLIENT_ID, t.tenant.clientSecret);
    const otherPerson = t.tenant.directory.people(t.tenant.otherTenantId)[3]!;
    const otherApiToken = await signIn(t.tenant.url, t.tenant.otherTenantId, TEST_CLIENT_ID, TEST_REDIRECT_URI, otherPerson.userPrincipalName);
    const obo = (assertion: string) =>
      tokenPost(TEST_TENANT_ID, {
        grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
        client_id: TEST_CLIENT_ID,
        client_secret: t.tenant.clientSecret,
        assertion,
        scope: 'https://graph.microsoft.com/.default',
        requested_token_use: 'on_behalf_of',
      });
    const wrongAudience = (await (await obo(graphAppToken)).json()) as Record<string, unknown>;
    expect(wrongAudience['error']).toBe('invalid_grant');
    expect(String(wrongAudience['error_description'])).toMatch(/^AADSTS50013: Assertion audience/);
    const garbage = await obo('not.a.jwt');
    expect(garbage.status).toBe(400);
    expect(((await garbage.json()) as Record<string, unknown>)['error_codes']).toEqual([50027]);
    const otherTenant = (await (await obo(otherApiToken)).json()) as Record<string, unknown>;
    expect(otherTenant['error']).toBe('invalid_grant');
    expect(otherTenant['error_codes']).toEqual([50013]);
  });

  it('refuses an expired assertion (AADSTS500133)', async () => {
    let clock = new Date('2026-03-02T09:00:00Z');
    const moving = await startTestTenant({ now: () => clock });
    try {
      const person = moving.tenant.directory.people(TEST_TENANT_ID)[10]!;
      const apiToken = await signIn(moving.tenant.url, TEST_TENANT_ID, TEST_CLIENT_ID, TEST_REDIRECT_URI, person.id);
      clock = new Date('2026-03-02T11:00:00Z');
      const response = await fetch(`${moving.tenant.url}/${TEST_TENANT_ID}/oauth2/v2.0/token`, {
        method: 'POST',
        body: new URLSearchParams({
          grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
          client_id: TEST_CLIENT_ID,
          client_secret: moving.tenant.clientSecret,
          assertion: apiToken,
          scope: 'https://graph.microsoft.com/.default',
          requested_token_use: 'on_behalf_of',
        }),
      });
      expect(response.status).toBe(400);
      expect(((await response.json()) as Record<string, unknown>)['error_codes']).toEqual([500133]);
    } finally {
      await moving.dispose();
    }
  });
});

describe('state across restarts', () => {
  it('keeps the client secret and signing key in dataDir, so earlier tokens still verify', async () => {
    const first = await startTestTenant();
    const secret = first.tenant.clientSecret;
    const token = await appToken(first.tenant.url, TEST_TENANT_ID, TEST_CLIENT_ID, secret);
    const port = Number(new URL(first.tenant.url).port);
    await first.tenant.close();
    const second = await startDevTenant({
      host: '127.0.0.1',
      port,
      seed: 1,
      size: 200,
      tenantId: TEST_TENANT_ID,
      app: { clientId: TEST_CLIENT_ID, appIdUri: TEST_APP_ID_URI, redirectOrigins: [TEST_ORIGIN] },
      dataDir: first.dataDir,
    });
    try {
      expect(second.clientSecret).toBe(secret);
      const jwks = createRemoteJWKSet(new URL(`${second.url}/${TEST_TENANT_ID}/discovery/v2.0/keys`));
      await expect(jwtVerify(token, jwks, { audience: 'https://graph.microsoft.com' })).resolves.toBeDefined();
      const response = await fetch(`${second.url}/v1.0/users?$top=1`, { headers: { authorization: `Bearer ${token}` } });
      expect(response.status).toBe(200);
    } finally {
      await second.close();
      await first.dispose();
    }
  });
});
