import type { RequestHandler } from 'express';
import { GraphError } from '../graph-error.ts';
import { GRAPH_APP_ID, GRAPH_RESOURCE } from '../identity/app-registrations.ts';
import { TokenRejection, type TokenRejectionReason, type TokenVerifier } from '../identity/token-verifier.ts';
import { setCaller, type GraphCaller } from './caller.ts';

const MESSAGES: Record<TokenRejectionReason, string> = {
  missing: 'Access token is empty.',
  malformed: 'Invalid JWT token. The token is malformed.',
  signature: 'Access token validation failure.',
  expired: 'Lifetime validation failed, the token is expired.',
  'not-yet-valid': 'Lifetime validation failed, the token is not yet valid.',
  audience: 'Access token validation failure. Invalid audience.',
  issuer: 'Access token validation failure. Invalid issuer.',
  tenant: 'Access token validation failure. Invalid issuer.',
};

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/**
 * Verifies the bearer token on every request behind it and attaches a GraphCaller
 * (`callerOf(req)`); refuses with Graph's 401 InvalidAuthenticationToken otherwise. Shared by
 * every Graph route module; `audiences` lets other APIs (e.g. a Bot Connector) reuse it.
 */
export function graphAuthentication(options: {
  verifier: TokenVerifier;
  baseUrl: () => string;
  audiences?: readonly string[];
}): RequestHandler {
  const audiences = options.audiences ?? [GRAPH_RESOURCE, GRAPH_APP_ID];
  return async (req, _res, next) => {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(req.get('authorization') ?? '');
    try {
      const claims = await options.verifier.verify(match?.[1] ?? '', audiences);
      const scopes = typeof claims['scp'] === 'string' ? claims['scp'].split(' ').filter((s) => s !== '') : [];
      const isApp = claims['idtyp'] === 'app' || (scopes.length === 0 && claims['oid'] === claims.sub);
      const caller: GraphCaller = {
        tenantId: claims.tid,
        appId: String(claims['azp'] ?? claims['appid'] ?? ''),
        ...(isApp ? {} : { userId: String(claims['oid']) }),
        roles: strings(claims['roles']),
        scopes,
        kind: isApp ? 'app' : 'delegated',
      };
      setCaller(req, caller);
      next();
    } catch (error) {
      if (!(error instanceof TokenRejection)) throw error;
      const authorizationUri = `${options.baseUrl()}/common/oauth2/authorize`;
      throw new GraphError(401, 'InvalidAuthenticationToken', MESSAGES[error.reason], {
        'WWW-Authenticate': `Bearer realm="", authorization_uri="${authorizationUri}", client_id="${GRAPH_APP_ID}"`,
      });
    }
  };
}
