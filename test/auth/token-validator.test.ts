import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthError } from '../../src/auth/auth-error.ts';
import { createTokenValidator, type TokenValidator } from '../../src/auth/token-validator.ts';
import { startLocalIssuer, type LocalIssuer } from './local-issuer.ts';

const TENANT = '11111111-2222-4333-8444-555555555555';
const OTHER_TENANT = '99999999-2222-4333-8444-555555555555';
const CLIENT = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
const APP_ID_URI = `api://localhost/${CLIENT}`;

let issuer: LocalIssuer;
let validator: TokenValidator;

const userClaims = (overrides: Record<string, unknown> = {}) => ({
  iss: `${issuer.url}/${TENANT}/v2.0`,
  aud: CLIENT,
  tid: TENANT,
  oid: 'AB12CD34-0000-4000-8000-000000000001',
  name: 'Priya Raman',
  preferred_username: 'priya.raman@contoso.example',
  scp: 'access_as_user',
  ver: '2.0',
  ...overrides,
});

async function reason(token: string): Promise<string> {
  try {
    await validator.validate(`Bearer ${token}`);
  } catch (error) {
    expect(error).toBeInstanceOf(AuthError);
    return (error as AuthError).reason;
  }
  return 'accepted';
}

beforeAll(async () => {
  issuer = await startLocalIssuer();
  validator = createTokenValidator({ loginBaseUrl: issuer.url, allowedTenantIds: [TENANT], audiences: [CLIENT, APP_ID_URI] });
});
afterAll(() => issuer.close());

describe('token validator', () => {
  it('accepts a genuine user token and returns who the caller is', async () => {
    const principal = await validator.validate(`Bearer ${await issuer.mint({ ...userClaims(), roles: ['Upward.ProgramAdmin'] })}`);
    expect(principal).toEqual({
      tenantId: TENANT,
      userId: 'ab12cd34-0000-4000-8000-000000000001',
      name: 'Priya Raman',
      userPrincipalName: 'priya.raman@contoso.example',
      roles: ['Upward.ProgramAdmin'],
      scopes: ['access_as_user'],
    });
  });

  it('accepts the application ID URI as audience (Teams SSO)', async () => {
    expect(await reason(await issuer.mint(userClaims({ aud: APP_ID_URI })))).toBe('accepted');
  });

  it('refuses a missing or malformed header', async () => {
    await expect(validator.validate(undefined)).rejects.toMatchObject({ reason: 'missing_token', status: 401 });
    await expect(validator.validate('Basic abc')).rejects.toMatchObject({ reason: 'malformed_token' });
    await expect(validator.validate('Bearer not-a-jwt')).rejects.toMatchObject({ reason: 'malformed_token' });
  });

  it('refuses an expired token', async () => {
    const token = await issuer.mint(userClaims(), { expiresIn: '-5 minutes' });
    expect(await reason(token)).toBe('expired');
  });

  it('refuses a token for another audience', async () => {
    expect(await reason(await issuer.mint(userClaims({ aud: 'https://graph.microsoft.com' })))).toBe('wrong_audience');
  });

  it('refuses a token from a tenant that is not allowed, with 403', async () => {
    const token = await issuer.mint(userClaims({ tid: OTHER_TENANT, iss: `${issuer.url}/${OTHER_TENANT}/v2.0` }));
    await expect(validator.validate(`Bearer ${token}`)).rejects.toMatchObject({ reason: 'tenant_not_allowed', status: 403 });
  });

  it('refuses a token whose issuer is not the tenant\'s issuer', async () => {
    expect(await reason(await issuer.mint(userClaims({ iss: `https://sts.windows.net/${TENANT}/` })))).toBe('wrong_issuer');
  });

  it('refuses a token signed with a key the issuer did not publish', async () => {
    expect(await reason(await issuer.mint(userClaims(), { foreignKey: true }))).toBe('bad_signature');
  });

  it('refuses a token whose payload was altered after signing', async () => {
    const [head, , signature] = (await issuer.mint(userClaims())).split('.');
    const forged = Buffer.from(JSON.stringify({ ...userClaims({ oid: 'someone-else' }), exp: 4_000_000_000, iat: 1 })).toString('base64url');
    expect(await reason(`${head}.${forged}.${signature}`)).toBe('bad_signature');
  });

  it('refuses an unsigned token (alg: none)', async () => {
    const head = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const body = Buffer.from(JSON.stringify({ ...userClaims(), exp: 4_000_000_000, iat: 1 })).toString('base64url');
    expect(await reason(`${head}.${body}.`)).toBe('unsupported_algorithm');
  });

  it('refuses an HS256 token (key confusion)', async () => {
    const { SignJWT } = await import('jose');
    const token = await new SignJWT(userClaims()).setProtectedHeader({ alg: 'HS256' }).setIssuedAt().setExpirationTime('1h').sign(new TextEncoder().encode('x'.repeat(32)));
    expect(await reason(token)).toBe('unsupported_algorithm');
  });

  it('refuses an app-only token on the user API', async () => {
    const claims: Record<string, unknown> = userClaims({ idtyp: 'app', roles: ['User.Read.All'] });
    delete claims['scp'];
    expect(await reason(await issuer.mint(claims))).toBe('not_a_user_token');
  });

  it('says so when the issuer cannot be reached, and tries again later', async () => {
    const offline = createTokenValidator({ loginBaseUrl: 'http://127.0.0.1:9', allowedTenantIds: [TENANT], audiences: [CLIENT] });
    const token = await issuer.mint(userClaims());
    await expect(offline.validate(`Bearer ${token}`)).rejects.toMatchObject({ reason: 'issuer_unreachable' });
    await expect(offline.validate(`Bearer ${token}`)).rejects.toMatchObject({ reason: 'issuer_unreachable' });
  });
});
