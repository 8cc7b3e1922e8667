import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repeatable } from '../../src/graph/connection-retry.ts';
import { createGraphClient } from '../../src/graph/graph-client.ts';

/** A Graph stand-in that drops the connection of the first request to each path, then answers. */
let server: Server;
let baseUrl: string;
const seen = new Map<string, number>();
beforeAll(async () => {
  server = createServer((req, res) => {
    const key = `${req.method} ${req.url}`;
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    req.resume();
    req.on('end', () => {
      if (count === 1) {
        req.socket.destroy();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ attempt: count }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const client = () => createGraphClient({ baseUrl, token: async () => 'token' });

describe('a Graph request whose connection drops', () => {
  it('is sent again when it is a read, and answers with the second attempt', async () => {
    const answer = await client().api('/users/u1/calendarView').get();
    expect(answer).toEqual({ attempt: 2 });
    expect(seen.get('GET /v1.0/users/u1/calendarView')).toBe(2);
  });

  it('is sent again when it creates an event with a transactionId (Graph answers a repeat with the first event)', async () => {
    const answer = await client().api('/users/u1/events').post({ subject: 'Mentoring', transactionId: 'tx-1' });
    expect(answer).toEqual({ attempt: 2 });
  });

  it('is not sent again when repeating could act twice (a cancel), and the failure reaches the caller', async () => {
    await expect(client().api('/users/u1/events/e1/cancel').post({ comment: 'no' })).rejects.toBeDefined();
    expect(seen.get('POST /v1.0/users/u1/events/e1/cancel')).toBe(1);
  });
});

describe('which requests are safe to repeat', () => {
  it('judges a batch by every member', () => {
    const create = { id: '1', method: 'POST', url: '/users/a/events', body: { transactionId: 't' } };
    const read = { id: '2', method: 'POST', url: '/users/a/calendar/getSchedule', body: {} };
    const cancel = { id: '3', method: 'POST', url: '/users/a/events/e/cancel', body: {} };
    expect(repeatable('POST', '/v1.0/$batch', JSON.stringify({ requests: [create, read] }))).toBe(true);
    expect(repeatable('POST', '/v1.0/$batch', JSON.stringify({ requests: [create, cancel] }))).toBe(false);
    expect(repeatable('POST', '/v1.0/users/a/events', JSON.stringify({ subject: 'no key' }))).toBe(false);
    expect(repeatable('PATCH', '/v1.0/users/a/events/e', '{}')).toBe(true);
  });
});
