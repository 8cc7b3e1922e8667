import type { Context, Middleware } from '@microsoft/microsoft-graph-client';

/**
 * Sends a request again when the connection failed under it (the server closed a kept-alive
 * socket as the request went out, a reset on the way): the library's RetryHandler only retries
 * answers (429/503/504), and a dropped connection is no answer. Only requests that are safe to
 * send twice are repeated: reads, PATCH/PUT/DELETE (absolute), getSchedule and findMeetingTimes
 * (reads by POST), an event create carrying a `transactionId` (Graph answers a repeat with the
 * first event), and a `$batch` made only of those. Anything else (a cancel, a message) fails as
 * it did, so its caller decides.
 */
export class ConnectionRetryMiddleware implements Middleware {
  private next: Middleware | undefined;
  private readonly retries: number;
  private readonly delayMs: number;

  constructor(retries = 2, delayMs = 200) {
    this.retries = retries;
    this.delayMs = delayMs;
  }

  async execute(context: Context): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        await this.next!.execute(context);
        return;
      } catch (error) {
        if (attempt >= this.retries || !isDroppedConnection(error) || !safeToRepeat(context)) throw error;
        await new Promise((resolve) => setTimeout(resolve, this.delayMs * (attempt + 1)));
      }
    }
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

/** Codes of a connection that went away under a request (undici's and the OS's). */
const DROPPED = new Set(['UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'ECONNRESET', 'EPIPE']);

/** Whether fetch failed because the connection dropped (not a refused connection, a bad URL, an abort). */
export function isDroppedConnection(error: unknown): boolean {
  if (!(error instanceof TypeError)) return false;
  const code = (error.cause as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && DROPPED.has(code);
}

function safeToRepeat(context: Context): boolean {
  const url = typeof context.request === 'string' ? context.request : context.request.url;
  const method = (context.options?.method ?? 'GET').toUpperCase();
  return repeatable(method, new URL(url).pathname, context.options?.body);
}

/** The rule above for one request; a batch's members are judged one by one. */
export function repeatable(method: string, path: string, body: unknown): boolean {
  if (method !== 'POST') return true;
  if (/\/(getSchedule|findMeetingTimes)$/u.test(path)) return true;
  const json = parseJson(body);
  if (/\/\$batch$/u.test(path)) {
    const requests = (json as { requests?: unknown } | undefined)?.requests;
    return Array.isArray(requests) && requests.every((r: { method?: unknown; url?: unknown; body?: unknown }) =>
      typeof r.method === 'string' && typeof r.url === 'string' && repeatable(r.method.toUpperCase(), r.url.split('?')[0] ?? '', r.body));
  }
  return /\/events$/u.test(path) && typeof (json as { transactionId?: unknown } | undefined)?.transactionId === 'string';
}

function parseJson(body: unknown): unknown {
  if (typeof body === 'object' && body !== null) return body;
  if (typeof body !== 'string') return undefined;
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}
