/**
 * Test helpers that obtain tokens from a development tenant the way Upward's production code
 * and a browser do: plain HTTP against its token and authorize endpoints.
 */

async function tokenRequest(tenantUrl: string, tenantId: string, form: Record<string, string>): Promise<string> {
  const response = await fetch(`${tenantUrl}/${tenantId}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form),
  });
  const body = (await response.json()) as { access_token?: string; error_description?: string };
  if (!response.ok || typeof body.access_token !== 'string') {
    throw new Error(`token request failed (${response.status}): ${body.error_description ?? JSON.stringify(body)}`);
  }
  return body.access_token;
}

/** An app-only Graph token (client credentials). */
export function appToken(tenantUrl: string, tenantId: string, clientId: string, secret: string): Promise<string> {
  return tokenRequest(tenantUrl, tenantId, {
    grant_type: 'client_credentials',
    client_id: clientId,
    client_secret: secret,
    scope: 'https://graph.microsoft.com/.default',
  });
}

/** A delegated Graph token for the user of `apiToken` (on-behalf-of). */
export function oboToken(tenantUrl: string, tenantId: string, clientId: string, secret: string, apiToken: string): Promise<string> {
  return tokenRequest(tenantUrl, tenantId, {
    grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
    client_id: clientId,
    client_secret: secret,
    assertion: apiToken,
    scope: 'https://graph.microsoft.com/.default',
    requested_token_use: 'on_behalf_of',
  });
}

/** The URL of the development sign-in for these parameters (what the tab would navigate to). */
export function authorizeUrl(tenantUrl: string, tenantId: string, clientId: string, redirectUri: string, scope: string, extra: Record<string, string> = {}): string {
  const query = new URLSearchParams({ client_id: clientId, redirect_uri: redirectUri, response_type: 'token', scope, state: 'test-state', nonce: 'test-nonce', ...extra });
  return `${tenantUrl}/${tenantId}/oauth2/v2.0/authorize?${query.toString()}`;
}

/**
 * Signs in as a seeded person without a browser and returns the access token for Upward's API
 * from the redirect's fragment. `userIdOrUpn` is an object id or a UPN.
 */
export async function signIn(
  tenantUrl: string,
  tenantId: string,
  clientId: string,
  redirectUri: string,
  userIdOrUpn: string,
  scope = `${clientId}/access_as_user`,
): Promise<string> {
  const response = await fetch(authorizeUrl(tenantUrl, tenantId, clientId, redirectUri, scope), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(userIdOrUpn.includes('@') ? { login_hint: userIdOrUpn } : { userId: userIdOrUpn }),
    redirect: 'manual',
  });
  const location = response.headers.get('location');
  if (response.status !== 302 || location === null) throw new Error(`sign-in failed (${response.status}): ${await response.text()}`);
  const fragment = new URLSearchParams(new URL(location).hash.slice(1));
  const token = fragment.get('access_token');
  if (token === null) throw new Error(`sign-in redirected without a token: ${location}`);
  return token;
}
