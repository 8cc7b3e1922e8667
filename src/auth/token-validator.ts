import { createRemoteJWKSet, decodeJwt, decodeProtectedHeader, errors, jwtVerify, type JWTPayload } from 'jose';
import { tenantId as toTenantId, userId as toUserId } from '../core/ids.ts';
import { AuthError } from './auth-error.ts';
import type { Principal } from './principal.ts';

export interface TokenValidatorOptions {
  /** e.g. https://login.microsoftonline.com, or the development tenant's URL. */
  readonly loginBaseUrl: string;
  readonly allowedTenantIds: readonly string[];
  /** Accepted `aud` values: the client id and the application ID URI. */
  readonly audiences: readonly string[];
  /** Injected for tests; defaults to a real fetch of the OpenID configuration. */
  readonly fetch?: typeof fetch;
  readonly clockToleranceSeconds?: number;
}

export interface TokenValidator {
  /** Validates a bearer token for Upward's API and returns who it proves the caller is. */
  validate(authorizationHeader: string | undefined): Promise<Principal>;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Validates Entra ID v2 access tokens with jose: RS256 only, the signing key from the issuing
 * tenant's published JWKS (found through its OpenID configuration, cached), issuer, audience,
 * expiry and an allowed tenant. The development tenant publishes the same documents, so this is
 * the one code path for both.
 */
export function createTokenValidator(options: TokenValidatorOptions): TokenValidator {
  const doFetch = options.fetch ?? fetch;
  const allowed = new Set(options.allowedTenantIds.map((t) => t.toLowerCase()));
  const keySets = new Map<string, Promise<ReturnType<typeof createRemoteJWKSet>>>();

  const keySetFor = (tid: string): Promise<ReturnType<typeof createRemoteJWKSet>> => {
    let pending = keySets.get(tid);
    if (!pending) {
      pending = (async () => {
        const discovery = `${options.loginBaseUrl}/${tid}/v2.0/.well-known/openid-configuration`;
        const response = await doFetch(discovery).catch((cause: unknown) => {
          throw new AuthError('issuer_unreachable', `cannot reach the token issuer's configuration (${String(cause)})`);
        });
        if (!response.ok) throw new AuthError('issuer_unreachable', `the token issuer answered ${response.status} for its configuration`);
        const document = (await response.json()) as { jwks_uri?: unknown };
        if (typeof document.jwks_uri !== 'string') throw new AuthError('issuer_unreachable', 'the issuer publishes no jwks_uri');
        return createRemoteJWKSet(new URL(document.jwks_uri), { cooldownDuration: 30_000, cacheMaxAge: 24 * 3600_000 });
      })();
      // A failed discovery is not cached, so the next request tries again.
      pending.catch(() => keySets.delete(tid));
      keySets.set(tid, pending);
    }
    return pending;
  };

  return {
    async validate(header) {
      if (!header) throw new AuthError('missing_token', 'no bearer token: send Authorization: Bearer <token>');
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      if (!match) throw new AuthError('malformed_token', 'the Authorization header is not "Bearer <token>"');
      const token = match[1]!;

      let claims: JWTPayload;
      try {
        const protectedHeader = decodeProtectedHeader(token);
        if (protectedHeader.alg !== 'RS256') {
          throw new AuthError('unsupported_algorithm', `tokens signed with ${String(protectedHeader.alg)} are not accepted; RS256 only`);
        }
        claims = decodeJwt(token);
      } catch (error) {
        if (error instanceof AuthError) throw error;
        throw new AuthError('malformed_token', 'the bearer token is not a well-formed JWT');
      }

      const tid = typeof claims['tid'] === 'string' ? claims['tid'].toLowerCase() : '';
      if (!GUID.test(tid)) throw new AuthError('malformed_token', 'the token has no tenant id (tid)');
      if (!allowed.has(tid)) throw new AuthError('tenant_not_allowed', `tenant ${tid} is not allowed to use this Upward deployment`);

      let payload: JWTPayload;
      try {
        const { payload: verified } = await jwtVerify(token, await keySetFor(tid), {
          algorithms: ['RS256'],
          issuer: `${options.loginBaseUrl}/${tid}/v2.0`,
          audience: [...options.audiences],
          clockTolerance: options.clockToleranceSeconds ?? 60,
          requiredClaims: ['exp', 'iat', 'oid'],
        });
        payload = verified;
      } catch (error) {
        throw toAuthError(error);
      }

      if (typeof payload['scp'] !== 'string' || payload['idtyp'] === 'app') {
        throw new AuthError('not_a_user_token', 'the token is an app-only token; Upward\'s API needs a signed-in person');
      }
      return {
        tenantId: toTenantId(tid),
        userId: toUserId(String(payload['oid']).toLowerCase()),
        name: typeof payload['name'] === 'string' ? payload['name'] : undefined,
        userPrincipalName: typeof payload['preferred_username'] === 'string' ? payload['preferred_username'] : undefined,
        roles: Array.isArray(payload['roles']) ? payload['roles'].filter((r): r is string => typeof r === 'string') : [],
        scopes: payload['scp'].split(' ').filter((s) => s !== ''),
      };
    },
  };
}

function toAuthError(error: unknown): AuthError {
  if (error instanceof AuthError) return error;
  if (error instanceof errors.JWTExpired) return new AuthError('expired', 'the token has expired');
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'iss') return new AuthError('wrong_issuer', 'the token was not issued by this tenant\'s issuer');
    if (error.claim === 'aud') return new AuthError('wrong_audience', 'the token is for another application (audience)');
    if (error.claim === 'nbf') return new AuthError('not_yet_valid', 'the token is not valid yet');
    return new AuthError('malformed_token', `the token's ${error.claim} claim is invalid`);
  }
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey) {
    return new AuthError('bad_signature', 'the token signature does not match the issuer\'s keys');
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return new AuthError('unsupported_algorithm', 'RS256 tokens only');
  if (error instanceof errors.JOSEError) return new AuthError('malformed_token', `the token is invalid (${error.code})`);
  return new AuthError('issuer_unreachable', `cannot check the token right now (${String(error)})`);
}
