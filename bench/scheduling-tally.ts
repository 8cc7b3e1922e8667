/**
 * Counts the requests inside every JSON batch a Graph client sends, by kind, so the benchmark can
 * say where the requests per pair go (getSchedule, creates, instances, session changes).
 */
import type { Client } from '@microsoft/microsoft-graph-client';

export type RequestKind = 'getSchedule' | 'createEvent' | 'instances' | 'patchEvent' | 'cancelEvent' | 'mailboxSettings' | 'users' | 'other';

export function kindOf(method: string, url: string): RequestKind {
  const path = url.split('?')[0]!.toLowerCase();
  if (path.endsWith('/calendar/getschedule')) return 'getSchedule';
  if (path.endsWith('/instances')) return 'instances';
  if (path.endsWith('/cancel')) return 'cancelEvent';
  if (path.endsWith('/mailboxsettings')) return 'mailboxSettings';
  if (method === 'POST' && path.endsWith('/events')) return 'createEvent';
  if (method === 'PATCH' && path.includes('/events/')) return 'patchEvent';
  if (path === '/users') return 'users';
  return 'other';
}

/** The client, with each batch member tallied into `tally` before it is sent. */
export function tallyingClient(client: Client, tally: Map<RequestKind, number>): Client {
  return new Proxy(client, {
    get(target, prop, receiver) {
      if (prop !== 'api') return Reflect.get(target, prop, receiver);
      return (path: string) => {
        const request = target.api(path);
        if (path !== '/$batch') return request;
        const post = request.post.bind(request);
        request.post = async (body: { requests: Array<{ method: string; url: string }> }) => {
          for (const r of body.requests) {
            const kind = kindOf(r.method, r.url);
            tally.set(kind, (tally.get(kind) ?? 0) + 1);
          }
          return post(body);
        };
        return request;
      };
    },
  });
}
