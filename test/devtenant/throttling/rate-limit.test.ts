import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTrafficTenant, type TrafficTenant } from './traffic-kit.ts';

let k: TrafficTenant;
let clockOffsetMs = 0;

beforeAll(async () => {
  // 3 requests per 60 s per app + mailbox, on a clock the test moves.
  k = await startTrafficTenant({ now: () => new Date(Date.now() + clockOffsetMs), throttle: { requests: 3, windowMs: 60_000 } });
});
afterAll(async () => {
  await k.dispose();
});

const settings = (id: string) => k.call('GET', `/users/${id}/mailboxSettings`);

describe('per app + mailbox request rate', () => {
  it('refuses requests over the window with 429 TooManyRequests and the seconds left as Retry-After, until the window ends', async () => {
    const target = k.people[2]!;
    for (let i = 0; i < 3; i++) expect((await settings(target.id)).status).toBe(200);

    clockOffsetMs += 15_000;
    const refused = await settings(target.id);
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('TooManyRequests');
    expect(refused.body.error.message).toBe('Please retry again later.');
    expect(refused.headers.get('retry-after')).toBe('45');

    // Another mailbox has its own window.
    expect((await settings(k.people[3]!.id)).status).toBe(200);

    clockOffsetMs += 45_000;
    expect((await settings(target.id)).status).toBe(200);

    const stats = (await k.admin('GET', '/stats')).body;
    expect(stats.mailboxes.find((m: { mailbox: string }) => m.mailbox === target.id)).toMatchObject({ requests: 5, admitted: 4, throttledRate: 1 });
  });

  it('applies new limits from PUT /_devtenant/throttle', async () => {
    const target = k.people[4]!;
    const put = await k.admin('PUT', '/throttle', { requests: 1, windowMs: 60_000 });
    expect(put.status).toBe(200);
    expect(put.body).toEqual({ enabled: true, concurrency: 4, requests: 1, windowMs: 60_000, concurrencyRetryAfterSeconds: 1 });
    expect((await settings(target.id)).status).toBe(200);
    expect((await settings(target.id)).status).toBe(429);

    expect((await k.admin('PUT', '/throttle', { enabled: false })).status).toBe(200);
    expect((await settings(target.id)).status).toBe(200);
  });
});
