import express from 'express';
import type { AddressInfo } from 'node:net';
import { createCalendarService, mountCalendarRoutes, type CalendarAuth, type CalendarDirectory, type CalendarPerson, type CalendarService } from '../../../src/devtenant/calendar/index.ts';

/** Test helpers: a small directory, fake callers, and the routes on a throwaway express app. */

export const TENANT = '11111111-1111-4111-8111-111111111111';
export const OTHER_TENANT = '22222222-2222-4222-8222-222222222222';
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'];

export function person(id: string, fields: Partial<CalendarPerson> = {}): CalendarPerson {
  return {
    id, userPrincipalName: `${id}@contoso.test`, mail: `${id}@contoso.test`, displayName: id[0]!.toUpperCase() + id.slice(1),
    timeZone: 'Europe/Berlin', mailboxTimeZone: 'W. Europe Standard Time',
    workingHours: { daysOfWeek: WEEKDAYS, startTime: '09:00', endTime: '17:00' }, seniority: 5, tenantId: TENANT, ...fields,
  };
}

/** alice (Berlin, senior), bob (New York, junior), carol (Kolkata), dave (Los Angeles, executive), erin (Berlin, new joiner). */
export function standardPeople(): CalendarPerson[] {
  return [
    person('alice', { seniority: 8 }),
    person('bob', { timeZone: 'America/New_York', mailboxTimeZone: 'Eastern Standard Time', seniority: 2, workingHours: { daysOfWeek: WEEKDAYS, startTime: '08:30', endTime: '17:00' } }),
    person('carol', { timeZone: 'Asia/Kolkata', mailboxTimeZone: 'India Standard Time', seniority: 5, workingHours: { daysOfWeek: WEEKDAYS, startTime: '10:00', endTime: '18:30' } }),
    person('dave', { timeZone: 'America/Los_Angeles', mailboxTimeZone: 'America/Los_Angeles', seniority: 10 }),
    person('erin', { seniority: 1 }),
  ];
}

export function directoryOf(people: CalendarPerson[]): CalendarDirectory {
  const byKey = new Map<string, CalendarPerson>();
  for (const p of people) for (const key of [p.id, p.userPrincipalName, p.mail]) byKey.set(`${p.tenantId}|${key.toLowerCase()}`, p);
  return {
    byIdOrAddress: (tenantId, idOrAddress) => byKey.get(`${tenantId}|${idOrAddress.toLowerCase()}`),
    all: (tenantId) => people.filter((p) => p.tenantId === tenantId),
  };
}

/** A fixed clock: Monday 2 March 2026, 08:00 UTC. */
export const NOW = new Date('2026-03-02T08:00:00Z');

export function makeService(people: CalendarPerson[] = standardPeople(), seed = 42): CalendarService {
  return createCalendarService({ directory: directoryOf(people), seed, now: () => NOW });
}

export const app = (roles: string[] = ['Calendars.ReadWrite']): CalendarAuth => ({ tenantId: TENANT, kind: 'app', roles, scopes: [] });
export const delegated = (userId: string, scopes: string[] = ['Calendars.ReadWrite']): CalendarAuth => ({ tenantId: TENANT, kind: 'delegated', userId, roles: [], scopes });

export interface TestServer {
  url: string;
  service: CalendarService;
  close(): Promise<void>;
  /** Sends a request as the given caller. */
  call(auth: CalendarAuth, method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; headers: Headers; body: any }>;
}

/** The calendar routes on an ephemeral loopback port; the caller travels in a test header. */
export async function startServer(service: CalendarService = makeService()): Promise<TestServer> {
  const application = express();
  const router = express.Router();
  mountCalendarRoutes(router, {
    service,
    auth: (req) => JSON.parse(Buffer.from(String(req.headers['x-test-auth']), 'base64url').toString('utf8')) as CalendarAuth,
    now: () => NOW,
  });
  application.use(router);
  application.use((_req, res) => res.status(404).json({ error: { code: 'NotCalendar' } }));
  const server = application.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    service,
    close: () => new Promise((resolve) => server.close(() => resolve())),
    call: async (auth, method, path, body, headers = {}) => {
      const response = await fetch(path.startsWith('http') ? path : `${url}${path}`, {
        method,
        headers: { 'x-test-auth': Buffer.from(JSON.stringify(auth)).toString('base64url'), ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
        ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
      });
      const text = await response.text();
      return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
    },
  };
}

/** A dateTimeTimeZone. */
export const dt = (dateTime: string, timeZone = 'UTC') => ({ dateTime, timeZone });

/** Collects every page of a listing by following @odata.nextLink. */
export async function allPages(server: TestServer, auth: CalendarAuth, path: string, headers: Record<string, string> = {}): Promise<{ items: any[]; pages: number }> {
  const items: any[] = [];
  let next: string | undefined = path;
  let pages = 0;
  while (next) {
    const res = await server.call(auth, 'GET', next, undefined, headers);
    if (res.status !== 200) throw new Error(`page ${pages} failed: ${res.status} ${JSON.stringify(res.body)}`);
    items.push(...res.body.value);
    next = res.body['@odata.nextLink'];
    pages++;
    if (pages > 500) throw new Error('paging does not end');
  }
  return { items, pages };
}
