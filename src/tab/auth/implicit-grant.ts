import type { TabConfig } from '../../contracts/tab-config.ts';

/**
 * The OAuth 2.0 implicit grant, as Entra ID's v2 endpoint speaks it. It is the one browser sign-in
 * that works from plain-http localhost (msal-browser refuses non-https authorities), and the same
 * request works against Entra ID when the app registration allows access tokens from it.
 */

/** The request's random values and where to come back to. */
export interface AuthorizeRequest {
  readonly redirectUri: string;
  readonly state: string;
  readonly nonce: string;
}

/** Builds `${loginBaseUrl}/${tenantId}/oauth2/v2.0/authorize?...` for an access token. */
export function authorizeUrl(config: TabConfig, request: AuthorizeRequest): string {
  const query = [
    ['client_id', config.clientId],
    ['response_type', 'token'],
    ['redirect_uri', request.redirectUri],
    ['scope', config.apiScope],
    ['state', request.state],
    ['nonce', request.nonce],
  ]
    .map(([name, value]) => `${name}=${encodeURIComponent(value ?? '')}`)
    .join('&');
  return `${config.loginBaseUrl.replace(/\/+$/, '')}/${encodeURIComponent(config.tenantId)}/oauth2/v2.0/authorize?${query}`;
}

/** What came back in the redirect's fragment. */
export type AuthResponse =
  | { readonly kind: 'token'; readonly accessToken: string; readonly state: string; readonly expiresInSeconds: number }
  | { readonly kind: 'error'; readonly error: string; readonly description: string; readonly state: string };

/** Reads `#access_token=...` or `#error=...`; undefined when the fragment holds neither. */
export function parseAuthResponse(hash: string): AuthResponse | undefined {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const state = params.get('state') ?? '';
  const accessToken = params.get('access_token');
  if (accessToken !== null && accessToken !== '') {
    const expiresIn = Number(params.get('expires_in'));
    // Without a usable lifetime assume an hour, Entra's usual, and let a 401 correct us.
    return { kind: 'token', accessToken, state, expiresInSeconds: Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn : 3600 };
  }
  const error = params.get('error');
  if (error !== null) {
    return { kind: 'error', error, description: params.get('error_description') ?? '', state };
  }
  return undefined;
}

/** A random URL-safe value for `state` and `nonce`. */
export function randomValue(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
