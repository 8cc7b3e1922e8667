import { createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_APP_ID_URI, TEST_CLIENT_ID, TEST_REDIRECT_URI, TEST_TENANT_ID, startTestTenant, type TestTenant } from './test-tenant.ts';
import { authorizeUrl, signIn } from './tokens.ts';

let t: TestTenant;
beforeAll(async () => {
  t = await startTestTenant();
});
afterAll(async () => {
  await t.dispose();
});

const SCOPE = `${TEST_APP_ID_URI}/access_as_user`;
const url = (extra: Record<string, string> = {}, tenant = TEST_TENANT_ID, redirect = TEST_REDIRECT_URI, clientId = TEST_CLIENT_ID) =>
  authorizeUrl(t.tenant.url, tenant, clientId, redirect, SCOPE, extra);
const post = (target: string, form: Record<string, string>) =>
  fetch(target, { method: 'POST', body: new URLSearchParams(form), redirect: 'manual' });
const fragmentOf = (response: Response) => new URLSearchParams(new URL(response.headers.get('location')!).hash.slice(1));

describe('sign-in page', () => {
  it('lists seeded people with title and department, marks program admins and managers, with labelled controls', async () => {
    const response = await fetch(url());
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    const html = await response.text();
    const directory = t.tenant.directory;
    const admin = directory.admins(TEST_TENANT_ID)[0]!;
    const ceo = directory.root(TEST_TENANT_ID)!;
    const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/'/g, '&#39;');
    expect(html).toContain(`Sign in as ${escape(admin.displayName)}`);
    expect(html).toContain(escape(admin.jobTitle));
    expect(html).toContain(`Sign in as ${escape(ceo.displayName)}`);
    expect(html).toContain('<span class="badge admin">Program admin</span>');
    expect(html).toContain('<span class="badge">Manager</span>');
    expect(html).toMatch(/<label for="q">[^<]+<\/label>\s*<input id="q" name="q"/);
    expect(html).toContain(`value="${admin.id}"`);
    expect(html).toContain('lang="en"');
  });

  it('searches by department and escapes the query and carried parameters', async () => {
    const legal = await (await fetch(url({ q: 'Legal' }))).text();
    const legalPeople = t.tenant.directory.people(TEST_TENANT_ID).filter((p) => p.department === 'Legal' && p.accountEnabled);
    expect(legalPeople.length).toBeGreaterThan(0);
    for (const p of legalPeople) expect(legal).toContain(`value="${p.id}"`);
    const engineer = t.tenant.directory.people(TEST_TENANT_ID).find((p) => p.department === 'Engineering' && !/legal/i.test(p.jobTitle))!;
    expect(legal).not.toContain(`value="${engineer.id}"`);

    const hostile = await (await fetch(url({ q: '<script>alert(1)</script>', state: '"><img src=x onerror=alert(1)>' }))).text();
    expect(hostile).not.toContain('<script>alert(1)');
    expect(hostile).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(hostile).not.toContain('<img src=x');
    expect(hostile).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
  });

  it("escapes people's names (apostrophes, ampersands in titles)", async () => {
    const people = t.tenant.directory.people(TEST_TENANT_ID);
    const withApostrophe = people.find((p) => p.displayName.includes("'") && p.accountEnabled)!;
    expect(withApostrophe).toBeDefined();
    const html = await (await fetch(url({ q: withApostrophe.surname }))).text();
    expect(html).toContain(withApostrophe.displayName.replace(/'/g, '&#39;'));
    expect(html).not.toContain(withApostrophe.displayName);
  });
});

describe('signing in', () => {
  it('redirects to the app with an API token for the chosen person', async () => {
    const person = t.tenant.directory.people(TEST_TENANT_ID).find((p) => !p.isProgramAdmin && p.accountEnabled && p.level <= 3)!;
    const response = await post(url(), { userId: person.id });
    expect(response.status).toBe(302);
    const location = response.headers.get('location')!;
    expect(location.startsWith(`${TEST_REDIRECT_URI}#`)).toBe(true);
    const fragment = fragmentOf(response);
    expect(fragment.get('token_type')).toBe('Bearer');
    expect(fragment.get('expires_in')).toBe('3600');
    expect(fragment.get('state')).toBe('test-state');
    expect(fragment.get('scope')).toBe(SCOPE);
    const jwks = createRemoteJWKSet(new URL(`${t.tenant.url}/${TEST_TENANT_ID}/discovery/v2.0/keys`));
    const { payload } = await jwtVerify(fragment.get('access_token')!, jwks, {
      audience: TEST_CLIENT_ID,
      issuer: `${t.tenant.url}/${TEST_TENANT_ID}/v2.0`,
    });
    expect(payload).toMatchObject({
      oid: person.id,
      tid: TEST_TENANT_ID,
      name: person.displayName,
      preferred_username: person.userPrincipalName,
      scp: 'access_as_user',
      ver: '2.0',
    });
    expect(payload['roles']).toBeUndefined();
  });

  it('gives program admins the Upward.ProgramAdmin role, signing in by UPN with the client-id scope', async () => {
    const admin = t.tenant.directory.admins(TEST_TENANT_ID)[0]!;
    const token = await signIn(t.tenant.url, TEST_TENANT_ID, TEST_CLIENT_ID, TEST_REDIRECT_URI, admin.userPrincipalName);
    const claims = decodeJwt(token);
    expect(claims['oid']).toBe(admin.id);
    expect(claims['roles']).toEqual(['Upward.ProgramAdmin']);
    expect(claims.aud).toBe(TEST_CLIENT_ID);
  });

  it('adds an ID token with the nonce when asked for "id_token token"', async () => {
    const person = t.tenant.directory.people(TEST_TENANT_ID)[4]!;
    const response = await post(url({ response_type: 'id_token token', scope: `openid profile ${SCOPE}` }), { userId: person.id });
    const idToken = decodeJwt(fragmentOf(response).get('id_token')!);
    expect(idToken).toMatchObject({ aud: TEST_CLIENT_ID, nonce: 'test-nonce', oid: person.id });
  });

  it('signs in people of the other tenant with their own tid, and lists both organisations under /common', async () => {
    const other = t.tenant.directory.people(t.tenant.otherTenantId)[2]!;
    const token = await signIn(t.tenant.url, t.tenant.otherTenantId, TEST_CLIENT_ID, TEST_REDIRECT_URI, other.id);
    expect(decodeJwt(token)).toMatchObject({ tid: t.tenant.otherTenantId, oid: other.id, iss: `${t.tenant.url}/${t.tenant.otherTenantId}/v2.0` });
    const common = await (await fetch(url({ q: other.userPrincipalName }, 'common'))).text();
    expect(common).toContain(`value="${other.id}"`);
    const viaCommon = await post(url({}, 'common'), { userId: other.id });
    expect(decodeJwt(fragmentOf(viaCommon).get('access_token')!)['tid']).toBe(t.tenant.otherTenantId);
    // The main tenant's sign-in does not know the other organisation's people.
    const wrongTenant = await post(url(), { userId: other.id });
    expect(wrongTenant.status).toBe(400);
    expect(await wrongTenant.text()).toContain('AADSTS50034');
  });

  it('refuses a disabled account', async () => {
    const disabled = t.tenant.directory.people(TEST_TENANT_ID).find((p) => !p.accountEnabled)!;
    expect(disabled).toBeDefined();
    const response = await post(url(), { userId: disabled.id });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('AADSTS50057');
  });
});

describe('refusals without redirect (no open redirect)', () => {
  it('refuses a redirect_uri outside the allowed origins, also for a hostile scheme', async () => {
    const person = t.tenant.directory.people(TEST_TENANT_ID)[1]!;
    for (const redirect of ['https://evil.example/steal', 'https://upward.test.evil.example/x', 'javascript:alert(1)//https://upward.test']) {
      const page = await fetch(url({}, TEST_TENANT_ID, redirect));
      expect(page.status).toBe(400);
      const signInAttempt = await post(url({}, TEST_TENANT_ID, redirect), { userId: person.id });
      expect(signInAttempt.status).toBe(400);
      expect(signInAttempt.headers.get('location')).toBeNull();
      expect(await signInAttempt.text()).toContain('AADSTS50011');
    }
  });

  it('refuses an unknown client id', async () => {
    const response = await post(url({}, TEST_TENANT_ID, TEST_REDIRECT_URI, '11111111-2222-3333-4444-555555555555'), { userId: 'x' });
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
    expect(await response.text()).toContain('AADSTS700016');
  });

  it('sends scope and response-type problems back to a valid redirect as OAuth errors', async () => {
    const person = t.tenant.directory.people(TEST_TENANT_ID)[1]!;
    const badScope = await post(url({ scope: 'https://graph.microsoft.com/User.Read' }), { userId: person.id });
    expect(badScope.status).toBe(302);
    expect(fragmentOf(badScope).get('error')).toBe('invalid_scope');
    expect(fragmentOf(badScope).get('access_token')).toBeNull();
    const badType = await post(url({ response_type: 'code' }), { userId: person.id });
    expect(fragmentOf(badType).get('error')).toBe('unsupported_response_type');
  });
});
