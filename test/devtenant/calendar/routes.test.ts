import express from 'express';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { handleCalendarRequest, mountCalendarRoutes } from '../../../src/devtenant/calendar/index.ts';
import { GraphError } from '../../../src/devtenant/graph-error.ts';
import { app, delegated, dt, makeService, NOW } from './fixtures.ts';

describe('mounting and the batch seam', () => {
  it('works on a router mounted at /v1.0, and its nextLinks lead back to it', async () => {
    const service = makeService();
    const application = express();
    application.use(express.json());
    const router = express.Router();
    mountCalendarRoutes(router, { service, auth: () => app(), now: () => NOW });
    application.use('/v1.0', router);
    const server = application.listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const first = await (await fetch(`${base}/v1.0/users/alice/calendarView?startDateTime=2026-03-02T00:00:00Z&endDateTime=2026-03-09T00:00:00Z`)).json() as any;
      expect(first.value).toHaveLength(10);
      expect(first['@odata.nextLink']).toMatch(new RegExp(`^${base}/v1\\.0/users/alice/calendarView\\?`));
      const second = await (await fetch(first['@odata.nextLink'])).json() as any;
      expect(second.value.length).toBeGreaterThan(0);
      expect(second.value[0].id).not.toBe(first.value[0].id);
      const created = await fetch(`${base}/v1.0/users/alice/events`, {
        method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ subject: 'Parsed upstream', start: dt('2026-03-03T10:00:00'), end: dt('2026-03-03T11:00:00') }),
      });
      expect(created.status).toBe(201);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('answers plain requests without HTTP (for $batch) and ignores other paths', () => {
    const service = makeService();
    const post = handleCalendarRequest(service, () => delegated('alice'), {
      method: 'POST', url: 'https://graph.microsoft.com/v1.0/me/events', headers: { prefer: 'outlook.timezone="Pacific Standard Time"' },
      body: { subject: 'From a batch', start: dt('2026-03-03T10:00:00'), end: dt('2026-03-03T11:00:00') },
    });
    expect(post?.status).toBe(201);
    expect((post?.body as any).start).toEqual({ dateTime: '2026-03-03T02:00:00.0000000', timeZone: 'Pacific Standard Time' });
    expect(post?.headers['preference-applied']).toBe('outlook.timezone="Pacific Standard Time"');
    const bad = handleCalendarRequest(service, () => app(), { method: 'GET', url: 'https://graph.microsoft.com/v1.0/users/alice/calendarView', headers: {}, body: undefined });
    expect(bad?.status).toBe(400);
    expect((bad?.body as any).error.code).toBe('ErrorInvalidParameter');
    expect(handleCalendarRequest(service, () => app(), { method: 'GET', url: 'https://graph.microsoft.com/v1.0/users/alice', headers: {}, body: undefined })).toBeUndefined();
  });

  it('turns a GraphError thrown by the auth function into its response', () => {
    const service = makeService();
    const res = handleCalendarRequest(service, () => { throw new GraphError(401, 'InvalidAuthenticationToken', 'Access token is empty.'); }, {
      method: 'GET', url: 'https://graph.microsoft.com/v1.0/me/events', headers: { 'client-request-id': 'abc' }, body: undefined,
    });
    expect(res?.status).toBe(401);
    expect((res?.body as any).error).toMatchObject({ code: 'InvalidAuthenticationToken', innerError: { 'client-request-id': 'abc' } });
  });
});
