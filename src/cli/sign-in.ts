/**
 * Signing the CLI in as a person of the development tenant, without a browser: read the sign-in
 * parameters the running Upward publishes for its tab (`/api/tab-config`), then POST the person
 * to the tenant's authorize endpoint and take the access token from the redirect's fragment — the
 * development tenant's documented non-interactive sign-in. A real Entra ID tenant asks for a
 * password there, so this works only against the development tenant, and says so.
 */
import { ApiError } from './api-client.ts';

interface TabConfig {
  readonly tenantId: string;
  readonly clientId: string;
  readonly loginBaseUrl: string;
  readonly apiScope: string;
}

/** An API token for `person` (a UPN or a directory object id) on the Upward at `url`. */
export async function signInAs(url: string, person: string, tenant?: string): Promise<string> {
  let config: TabConfig;
  try {
    const response = await fetch(`${url}/api/tab-config`);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    config = (await response.json()) as TabConfig;
  } catch (error) {
    throw new ApiError(0, 'unreachable', `cannot reach Upward at ${url} (${(error as Error).message}); is it running? (npm start)`);
  }
  const query = new URLSearchParams({
    client_id: config.clientId,
    redirect_uri: `${url}/tab/`,
    response_type: 'token',
    scope: config.apiScope,
    state: 'upward-cli',
    nonce: 'upward-cli',
  });
  const authorize = `${config.loginBaseUrl}/${tenant ?? config.tenantId}/oauth2/v2.0/authorize?${query.toString()}`;
  const response = await fetch(authorize, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(person.includes('@') ? { login_hint: person } : { userId: person }),
    redirect: 'manual',
  }).catch((error: unknown) => {
    throw new ApiError(0, 'unreachable', `cannot reach the sign-in service at ${config.loginBaseUrl} (${(error as Error).message})`);
  });
  const location = response.headers.get('location');
  const fragment = location === null ? undefined : new URLSearchParams(new URL(location).hash.slice(1));
  const token = fragment?.get('access_token');
  if (response.status !== 302 || !token) {
    const why = fragment?.get('error_description') ?? pageText(await response.text());
    throw new ApiError(
      response.status,
      'sign_in_failed',
      `could not sign in as ${person}: ${why || `HTTP ${response.status}`} (non-interactive sign-in works only against the development tenant)`,
    );
  }
  return token;
}

/**
 * What a sign-in page says, without its head, styles or scripts: the reason a person can read.
 * Entra's reasons run to a few sentences and end with the account they are about, so they are kept
 * whole; only a page far longer than any reason is cut, at a word.
 */
function pageText(html: string): string {
  const text = html
    .replace(/<(head|style|script)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length <= PAGE_TEXT_LIMIT ? text : `${text.slice(0, text.lastIndexOf(' ', PAGE_TEXT_LIMIT))} …`;
}

const PAGE_TEXT_LIMIT = 600;
