import { expect } from 'vitest';
import type { DevPerson } from '../../src/devtenant/dev-tenant.ts';
import { TEST_CLIENT_ID, TEST_REDIRECT_URI, TEST_TENANT_ID, startTestTenant, type TestTenant } from './test-tenant.ts';
import { appToken, oboToken, signIn } from './tokens.ts';

export const LIMITED_CLIENT_ID = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
export const LIMITED_SECRET = 'limited-app-secret-for-tests-only';
export const GRAPH_JSON = 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';
export const DEFAULT_KEYS = ['businessPhones', 'displayName', 'givenName', 'id', 'jobTitle', 'mail', 'mobilePhone', 'officeLocation', 'preferredLanguage', 'surname', 'userPrincipalName'];

export interface GraphAnswer {
  status: number;
  headers: Headers;
  body: Record<string, any>;
}

/** A running tenant with the tokens the Graph tests use. */
export interface GraphFixture {
  readonly t: TestTenant;
  /** Upward's app-only token. */
  readonly app: string;
  readonly people: readonly DevPerson[];
  /** The signed-in person of `apiToken` and `delegated`. */
  readonly me: DevPerson;
  readonly apiToken: string;
  /** Delegated Graph token for `me` (on-behalf-of). */
  readonly delegated: string;
  /** GET a Graph path (relative to /v1.0, or an absolute next link). */
  graph(path: string, token: string | undefined, headers?: Record<string, string>): Promise<GraphAnswer>;
  /** Moves the tenant's clock (token lifetimes) by this much. */
  setClockOffset(ms: number): void;
}

/** Starts a tenant (with a less-privileged extra app) and gets app, API and delegated tokens. */
export async function startGraphFixture(): Promise<GraphFixture> {
  let clockOffsetMs = 0;
  const t = await startTestTenant({
    now: () => new Date(Date.now() + clockOffsetMs),
    extraApps: [{ clientId: LIMITED_CLIENT_ID, clientSecret: LIMITED_SECRET, graphAppRoles: ['Calendars.Read'] }],
  });
  const app = await appToken(t.tenant.url, TEST_TENANT_ID, TEST_CLIENT_ID, t.tenant.clientSecret);
  const people = t.tenant.directory.people(TEST_TENANT_ID);
  const me = people.find((p) => p.accountEnabled && p.managerId !== null && p.depth >= 2)!;
  const apiToken = await signIn(t.tenant.url, TEST_TENANT_ID, TEST_CLIENT_ID, TEST_REDIRECT_URI, me.id);
  const delegated = await oboToken(t.tenant.url, TEST_TENANT_ID, TEST_CLIENT_ID, t.tenant.clientSecret, apiToken);
  return {
    t,
    app,
    people,
    me,
    apiToken,
    delegated,
    async graph(path, token, headers = {}) {
      const target = path.startsWith('http') ? path : `${t.tenant.url}/v1.0${path}`;
      const response = await fetch(target, { headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers } });
      const text = await response.text();
      return { status: response.status, headers: response.headers, body: text.startsWith('{') ? JSON.parse(text) : { text } };
    },
    setClockOffset(ms) {
      clockOffsetMs = ms;
    },
  };
}

/** Asserts Graph's error response: status, content type, code, message and innerError ids. */
export function expectGraphError(answer: GraphAnswer, status: number, code: string, message?: string | RegExp): void {
  expect(answer.status).toBe(status);
  expect(answer.headers.get('content-type')).toBe(GRAPH_JSON);
  expect(answer.body['error']['code']).toBe(code);
  if (typeof message === 'string') expect(answer.body['error']['message']).toBe(message);
  if (message instanceof RegExp) expect(answer.body['error']['message']).toMatch(message);
  const inner = answer.body['error']['innerError'];
  expect(inner['request-id']).toBe(answer.headers.get('request-id'));
  expect(inner['date']).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
}
