import { describe, expect, it } from 'vitest';
import { ConnectorFailure, parseRetryAfter } from '../../../src/teams/proactive/connector-failure.ts';
import { retryDelay, DEFAULT_RETRY_POLICY } from '../../../src/teams/proactive/retry-policy.ts';
import { SendPacer, TEAMS_SEND_LIMITS } from '../../../src/teams/proactive/send-pacer.ts';
import { toConnectorFailure } from '../../../src/teams/proactive/sdk-connector.ts';

/** A clock that only moves when someone sleeps (and lets other work run while they do). */
function fakeClock(start = 1_000_000) {
  let now = start;
  return {
    now: () => now,
    sleep: async (ms: number) => {
      now += ms;
      await new Promise((resolve) => setImmediate(resolve));
    },
    start,
  };
}

describe('SendPacer', () => {
  it("keeps one conversation within Teams' 7 per second, 8 per 2 seconds, 60 per 30 seconds (plus the margin)", async () => {
    const clock = fakeClock();
    const pacer = new SendPacer(TEAMS_SEND_LIMITS, clock);
    const at: number[] = [];
    for (let i = 0; i < 61; i++) {
      (await pacer.acquire('t1', 'conv-1')).done();
      at.push(clock.now() - clock.start);
    }
    const margin = TEAMS_SEND_LIMITS.marginMs;
    expect(at.slice(0, 7)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(at[7]).toBe(1_000 + margin); // 8th: the first second is full
    expect(at[8]).toBe(2_000 + margin); // 9th: 8 in 2 seconds
    // Every window holds at most its limit, at every moment.
    for (const { requests, windowMs } of TEAMS_SEND_LIMITS.perConversation) {
      for (let i = requests; i < at.length; i++) expect(at[i]! - at[i - requests]!).toBeGreaterThanOrEqual(windowMs);
    }
    expect(at[60]! - at[0]!).toBeGreaterThanOrEqual(30_000);
  });

  it('keeps a tenant within 30 per second across conversations, and tenants apart', async () => {
    const clock = fakeClock();
    const pacer = new SendPacer(TEAMS_SEND_LIMITS, clock);
    const at: number[] = [];
    for (let i = 0; i < 65; i++) {
      (await pacer.acquire('t1', `conv-${i}`)).done();
      at.push(clock.now() - clock.start);
    }
    expect(at.filter((t) => t === 0)).toHaveLength(30);
    for (let i = 30; i < at.length; i++) expect(at[i]! - at[i - 30]!).toBeGreaterThanOrEqual(1_000);
    const before = clock.now();
    (await pacer.acquire('t2', 'conv-0')).done();
    expect(clock.now()).toBe(before);
  });

  it('holds a conversation after a 429 for the time asked, and only that conversation', async () => {
    const clock = fakeClock();
    const pacer = new SendPacer(TEAMS_SEND_LIMITS, clock);
    pacer.holdConversation('t1', 'conv-1', clock.now() + 2_500);
    (await pacer.acquire('t1', 'conv-2')).done();
    expect(clock.now()).toBe(clock.start);
    (await pacer.acquire('t1', 'conv-1')).done();
    expect(clock.now()).toBe(clock.start + 2_500);
    pacer.holdTenant('t1', clock.now() + 700);
    (await pacer.acquire('t1', 'conv-3')).done();
    expect(clock.now()).toBe(clock.start + 3_200);
  });

  it('counts a send from when the connector answered: a slow answer delays the next send by as much', async () => {
    const clock = fakeClock();
    const pacer = new SendPacer(TEAMS_SEND_LIMITS, clock);
    const inFlight = await Promise.all(Array.from({ length: 7 }, () => pacer.acquire('t1', 'conv-1')));
    let eighthAt: number | undefined;
    const eighth = pacer.acquire('t1', 'conv-1').then((slot) => {
      eighthAt = clock.now();
      slot.done();
    });
    // The seven are still on the way while the clock runs on: the eighth must not leave.
    while (clock.now() < clock.start + 3_000) await new Promise((resolve) => setImmediate(resolve));
    expect(eighthAt).toBeUndefined();
    const answered = clock.now();
    for (const slot of inFlight) slot.done();
    await eighth;
    expect(eighthAt).toBeGreaterThanOrEqual(answered + 1_000 + TEAMS_SEND_LIMITS.marginMs);
    expect(eighthAt).toBeLessThan(answered + 1_000 + TEAMS_SEND_LIMITS.marginMs + 50);
  });
});

describe('retries', () => {
  it("take the service's Retry-After, else back off exponentially with jitter up to a cap", () => {
    expect(retryDelay(DEFAULT_RETRY_POLICY, 1, 3_000, () => 0.5)).toBe(3_000);
    expect(retryDelay(DEFAULT_RETRY_POLICY, 1, undefined, () => 0)).toBe(250);
    expect(retryDelay(DEFAULT_RETRY_POLICY, 1, undefined, () => 0.999)).toBeLessThanOrEqual(500);
    expect(retryDelay(DEFAULT_RETRY_POLICY, 3, undefined, () => 0)).toBe(1_000);
    expect(retryDelay(DEFAULT_RETRY_POLICY, 20, undefined, () => 0.999)).toBeLessThanOrEqual(DEFAULT_RETRY_POLICY.maxDelayMs);
  });

  it('read Retry-After as seconds (fractions too) or an HTTP date', () => {
    expect(parseRetryAfter('2', 0)).toBe(2_000);
    expect(parseRetryAfter('0.5', 0)).toBe(500);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).toBe(6_000);
    expect(parseRetryAfter(undefined, 0)).toBeUndefined();
    expect(parseRetryAfter('soon', 0)).toBeUndefined();
  });

  it('tell retryable answers and unreachable people from the rest', () => {
    const axios = (status: number, data: unknown, headers: Record<string, string> = {}) => ({ isAxiosError: true, message: 'x', response: { status, data, headers } });
    const throttled = toConnectorFailure(axios(429, { error: { code: 'Throttled', message: 'Too many requests.' } }, { 'retry-after': '1' }), 0);
    expect(throttled).toMatchObject({ status: 429, code: 'Throttled', retryAfterMs: 1_000, retryable: true, personUnreachable: false });
    const blocked = toConnectorFailure(axios(403, { error: { code: 'ConversationBlockedByUser', message: 'm', subCode: 'MessageWritesBlocked' } }), 0);
    expect(blocked).toMatchObject({ status: 403, subCode: 'MessageWritesBlocked', retryable: false, personUnreachable: true });
    expect(toConnectorFailure(axios(403, { error: { code: 'BotDisabledByAdmin', message: 'm' } }), 0).personUnreachable).toBe(false);
    for (const status of [412, 502, 503, 504]) expect(toConnectorFailure(axios(status, {}), 0).retryable).toBe(true);
    for (const status of [400, 401, 404, 413]) expect(toConnectorFailure(axios(status, {}), 0).retryable).toBe(false);
    const lost = toConnectorFailure({ isAxiosError: true, code: 'ECONNRESET', message: 'socket hang up' }, 0);
    expect(lost).toMatchObject({ status: undefined, code: 'ECONNRESET', retryable: true });
    expect(new ConnectorFailure(403, 'Forbidden', 'm').personUnreachable).toBe(true);
  });
});
