import { UPWARD_API_SCOPE, type AppRegistration, type AppRegistry } from './app-registrations.ts';
import { EntraError, entraErrors } from './entra-error.ts';
import { OIDC_SCOPES, splitScopes } from './graph-scopes.ts';

/** The OAuth parameters of an authorize request that the sign-in page carries through. */
export const AUTHORIZE_PARAMETERS = ['client_id', 'redirect_uri', 'response_type', 'response_mode', 'scope', 'state', 'nonce', 'login_hint', 'prompt'] as const;

/** A validated authorize request. */
export interface AuthorizeRequest {
  readonly app: AppRegistration;
  readonly redirectUri: string;
  readonly wantsIdToken: boolean;
  /** The granted scope as echoed in the redirect ("<resource>/access_as_user"). */
  readonly grantedScope: string;
  readonly state: string | undefined;
  readonly nonce: string | undefined;
  readonly loginHint: string | undefined;
}

/**
 * Validation outcome. Problems with the app or redirect URI must never redirect (that would be an
 * open redirect), so they come back as `page`; problems the app can handle come back as
 * `redirect` with an OAuth error for the (already validated) redirect URI.
 */
export type AuthorizeValidation =
  | { readonly ok: true; readonly request: AuthorizeRequest }
  | { readonly ok: false; readonly page: EntraError }
  | { readonly ok: false; readonly redirect: { readonly uri: string; readonly error: EntraError; readonly state: string | undefined } };

const originOf = (uri: string): string | undefined => {
  try {
    const url = new URL(uri);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : undefined;
  } catch {
    return undefined;
  }
};

/** Matches `<resource>/access_as_user` or `<resource>/.default` of the app's own API. */
function apiResource(scope: string, app: AppRegistration): string | undefined {
  const slash = scope.lastIndexOf('/');
  if (slash <= 0) return undefined;
  const resource = scope.slice(0, slash);
  const permission = scope.slice(slash + 1).toLowerCase();
  const resources = [app.clientId, app.appIdUri].filter((r): r is string => r !== undefined).map((r) => r.toLowerCase());
  if (!resources.includes(resource.toLowerCase())) return undefined;
  return permission === UPWARD_API_SCOPE.toLowerCase() || permission === '.default' ? resource : undefined;
}

export function validateAuthorizeRequest(params: Readonly<Record<string, string | undefined>>, apps: AppRegistry, tenantLabel: string): AuthorizeValidation {
  const clientId = params['client_id'];
  if (!clientId) return { ok: false, page: entraErrors.missingParameter('client_id') };
  const app = apps.find(clientId);
  if (!app || app.appIdUri === undefined) return { ok: false, page: entraErrors.unknownClient(clientId, tenantLabel) };
  const redirectUri = params['redirect_uri'];
  if (!redirectUri) return { ok: false, page: entraErrors.missingParameter('redirect_uri') };
  const origin = originOf(redirectUri);
  const allowed = app.redirectOrigins.map((o) => originOf(o));
  if (origin === undefined || !allowed.includes(origin)) return { ok: false, page: entraErrors.badRedirect(redirectUri, app.clientId) };

  const state = params['state'];
  const fail = (error: EntraError): AuthorizeValidation => ({ ok: false, redirect: { uri: redirectUri, error, state } });
  const responseType = splitScopes(params['response_type'] ?? '').sort().join(' ');
  if (responseType === '') return fail(entraErrors.missingParameter('response_type'));
  if (responseType !== 'token' && responseType !== 'id_token token') return fail(entraErrors.unsupportedResponseType(params['response_type']!));
  const scope = params['scope'] ?? '';
  const requested = splitScopes(scope).filter((s) => !OIDC_SCOPES.has(s.toLowerCase()));
  const resources = requested.map((s) => apiResource(s, app));
  if (requested.length === 0 || resources.some((r) => r === undefined)) return fail(entraErrors.invalidScope(scope));

  return {
    ok: true,
    request: {
      app,
      redirectUri,
      wantsIdToken: responseType === 'id_token token',
      grantedScope: `${resources[0]}/${UPWARD_API_SCOPE}`,
      state,
      nonce: params['nonce'],
      loginHint: params['login_hint'],
    },
  };
}

/** The redirect URI with an OAuth response in its fragment. */
export function fragmentRedirect(redirectUri: string, values: Readonly<Record<string, string | undefined>>): string {
  const fragment = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) if (v !== undefined) fragment.set(k, v);
  return `${redirectUri.split('#')[0]}#${fragment.toString()}`;
}
