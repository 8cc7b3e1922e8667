import { decodeJwt, decodeProtectedHeader, errors, jwtVerify, type JWTPayload } from 'jose';
import { issuerUrl } from './issuer-url.ts';
import type { SigningKey } from './signing-key.ts';

/** Why a token was refused; each maps to the message the real service gives. */
export type TokenRejectionReason = 'missing' | 'malformed' | 'signature' | 'expired' | 'not-yet-valid' | 'audience' | 'issuer' | 'tenant';

export class TokenRejection extends Error {
  readonly reason: TokenRejectionReason;
  constructor(reason: TokenRejectionReason, message: string) {
    super(message);
    this.name = 'TokenRejection';
    this.reason = reason;
  }
}

/** Verifies tokens this development tenant issued. */
export interface TokenVerifier {
  /**
   * Checks signature (RS256, our key id), lifetime (5 minutes of clock skew, as Entra-protected
   * services allow), audience, and that `iss` is the v2.0 issuer of the token's own `tid`, which
   * must be a tenant we host. Returns the claims or throws a TokenRejection.
   */
  verify(token: string, audiences: readonly string[]): Promise<JWTPayload & { tid: string }>;
}

const CLOCK_SKEW_SECONDS = 300;

export function createTokenVerifier(options: {
  key: SigningKey;
  baseUrl: () => string;
  now: () => Date;
  isKnownTenant: (tenantId: string) => boolean;
}): TokenVerifier {
  return {
    async verify(token, audiences) {
      if (token === '') throw new TokenRejection('missing', 'Access token is empty.');
      let unverified: JWTPayload;
      try {
        const header = decodeProtectedHeader(token);
        unverified = decodeJwt(token);
        if (header.kid !== options.key.kid) throw new TokenRejection('signature', 'Signing key not found.');
      } catch (error) {
        if (error instanceof TokenRejection) throw error;
        throw new TokenRejection('malformed', 'Invalid JWT token. The token is malformed.');
      }
      try {
        await jwtVerify(token, options.key.publicKey, {
          algorithms: ['RS256'],
          currentDate: options.now(),
          clockTolerance: CLOCK_SKEW_SECONDS,
        });
      } catch (error) {
        if (error instanceof errors.JWTExpired) throw new TokenRejection('expired', 'Lifetime validation failed, the token is expired.');
        if (error instanceof errors.JWTClaimValidationFailed && error.claim === 'nbf') {
          throw new TokenRejection('not-yet-valid', 'Lifetime validation failed, the token is not yet valid.');
        }
        throw new TokenRejection('signature', 'Signature validation failed.');
      }
      const aud = unverified.aud;
      const tokenAudiences = Array.isArray(aud) ? aud : aud === undefined ? [] : [aud];
      const wanted = audiences.map((a) => a.toLowerCase());
      if (!tokenAudiences.some((a) => wanted.includes(a.toLowerCase()))) {
        throw new TokenRejection('audience', 'Invalid audience.');
      }
      const tid = typeof unverified['tid'] === 'string' ? unverified['tid'].toLowerCase() : '';
      if (!options.isKnownTenant(tid)) throw new TokenRejection('tenant', 'Invalid tenant.');
      if (unverified.iss !== issuerUrl(options.baseUrl(), tid)) throw new TokenRejection('issuer', 'Invalid issuer.');
      return { ...unverified, tid };
    },
  };
}
