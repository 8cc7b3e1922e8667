import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

/**
 * A stand-in for Upward's server and its identity provider, for tab tests that need to make the
 * API misbehave (401s, 403s, slow answers) in ways the real app will not on demand. It serves the
 * built tab from `dist/tab` exactly as the real server does, at /tab/.
 */

/** A person the mock signs in as; their profile is what /api/me returns. */
export interface MockPerson {
  readonly id: string;
  readonly displayName: string;
  readonly jobTitle: string;
  readonly department: string;
  readonly manager: { readonly id: string; readonly displayName: string; readonly jobTitle: string } | null;
  readonly timeZone: { readonly iana: string; readonly label: string };
  readonly workingHours: { readonly daysOfWeek: readonly string[]; readonly startTime: string; readonly endTime: string; readonly timeZone: string };
  readonly roles: readonly string[];
}

/** How /api/me answers. */
export type MeBehaviour = 'ok' | 'unauthorized' | 'forbidden';

/** A running mock; its counters let tests assert how often the tab asked. */
export interface MockUpward {
  readonly url: string;
  readonly tenantId: string;
  readonly clientId: string;
  readonly apiScope: string;
  readonly people: readonly MockPerson[];
  me: MeBehaviour;
  /** Milliseconds /api/me waits before answering. */
  meDelayMs: number;
  /** Every authorize request's query, in order. */
  readonly authorizeRequests: URLSearchParams[];
  /** Every /api/me request's Authorization header, in order. */
  readonly meRequests: string[];
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
};

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const send = (res: ServerResponse, status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}): void => {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...headers });
  res.end(body);
};
const json = (res: ServerResponse, status: number, body: unknown): void => send(res, status, 'application/json', JSON.stringify(body));

const PEOPLE: readonly MockPerson[] = [
  {
    id: '11111111-1111-4111-8111-111111111111',
    displayName: 'Asha Verma',
    jobTitle: 'Software Engineer',
    department: 'Engineering',
    manager: { id: '22222222-2222-4222-8222-222222222222', displayName: 'Marcus Lee', jobTitle: 'Engineering Manager' },
    timeZone: { iana: 'Asia/Kolkata', label: 'India Standard Time' },
    workingHours: { daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'], startTime: '09:00:00.0000000', endTime: '17:30:00.0000000', timeZone: 'India Standard Time' },
    roles: [],
  },
  {
    id: '33333333-3333-4333-8333-333333333333',
    displayName: 'Priya Natarajan',
    jobTitle: 'Head of Learning',
    department: 'People',
    manager: null,
    timeZone: { iana: 'Europe/London', label: 'GMT Standard Time' },
    workingHours: { daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday'], startTime: '08:00', endTime: '16:00', timeZone: 'Europe/London' },
    roles: ['Upward.ProgramAdmin'],
  },
];

async function serveTab(dist: string, path: string, res: ServerResponse): Promise<void> {
  const relative = path === '/tab/' || path === '/tab' ? 'index.html' : path.slice('/tab/'.length);
  const file = normalize(join(dist, relative));
  if (!file.startsWith(dist)) return send(res, 404, 'text/plain', 'not found');
  try {
    send(res, 200, TYPES[extname(file)] ?? 'application/octet-stream', await readFile(file));
  } catch {
    send(res, 404, 'text/plain', 'not found');
  }
}

function signInPage(query: URLSearchParams, people: readonly MockPerson[]): string {
  const hidden = ['redirect_uri', 'state']
    .map((name) => `<input type="hidden" name="${name}" value="${escapeHtml(query.get(name) ?? '')}">`)
    .join('');
  const buttons = people
    .map((p) => `<li><button type="submit" name="user" value="${p.id}">${escapeHtml(p.displayName)}</button></li>`)
    .join('');
  return `<!doctype html><html lang="en"><head><title>Mock sign-in</title></head><body><main><h1>Pick an account</h1><form method="get" action="/login/pick">${hidden}<ul>${buttons}</ul></form></main></body></html>`;
}

/** Starts the mock on an ephemeral loopback port. `dist` is the built tab folder. */
export async function startMockUpward(dist: string): Promise<MockUpward> {
  const tenantId = '5f1c0d2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f';
  const clientId = '0b7c6d5e-4f3a-4b2c-9d1e-0f1a2b3c4d5e';
  const apiScope = `api://127.0.0.1/${clientId}/access_as_user`;
  let url = '';

  const state: MockUpward = {
    get url() {
      return url;
    },
    tenantId,
    clientId,
    apiScope,
    people: PEOPLE,
    me: 'ok',
    meDelayMs: 0,
    authorizeRequests: [],
    meRequests: [],
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const requestUrl = new URL(req.url ?? '/', url);
    const path = requestUrl.pathname;
    if (path === '/tab' || path.startsWith('/tab/')) return serveTab(dist, path, res);
    if (path === '/frame.html') {
      // A parent page that is not Teams, framing the tab the way a host would.
      const src = requestUrl.searchParams.get('src') ?? '/tab/?host=teams';
      return send(res, 200, 'text/html; charset=utf-8', `<!doctype html><html lang="en"><head><title>Not Teams</title></head><body><iframe title="Upward" src="${escapeHtml(src)}" style="width:1000px;height:700px"></iframe></body></html>`);
    }
    if (path === '/api/tab-config') return json(res, 200, { tenantId, clientId, loginBaseUrl: `${url}/login`, apiScope });
    if (path === `/login/${tenantId}/oauth2/v2.0/authorize`) {
      state.authorizeRequests.push(requestUrl.searchParams);
      return send(res, 200, 'text/html; charset=utf-8', signInPage(requestUrl.searchParams, PEOPLE));
    }
    if (path === '/login/pick') {
      const q = requestUrl.searchParams;
      const fragment = new URLSearchParams({ access_token: `mock-${q.get('user') ?? ''}`, token_type: 'Bearer', expires_in: '3600', state: q.get('state') ?? '' });
      return send(res, 302, 'text/plain', '', { Location: `${q.get('redirect_uri') ?? ''}#${fragment.toString()}` });
    }
    if (path === '/api/me') {
      const authorization = req.headers.authorization ?? '';
      state.meRequests.push(authorization);
      if (state.meDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, state.meDelayMs));
      const person = PEOPLE.find((p) => authorization === `Bearer mock-${p.id}`);
      if (state.me === 'unauthorized' || person === undefined) {
        return json(res, 401, { error: { code: 'unauthenticated', message: 'The access token is missing or not valid.' } });
      }
      if (state.me === 'forbidden') {
        return json(res, 403, { error: { code: 'forbidden', message: 'Your organisation has not enabled Upward for you.' } });
      }
      const { roles, ...rest } = person;
      return json(res, 200, {
        profile: { ...rest, mail: `${person.id}@example.test`, userPrincipalName: `${person.id}@example.test`, officeLocation: null, roles },
      });
    }
    send(res, 404, 'text/plain', 'not found');
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => send(res, 500, 'text/plain', String(error)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return state;
}
