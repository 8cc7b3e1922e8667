import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DevPerson, DevTenantOptions } from '../../../src/devtenant/dev-tenant.ts';
import { TEST_CLIENT_ID, TEST_TENANT_ID, startTestTenant, type TestTenant } from '../test-tenant.ts';
import { appToken } from '../tokens.ts';

/** Upward's Teams app (manifest id) in the test tenant's catalog. */
export const TEST_TEAMS_APP_ID = '7e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b';
export const OTHER_BOT_ID = 'cccccccc-dddd-4eee-8fff-000000000000';
export const OTHER_BOT_SECRET = 'other-bot-secret-for-connector-tests';

export interface Answer {
  status: number;
  headers: Headers;
  body: any;
}

async function send(url: string, init: RequestInit): Promise<Answer> {
  const response = await fetch(url, init);
  const text = await response.text();
  let body: any = text;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, headers: response.headers, body };
}

/** A bot endpoint that records what it is posted and answers 200. */
export interface StubBot {
  readonly endpoint: string;
  readonly activities: any[];
  close(): Promise<void>;
}

export async function startStubBot(): Promise<StubBot> {
  const activities: any[] = [];
  const server: Server = createServer((req, res) => {
    let data = '';
    req.on('data', (chunk: Buffer) => (data += chunk.toString()));
    req.on('end', () => {
      activities.push(JSON.parse(data));
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}/api/messages`,
    activities,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A tenant with Upward's Teams app in its catalog, tokens and HTTP helpers for Graph, the connector and its control API. */
export interface ConnectorTenant {
  readonly t: TestTenant;
  readonly url: string;
  readonly people: readonly DevPerson[];
  /** Upward's app-only Graph token and its Bot Framework token. */
  readonly graphToken: string;
  readonly botToken: string;
  /** Another registered app's Bot Framework token (a different bot). */
  readonly otherBotToken: string;
  graph(method: string, path: string, body?: unknown, token?: string): Promise<Answer>;
  connector(method: string, path: string, body?: unknown, token?: string | null): Promise<Answer>;
  admin(method: string, path: string, body?: unknown, secret?: string | null): Promise<Answer>;
  /** Installs Upward for a person through Graph and returns the Bot Framework id of their 1:1 chat with the bot. */
  install(person: DevPerson): Promise<string>;
  dispose(): Promise<void>;
}

export async function tokenFor(url: string, clientId: string, secret: string, scope: string): Promise<string> {
  const response = await fetch(`${url}/${TEST_TENANT_ID}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret, scope }),
  });
  const body = (await response.json()) as { access_token?: string; error_description?: string };
  if (!body.access_token) throw new Error(`token request failed: ${body.error_description}`);
  return body.access_token;
}

export async function startConnectorTenant(overrides: Partial<DevTenantOptions> = {}): Promise<ConnectorTenant> {
  const t = await startTestTenant({
    size: 60,
    teamsApp: { id: TEST_TEAMS_APP_ID },
    ...overrides,
    extraApps: [{ clientId: OTHER_BOT_ID, clientSecret: OTHER_BOT_SECRET }, ...(overrides.extraApps ?? [])],
  });
  const url = t.tenant.url;
  const secret = t.tenant.clientSecret;
  const graphToken = await appToken(url, TEST_TENANT_ID, TEST_CLIENT_ID, secret);
  const botToken = await tokenFor(url, TEST_CLIENT_ID, secret, 'https://api.botframework.com/.default');
  const otherBotToken = await tokenFor(url, OTHER_BOT_ID, OTHER_BOT_SECRET, 'https://api.botframework.com/.default');
  const json = (token: string | null, body: unknown): RequestInit => ({
    headers: { ...(token === null ? {} : { authorization: `Bearer ${token}` }), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  let catalogId: string | undefined;
  const kit: ConnectorTenant = {
    t,
    url,
    people: t.tenant.directory.people(TEST_TENANT_ID),
    graphToken,
    botToken,
    otherBotToken,
    graph: (method, path, body, token = graphToken) => send(`${url}/v1.0${path}`, { method, ...json(token, body) }),
    connector: (method, path, body, token = botToken) => send(`${url}${path}`, { method, ...json(token, body) }),
    admin: (method, path, body, adminSecret = secret) => send(`${url}/_devtenant/connector${path}`, { method, ...json(adminSecret, body) }),
    async install(person) {
      if (catalogId === undefined) {
        const catalog = await kit.graph('GET', `/appCatalogs/teamsApps?$filter=externalId eq '${TEST_TEAMS_APP_ID}'`);
        catalogId = catalog.body.value[0].id as string;
      }
      const installed = await kit.graph('POST', `/users/${person.id}/teamwork/installedApps`, {
        'teamsApp@odata.bind': `https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/${catalogId}`,
      });
      if (installed.status !== 201) throw new Error(`install failed: ${installed.status} ${JSON.stringify(installed.body)}`);
      // Read in process rather than through POST /v3/conversations, which would count against the limits under test.
      const botId = t.tenant.teams.catalog(TEST_TENANT_ID)[0]!.botId;
      return t.tenant.teams.chatOf({ tenantId: TEST_TENANT_ID, userId: person.id, app: { botId } }).id;
    },
    dispose: () => t.dispose(),
  };
  return kit;
}

/** A message activity with an Adaptive Card. */
export const cardMessage = (title: string) => ({
  type: 'message',
  summary: title,
  attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: title }] } }],
});
