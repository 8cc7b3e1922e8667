import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTrafficTenant, tally, type TrafficTenant } from './traffic-kit.ts';

let k: TrafficTenant;

beforeAll(async () => {
  // The rate limit would end a long run with 429s of its own; this file is about injected faults.
  k = await startTrafficTenant({ throttle: { enabled: false } });
});
afterAll(async () => {
  await k.dispose();
});

const RANDOM = (seed: number) => ({ seed, errors: { rate429: 0.1, rate503: 0.1, rate504: 0.1, retryAfterSeconds: 0 } });

/** Statuses of `count` sequential requests to a mailbox's settings. */
async function run(mailbox: string, count: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < count; i++) out.push((await k.call('GET', `/users/${mailbox}/mailboxSettings`)).status);
  return out;
}

describe('seeded faults', () => {
  it('replays the same statuses for the same seed over 200 requests, and different ones for another seed', async () => {
    const mailbox = k.people[1]!.id;
    await k.setFaults(RANDOM(42));
    const first = await run(mailbox, 200);
    await k.setFaults(RANDOM(42));
    const again = await run(mailbox, 200);
    await k.setFaults(RANDOM(43));
    const other = await run(mailbox, 200);

    expect(again).toEqual(first);
    expect(other).not.toEqual(first);
    const counts = tally(first);
    // About 30% faults, spread over the three statuses.
    expect(counts[200]).toBeGreaterThan(110);
    expect(counts[200]).toBeLessThan(175);
    for (const status of [429, 503, 504]) expect(counts[status]).toBeGreaterThan(5);
  });

  it('numbers each mailbox on its own, so traffic to another mailbox does not shift its faults', async () => {
    const [a, b] = [k.people[2]!.id, k.people[3]!.id];
    await k.setFaults(RANDOM(7));
    const alone = await run(a, 40);
    await k.setFaults(RANDOM(7));
    const interleaved: number[] = [];
    for (let i = 0; i < 40; i++) {
      interleaved.push((await k.call('GET', `/users/${a}/mailboxSettings`)).status);
      await k.call('GET', `/users/${b}/mailboxSettings`);
    }
    expect(interleaved).toEqual(alone);
  });

  it('sends Graph-shaped bodies: TooManyRequests with Retry-After, ServiceUnavailable, GatewayTimeout', async () => {
    await k.setFaults({ seed: 1, errors: { rate429: 0.34, rate503: 0.33, rate504: 0.33, retryAfterSeconds: 2.5 } });
    const seen = new Map<number, { code: string; retryAfter: string | null }>();
    for (let i = 0; i < 40 && seen.size < 3; i++) {
      const answer = await k.call('GET', `/users/${k.people[4]!.id}/mailboxSettings`);
      seen.set(answer.status, { code: answer.body.error.code, retryAfter: answer.headers.get('retry-after') });
    }
    expect(seen.get(429)).toEqual({ code: 'TooManyRequests', retryAfter: '2.5' });
    expect(seen.get(503)).toEqual({ code: 'ServiceUnavailable', retryAfter: '2.5' });
    expect(seen.get(504)).toEqual({ code: 'GatewayTimeout', retryAfter: null });
  });

  it('fails exactly the n-th request to a route pattern, counting ids and UPNs alike', async () => {
    await k.setFaults({ nth: [{ route: 'POST /users/{id}/calendar/getSchedule', n: 7, status: 503 }] });
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) {
      const who = i % 2 === 0 ? k.people[5]!.id : k.people[6]!.userPrincipalName;
      statuses.push((await k.call('POST', `/users/${who}/calendar/getSchedule`, { body: {} })).status);
      // Other routes do not count.
      await k.call('GET', `/users/${who}/mailboxSettings`);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 503, 200, 200, 200]);

    await k.setFaults({ nth: [{ route: '/users/*/mailboxSettings', n: 3, status: 429, repeat: true, retryAfterSeconds: 0 }] });
    const repeated = await run(k.people[7]!.id, 9);
    expect(repeated).toEqual([200, 200, 429, 200, 200, 429, 200, 200, 429]);
  });

  it('applies faults to directory calls only with scope "all"', async () => {
    await k.setFaults({ errors: { rate503: 1 } });
    expect((await k.call('GET', `/users/${k.people[8]!.id}`)).status).toBe(200);
    await k.setFaults({ scope: 'all', errors: { rate503: 1 } });
    expect((await k.call('GET', `/users/${k.people[8]!.id}`)).status).toBe(503);
  });

  it('times out: hangs for afterMs, then answers 504 or drops the connection', async () => {
    await k.setFaults({ timeout: { rate: 1, afterMs: 150, outcome: 'gateway-timeout' } });
    const answer = await k.call('GET', `/users/${k.people[9]!.id}/mailboxSettings`);
    expect(answer.status).toBe(504);
    expect(answer.ms).toBeGreaterThanOrEqual(145);

    await k.setFaults({ timeout: { rate: 1, afterMs: 100, outcome: 'drop' } });
    await expect(k.call('GET', `/users/${k.people[9]!.id}/mailboxSettings`)).rejects.toThrow();
    const stats = (await k.admin('GET', '/stats')).body;
    expect(stats.faults.timeouts).toBeGreaterThanOrEqual(1);
    expect(stats.faults.drops).toBe(1);
  });

  it('adds fixed latency to each request', async () => {
    await k.setFaults({ latency: { fixedMs: 120 } });
    const answer = await k.call('GET', `/users/${k.people[10]!.id}/mailboxSettings`);
    expect(answer.status).toBe(200);
    expect(answer.ms).toBeGreaterThanOrEqual(115);
  });
});
