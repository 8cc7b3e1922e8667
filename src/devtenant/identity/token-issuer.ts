import { createHash, randomBytes } from 'node:crypto';
import { SignJWT, type JWTPayload } from 'jose';
import type { DevPerson } from '../org/dev-person.ts';
import { BOT_FRAMEWORK_RESOURCE, GRAPH_RESOURCE, PROGRAM_ADMIN_ROLE, UPWARD_API_SCOPE, servicePrincipalId, type AppRegistration } from './app-registrations.ts';
import { issuerUrl } from './issuer-url.ts';
import type { SigningKey } from './signing-key.ts';

/** Lifetime of every token the development tenant issues. */
export const TOKEN_LIFETIME_SECONDS = 3600;

/** Issues the Entra-shaped tokens (v2.0 access and ID tokens, RS256 with a key id). */
export interface TokenIssuer {
  /** App-only Graph token (client credentials) for the app's service principal in a tenant. */
  appGraphToken(tenantId: string, app: AppRegistration): Promise<string>;
  /** App-only Bot Framework token (client credentials, aud https://api.botframework.com): the app acting as its bot. */
  appBotToken(tenantId: string, app: AppRegistration): Promise<string>;
  /** Delegated Graph token for a person (on-behalf-of). */
  delegatedGraphToken(person: DevPerson, app: AppRegistration): Promise<string>;
  /** Access token for the app's own API (what Teams SSO or the tab's sign-in hands the app). */
  apiToken(person: DevPerson, app: AppRegistration): Promise<string>;
  /** OpenID Connect ID token. */
  idToken(person: DevPerson, app: AppRegistration, nonce: string | undefined): Promise<string>;
}

const opaque = (bytes: number): string => randomBytes(bytes).toString('base64url');
/** Entra's `sub` is pairwise: the same person has a different subject in every app. */
const pairwiseSubject = (appId: string, oid: string): string =>
  createHash('sha256').update(`${appId.toLowerCase()}:${oid}`).digest('base64url').slice(0, 43);

export function createTokenIssuer(options: { key: SigningKey; baseUrl: () => string; now: () => Date }): TokenIssuer {
  const sign = async (tenantId: string, claims: JWTPayload): Promise<string> => {
    const iat = Math.floor(options.now().getTime() / 1000);
    return new SignJWT({
      iss: issuerUrl(options.baseUrl(), tenantId),
      iat,
      nbf: iat,
      exp: iat + TOKEN_LIFETIME_SECONDS,
      ...claims,
      tid: tenantId,
      uti: opaque(16),
      ver: '2.0',
    })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: options.key.kid })
      .sign(options.key.privateKey);
  };
  const userClaims = (person: DevPerson, app: AppRegistration): JWTPayload => ({
    aio: opaque(24),
    azp: app.clientId,
    azpacr: '1',
    name: person.displayName,
    oid: person.id,
    preferred_username: person.userPrincipalName,
    sub: pairwiseSubject(app.clientId, person.id),
  });

  return {
    appGraphToken(tenantId, app) {
      const sp = servicePrincipalId(tenantId, app.clientId);
      return sign(tenantId, {
        aud: GRAPH_RESOURCE,
        aio: opaque(24),
        app_displayname: app.displayName,
        appid: app.clientId,
        appidacr: '1',
        azp: app.clientId,
        azpacr: '1',
        idp: issuerUrl(options.baseUrl(), tenantId),
        idtyp: 'app',
        oid: sp,
        roles: [...app.graphAppRoles],
        sub: sp,
      });
    },
    appBotToken(tenantId, app) {
      const sp = servicePrincipalId(tenantId, app.clientId);
      return sign(tenantId, {
        aud: BOT_FRAMEWORK_RESOURCE,
        aio: opaque(24),
        appid: app.clientId,
        appidacr: '1',
        azp: app.clientId,
        azpacr: '1',
        idp: issuerUrl(options.baseUrl(), tenantId),
        idtyp: 'app',
        oid: sp,
        sub: sp,
      });
    },
    delegatedGraphToken(person, app) {
      return sign(person.tenantId, {
        ...userClaims(person, app),
        aud: GRAPH_RESOURCE,
        app_displayname: app.displayName,
        appid: app.clientId,
        appidacr: '1',
        family_name: person.surname,
        given_name: person.givenName,
        idtyp: 'user',
        scp: app.graphDelegatedScopes.join(' '),
        unique_name: person.userPrincipalName,
        upn: person.userPrincipalName,
      });
    },
    apiToken(person, app) {
      return sign(person.tenantId, {
        ...userClaims(person, app),
        aud: app.clientId,
        scp: UPWARD_API_SCOPE,
        ...(person.isProgramAdmin ? { roles: [PROGRAM_ADMIN_ROLE] } : {}),
      });
    },
    idToken(person, app, nonce) {
      return sign(person.tenantId, {
        ...userClaims(person, app),
        aud: app.clientId,
        ...(nonce === undefined ? {} : { nonce }),
      });
    },
  };
}
