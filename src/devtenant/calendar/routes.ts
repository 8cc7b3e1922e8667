import { randomUUID } from 'node:crypto';
import express, { type Request, type Router } from 'express';
import { GraphError } from '../graph-error.ts';
import { handleCalendarRequest, matchCalendarRoute } from './api.ts';
import type { CalendarService } from './service.ts';
import type { CalendarAuth } from './types.ts';

/** What the calendar routes need from the host app. */
export interface CalendarRouteDeps {
  service: CalendarService;
  /** Reads the caller established by the token middleware; may throw a GraphError (e.g. 401). */
  auth: (req: Request) => CalendarAuth;
  now?: () => Date;
  /** Public origin for @odata.nextLink and Location (e.g. `http://127.0.0.1:4000`); default: the request's host. */
  baseUrl?: () => string;
}

const parseJson = express.json({ limit: '4mb', type: () => true });

/**
 * Adds the calendar endpoints (`/v1.0/me/...` and `/v1.0/users/{id}/...`: getSchedule,
 * findMeetingTimes, events, calendarView, instances and event actions) to a router; the router may
 * be mounted anywhere (paths are matched relative to it, with or without `/v1.0`). Other paths pass
 * through untouched. Bodies are parsed here unless a JSON parser already ran.
 */
export function mountCalendarRoutes(router: Router, deps: CalendarRouteDeps): void {
  router.use((req, res, next) => {
    if (!matchCalendarRoute(req.method, req.path)) return next();
    const hasBody = req.method === 'POST' || req.method === 'PATCH';
    const run = (): void => {
      const origin = deps.baseUrl ? new URL(deps.baseUrl()).origin : `${req.protocol}://${req.get('host') ?? 'localhost'}`;
      const url = `${origin}${req.originalUrl}`;
      const existingId = res.getHeader('request-id');
      const headers: Record<string, string | undefined> = {};
      for (const [name, value] of Object.entries(req.headers)) headers[name] = Array.isArray(value) ? value.join(', ') : value;
      const response = handleCalendarRequest(deps.service, () => deps.auth(req), { method: req.method, url, path: req.path, headers, body: req.body, ...(typeof existingId === 'string' ? { requestId: existingId } : {}) }, deps.now);
      if (!response) return next();
      res.status(response.status).set(response.headers);
      if (response.body === undefined) res.end();
      else res.send(JSON.stringify(response.body));
    };
    if (!hasBody || req.body !== undefined) return tryRun(run, next);
    parseJson(req, res, (error?: unknown) => {
      if (error) return writeError(res, new GraphError(400, 'BadRequest', 'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.'), deps.now);
      tryRun(run, next);
    });
  });
}

function tryRun(run: () => void, next: (error?: unknown) => void): void {
  try {
    run();
  } catch (error) {
    next(error);
  }
}

function writeError(res: express.Response, error: GraphError, now: (() => Date) | undefined): void {
  const id = randomUUID();
  res.status(error.status).set({ 'request-id': id, 'client-request-id': id }).type('application/json').send(JSON.stringify(error.body(id, undefined, (now ?? (() => new Date()))())));
}
