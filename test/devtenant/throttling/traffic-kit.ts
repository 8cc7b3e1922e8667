import type { DevPerson, DevTenantOptions } from '../../../src/devtenant/dev-tenant.ts';
import { mailboxSettingsRoutes } from '../../../src/devtenant/graph/mailbox-settings-routes.ts';
import { usersRoutes } from '../../../src/devtenant/graph/users-routes.ts';
import { TEST_CLIENT_ID, TEST_TENANT_ID, startTestTenant, type TestTenant } from '../test-tenant.ts';
import { appToken } from '../tokens.ts';
import { stubCalendarModule, type ProbeCall } from './stub-calendar-module.ts';

/** A less-privileged app (no directory permission) for permission failures inside batches. */
export const LIMITED_CLIENT_ID = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
export const LIMITED_SECRET = 'limited-app-secret-for-traffic-tests';

export interface Answer {
  status: number;
  headers: Headers;
  body: any;
  /** Wall-clock ms from sending to the full body. */
  ms: number;
}

/** A running tenant with the stub Outlook module, Upward's app token and HTTP helpers. */
export interface TrafficTenant {
  readonly t: TestTenant;
  readonly url: string;
  /** Upward's app-only Graph token. */
  readonly app: string;
  /** The limited app's token. */
  readonly limited: string;
  readonly secret: string;
  readonly people: readonly DevPerson[];
  /** Calls the stub module served, in completion order. */
  readonly calls: ProbeCall[];
  call(method: string, path: string, options?: { token?: string | null; body?: unknown; headers?: Record<string, string> }): Promise<Answer>;
  batch(requests: unknown[], token?: string | null): Promise<Answer>;
  /** Calls the control API; `auth` 'bearer' (default), 'header', a literal secret, or null for none. */
  admin(method: string, path: string, body?: unknown, auth?: 'bearer' | 'header' | { bearer: string } | null): Promise<Answer>;
  /** PUT /_devtenant/faults, failing the test on anything but 200. */
  setFaults(faults: unknown): Promise<void>;
  dispose(): Promise<void>;
}

async function send(url: string, init: RequestInit): Promise<Answer> {
  const started = performance.now();
  const response = await fetch(url, init);
  const text = await response.text();
  let body: any = text;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, headers: response.headers, body, ms: performance.now() - started };
}

/** Starts a small tenant (40 people) with users, mailboxSettings and the stub Outlook module. */
export async function startTrafficTenant(overrides: Partial<DevTenantOptions> = {}): Promise<TrafficTenant> {
  const calls: ProbeCall[] = [];
  const t = await startTestTenant({
    size: 40,
    graphModules: [usersRoutes, mailboxSettingsRoutes, stubCalendarModule(calls)],
    extraApps: [{ clientId: LIMITED_CLIENT_ID, clientSecret: LIMITED_SECRET, graphAppRoles: ['Calendars.Read'] }],
    ...overrides,
  });
  const url = t.tenant.url;
  const app = await appToken(url, TEST_TENANT_ID, TEST_CLIENT_ID, t.tenant.clientSecret);
  const limited = await appToken(url, TEST_TENANT_ID, LIMITED_CLIENT_ID, LIMITED_SECRET);
  const secret = t.tenant.clientSecret;

  const kit: TrafficTenant = {
    t,
    url,
    app,
    limited,
    secret,
    people: t.tenant.directory.people(TEST_TENANT_ID),
    calls,
    call(method, path, options = {}) {
      const token = options.token === undefined ? app : options.token;
      const headers: Record<string, string> = { ...(token === null ? {} : { authorization: `Bearer ${token}` }), ...options.headers };
      if (options.body !== undefined) headers['content-type'] = 'application/json';
      return send(`${url}/v1.0${path}`, {
        method,
        headers,
        ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
      });
    },
    batch(requests, token) {
      return kit.call('POST', '/$batch', { token, body: { requests } });
    },
    admin(method, path, body, auth = 'bearer') {
      const headers: Record<string, string> = {};
      if (auth === 'bearer') headers['authorization'] = `Bearer ${secret}`;
      else if (auth === 'header') headers['x-devtenant-admin'] = secret;
      else if (auth !== null) headers['authorization'] = `Bearer ${auth.bearer}`;
      if (body !== undefined) headers['content-type'] = 'application/json';
      return send(`${url}/_devtenant${path}`, { method, headers, ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }) });
    },
    async setFaults(faults) {
      const answer = await kit.admin('PUT', '/faults', faults);
      if (answer.status !== 200) throw new Error(`PUT /_devtenant/faults failed (${answer.status}): ${JSON.stringify(answer.body)}`);
    },
    dispose: () => t.dispose(),
  };
  return kit;
}

/** Counts of each status in a list. */
export function tally(statuses: readonly number[]): Record<number, number> {
  const out: Record<number, number> = {};
  for (const s of statuses) out[s] = (out[s] ?? 0) + 1;
  return out;
}
