import { UpwardError } from '../core/errors.ts';

export interface AppTokenProviderOptions {
  readonly loginBaseUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** Resource whose `.default` scope is requested, e.g. https://graph.microsoft.com. */
  readonly resource: string;
  readonly fetch?: typeof fetch;
  readonly now?: () => number;
}

/** App-only access tokens, one cache entry per tenant. */
export interface AppTokenProvider {
  getToken(tenantId: string): Promise<string>;
}

const REFRESH_MARGIN_MS = 5 * 60_000;

/**
 * OAuth2 client-credentials grant against `{loginBaseUrl}/{tenant}/oauth2/v2.0/token`.
 *
 * Written here instead of taking @azure/msal-node because MSAL refuses any authority that is not
 * https (`authority_uri_insecure`), and the development tenant runs on http://127.0.0.1; the
 * grant itself is one form POST, identical for Entra ID and the development tenant.
 */
export function createAppTokenProvider(options: AppTokenProviderOptions): AppTokenProvider {
  const doFetch = options.fetch ?? fetch;
  const now = options.now ?? Date.now;
  const cache = new Map<string, { token: string; expiresAt: number }>();
  const inFlight = new Map<string, Promise<string>>();

  const acquire = async (tenantId: string): Promise<string> => {
    const body = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: options.clientId,
      client_secret: options.clientSecret,
      scope: `${options.resource}/.default`,
    });
    const response = await doFetch(`${options.loginBaseUrl}/${encodeURIComponent(tenantId)}/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    }).catch((cause: unknown) => {
      throw new UpwardError('unavailable', `cannot reach the token endpoint at ${options.loginBaseUrl} (${String(cause)})`);
    });
    const json = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    if (!response.ok || typeof json['access_token'] !== 'string') {
      const code = typeof json['error'] === 'string' ? json['error'] : `HTTP ${response.status}`;
      const description = typeof json['error_description'] === 'string' ? `: ${json['error_description'].split('\n')[0]}` : '';
      throw new UpwardError('upstream', `token request for tenant ${tenantId} failed (${code})${description}`);
    }
    const lifetimeMs = Number(json['expires_in'] ?? 3600) * 1000;
    cache.set(tenantId, { token: json['access_token'], expiresAt: now() + lifetimeMs });
    return json['access_token'];
  };

  return {
    async getToken(tenantId) {
      const cached = cache.get(tenantId);
      if (cached && cached.expiresAt - REFRESH_MARGIN_MS > now()) return cached.token;
      // Concurrent callers share one request instead of each asking for a token.
      let pending = inFlight.get(tenantId);
      if (!pending) {
        pending = acquire(tenantId).finally(() => inFlight.delete(tenantId));
        inFlight.set(tenantId, pending);
      }
      return pending;
    },
  };
}
