import { randomUUID } from 'node:crypto';
import { GraphError } from '../graph-error.ts';
import type { Page } from './calendar-view.ts';
import type { MeetingResponse } from './event-actions.ts';
import { parsePrefer } from './prefer.ts';
import type { CalendarService } from './service.ts';
import type { CalendarAuth } from './types.ts';

/**
 * The calendar's HTTP surface as a pure function of a plain request: the Express routes call it,
 * and a `$batch` handler can call it for each sub-request. Only GraphErrors become error
 * responses; anything else is a bug and is rethrown.
 */

export interface CalendarHttpRequest {
  method: string;
  /** Absolute URL as received (`http://host/v1.0/users/x/calendarView?...`); links are built from it. */
  url: string;
  /**
   * The path relative to the Graph root (`/v1.0/me/events` or `/me/events`), when the URL carries a
   * mount prefix; defaults to the URL's path.
   */
  path?: string;
  /** Lower-case header names. */
  headers: Record<string, string | undefined>;
  body: unknown;
  /** The request id already given to this request by the host's pipeline, if any. */
  requestId?: string;
}

export interface CalendarHttpResponse {
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

type Handler = (ctx: {
  service: CalendarService; auth: CalendarAuth; mailbox: string; eventId: string; query: URLSearchParams; body: unknown;
  timeZone?: string; maxPageSize?: number;
}) => { status: number; body?: unknown; page?: Page; location?: string };

interface Route {
  method: string;
  /** Segments after the mailbox; `{id}` is the event id; fixed segments compare case-insensitively. */
  pattern: string[];
  handler: Handler;
}

const view = (query: URLSearchParams) => ({
  ...(query.get('startDateTime') !== null ? { startDateTime: query.get('startDateTime')! } : {}),
  ...(query.get('endDateTime') !== null ? { endDateTime: query.get('endDateTime')! } : {}),
  ...(query.get('$top') !== null ? { top: query.get('$top')! } : {}),
  ...(query.get('$skip') !== null ? { skip: query.get('$skip')! } : {}),
  ...(query.get('$select') !== null ? { select: query.get('$select')! } : {}),
});
const zoneOf = (c: { timeZone?: string }) => (c.timeZone === undefined ? {} : { timeZone: c.timeZone });
const pageOpts = (c: { timeZone?: string; maxPageSize?: number }) => ({ ...zoneOf(c), ...(c.maxPageSize === undefined ? {} : { maxPageSize: c.maxPageSize }) });
const respond = (action: MeetingResponse): Handler => (c) => {
  c.service.respondToEvent(c.auth, c.mailbox, c.eventId, action, c.body);
  return { status: 202 };
};

/** The path segments the calendar serves (for a host that reports unknown segments itself). */
export const CALENDAR_SEGMENTS: readonly string[] = [
  'calendar', 'getSchedule', 'findMeetingTimes', 'events', 'calendarView', 'instances', 'cancel', 'accept', 'decline', 'tentativelyAccept',
];

const ROUTES: Route[] = [
  { method: 'POST', pattern: ['calendar', 'getSchedule'], handler: (c) => ({ status: 200, body: { value: c.service.getSchedule(c.auth, c.mailbox, c.body, zoneOf(c)) } }) },
  { method: 'POST', pattern: ['findMeetingTimes'], handler: (c) => ({ status: 200, body: c.service.findMeetingTimes(c.auth, c.mailbox, c.body, zoneOf(c)) }) },
  ...['events', 'calendar/events'].flatMap((prefix): Route[] => {
    const p = prefix.split('/');
    return [
      { method: 'POST', pattern: p, handler: (c) => {
        const event = c.service.createEvent(c.auth, c.mailbox, c.body, zoneOf(c));
        return { status: 201, body: event, location: `events('${String(event.id)}')` };
      } },
      { method: 'GET', pattern: p, handler: (c) => ({ status: 200, page: c.service.listEvents(c.auth, c.mailbox, view(c.query), pageOpts(c)) }) },
      { method: 'GET', pattern: [...p, '{id}'], handler: (c) => ({ status: 200, body: c.service.getEvent(c.auth, c.mailbox, c.eventId, { ...zoneOf(c), ...(c.query.get('$select') ? { select: c.query.get('$select')! } : {}) }) }) },
      { method: 'PATCH', pattern: [...p, '{id}'], handler: (c) => ({ status: 200, body: c.service.updateEvent(c.auth, c.mailbox, c.eventId, c.body, zoneOf(c)) }) },
      { method: 'DELETE', pattern: [...p, '{id}'], handler: (c) => {
        c.service.deleteEvent(c.auth, c.mailbox, c.eventId);
        return { status: 204 };
      } },
      { method: 'POST', pattern: [...p, '{id}', 'cancel'], handler: (c) => {
        c.service.cancelEvent(c.auth, c.mailbox, c.eventId, c.body);
        return { status: 202 };
      } },
      { method: 'POST', pattern: [...p, '{id}', 'accept'], handler: respond('accept') },
      { method: 'POST', pattern: [...p, '{id}', 'decline'], handler: respond('decline') },
      { method: 'POST', pattern: [...p, '{id}', 'tentativelyAccept'], handler: respond('tentativelyAccept') },
      { method: 'GET', pattern: [...p, '{id}', 'instances'], handler: (c) => ({ status: 200, page: c.service.eventInstances(c.auth, c.mailbox, c.eventId, view(c.query), pageOpts(c)) }) },
    ];
  }),
  ...['calendarView', 'calendar/calendarView'].map((prefix): Route => ({
    method: 'GET', pattern: prefix.split('/'), handler: (c) => ({ status: 200, page: c.service.calendarView(c.auth, c.mailbox, view(c.query), pageOpts(c)) }),
  })),
];

export interface RouteMatch {
  mailbox: string;
  eventId: string;
  route?: Route;
  /** The path is a calendar path but not for this method. */
  methodNotAllowed: boolean;
}

/** Matches `/v1.0/me/...` or `/v1.0/users/{id}/...` (the `/v1.0` prefix is optional) to a calendar route. */
export function matchCalendarRoute(method: string, path: string): RouteMatch | undefined {
  const segments = path.split('/').filter(Boolean).map((s) => decodeURIComponent(s));
  if (segments[0]?.toLowerCase() === 'v1.0') segments.shift();
  let mailbox: string;
  if (segments[0]?.toLowerCase() === 'me') {
    mailbox = 'me';
    segments.shift();
  } else if (segments[0]?.toLowerCase() === 'users' && segments[1]) {
    mailbox = segments[1];
    segments.splice(0, 2);
  } else {
    return undefined;
  }
  let pathMatched = false;
  for (const route of ROUTES) {
    if (route.pattern.length !== segments.length) continue;
    let eventId = '';
    const ok = route.pattern.every((part, i) => {
      if (part === '{id}') {
        eventId = segments[i]!;
        return true;
      }
      return part.toLowerCase() === segments[i]!.toLowerCase();
    });
    if (!ok) continue;
    pathMatched = true;
    if (route.method === method.toUpperCase()) return { mailbox, eventId, route, methodNotAllowed: false };
  }
  return pathMatched ? { mailbox, eventId: '', methodNotAllowed: true } : undefined;
}

const JSON_TYPE = 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

/**
 * Handles one calendar request, or returns undefined when the path is not a calendar path (so the
 * caller can pass it on). `auth` is called only for calendar paths and may throw a GraphError.
 */
export function handleCalendarRequest(
  service: CalendarService,
  auth: () => CalendarAuth,
  request: CalendarHttpRequest,
  now: () => Date = () => new Date(),
): CalendarHttpResponse | undefined {
  const url = new URL(request.url);
  const match = matchCalendarRoute(request.method, request.path ?? url.pathname);
  if (!match) return undefined;
  const requestId = request.requestId ?? randomUUID();
  const clientRequestId = request.headers['client-request-id'];
  const headers: Record<string, string> = { 'request-id': requestId, 'client-request-id': clientRequestId ?? requestId };
  try {
    if (!match.route) throw new GraphError(405, 'BadRequest', `The HTTP method '${request.method}' is not allowed for this resource.`);
    const prefer = parsePrefer(request.headers.prefer);
    const result = match.route.handler({
      service, auth: auth(), mailbox: match.mailbox, eventId: match.eventId, query: url.searchParams, body: request.body,
      ...(prefer.timeZone === undefined ? {} : { timeZone: prefer.timeZone }),
      ...(prefer.maxPageSize === undefined ? {} : { maxPageSize: prefer.maxPageSize }),
    });
    const applied: string[] = [];
    if (prefer.timeZone !== undefined && (result.body !== undefined || result.page)) applied.push(`outlook.timezone="${prefer.timeZone}"`);
    if (result.page?.appliedMaxPageSize !== undefined) applied.push(`odata.maxpagesize=${result.page.appliedMaxPageSize}`);
    if (applied.length > 0) headers['preference-applied'] = applied.join(',');
    if (result.location) headers.location = `${url.origin}${url.pathname.replace(/\/(calendar\/)?events$/i, '')}/${result.location}`;
    if (result.body === undefined && !result.page) return { status: result.status, headers };
    headers['content-type'] = JSON_TYPE;
    return { status: result.status, headers, body: result.page ? pageBody(url, result.page) : result.body };
  } catch (error) {
    if (!(error instanceof GraphError)) throw error;
    return { status: error.status, headers: { ...headers, ...error.headers, 'content-type': JSON_TYPE }, body: error.body(requestId, clientRequestId, now()) };
  }
}

function pageBody(url: URL, page: Page): object {
  if (page.nextSkip === undefined) return { value: page.value };
  const next = new URL(url);
  next.searchParams.set('$skip', String(page.nextSkip));
  return { value: page.value, '@odata.nextLink': next.toString() };
}
