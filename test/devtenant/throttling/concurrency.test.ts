import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTrafficTenant, tally, type TrafficTenant } from './traffic-kit.ts';

const HOLD_MS = 400;
let k: TrafficTenant;

beforeAll(async () => {
  k = await startTrafficTenant();
});
afterAll(async () => {
  await k.dispose();
});
beforeEach(async () => {
  // Every Outlook request is held open for HOLD_MS while it keeps its concurrency slot.
  await k.setFaults({ latency: { fixedMs: HOLD_MS } });
  await k.admin('DELETE', '/stats');
});

const getSchedule = (mailbox: string) => k.call('POST', `/users/${encodeURIComponent(mailbox)}/calendar/getSchedule`, { body: { schedules: [] } });

describe('per app + mailbox concurrency (4 in flight)', () => {
  it('answers the 5th concurrent request to one mailbox with 429 ApplicationThrottled and a Retry-After, while 4 succeed', async () => {
    const target = k.people[3]!;
    const answers = await Promise.all(Array.from({ length: 5 }, () => getSchedule(target.id)));
    expect(tally(answers.map((a) => a.status))).toEqual({ 200: 4, 429: 1 });
    const refused = answers.find((a) => a.status === 429)!;
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(refused.body.error.code).toBe('ApplicationThrottled');
    expect(refused.body.error.message).toBe('Application is over its MailboxConcurrency limit.');
    expect(refused.body.error.innerError['request-id']).toBe(refused.headers.get('request-id'));
    // Refused at once, not after holding a slot.
    expect(refused.ms).toBeLessThan(HOLD_MS);
    for (const a of answers.filter((x) => x.status === 200)) expect(a.ms).toBeGreaterThanOrEqual(HOLD_MS - 5);

    const stats = (await k.admin('GET', '/stats')).body;
    const mine = stats.mailboxes.find((m: { mailbox: string }) => m.mailbox === target.id);
    expect(mine).toMatchObject({ requests: 5, admitted: 4, throttledConcurrency: 1, maxConcurrent: 4, inFlight: 0, upn: target.userPrincipalName });
  });

  it('counts a UPN and an object id of the same person as one mailbox', async () => {
    const target = k.people[4]!;
    const keys = [target.id, target.id, target.userPrincipalName, target.userPrincipalName.toUpperCase(), target.userPrincipalName];
    const answers = await Promise.all(keys.map(getSchedule));
    expect(tally(answers.map((a) => a.status))).toEqual({ 200: 4, 429: 1 });
  });

  it('keeps mailboxes apart: four in flight to each of two mailboxes all succeed', async () => {
    const [a, b] = [k.people[5]!, k.people[6]!];
    const answers = await Promise.all([...Array.from({ length: 4 }, () => getSchedule(a.id)), ...Array.from({ length: 4 }, () => getSchedule(b.id))]);
    expect(answers.map((x) => x.status)).toEqual(Array(8).fill(200));
    const stats = (await k.admin('GET', '/stats')).body;
    for (const p of [a, b]) expect(stats.mailboxes.find((m: { mailbox: string }) => m.mailbox === p.id).maxConcurrent).toBe(4);
  });

  it('frees the slots when the responses are done', async () => {
    const target = k.people[7]!;
    const first = await Promise.all(Array.from({ length: 4 }, () => getSchedule(target.id)));
    expect(first.every((a) => a.status === 200)).toBe(true);
    const second = await Promise.all(Array.from({ length: 4 }, () => getSchedule(target.id)));
    expect(second.every((a) => a.status === 200)).toBe(true);
  });

  it('does not throttle directory reads per mailbox', async () => {
    await k.setFaults({ scope: 'all', latency: { fixedMs: 150 } });
    const target = k.people[8]!;
    const answers = await Promise.all(Array.from({ length: 8 }, () => k.call('GET', `/users/${target.id}`)));
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(200));
    // mailboxSettings is an Outlook resource, so it is limited.
    const settings = await Promise.all(Array.from({ length: 6 }, () => k.call('GET', `/users/${target.id}/mailboxSettings`)));
    expect(tally(settings.map((a) => a.status))).toEqual({ 200: 4, 429: 2 });
  });

  it('throttles each app on its own', async () => {
    const target = k.people[9]!;
    const answers = await Promise.all([
      ...Array.from({ length: 4 }, () => getSchedule(target.id)),
      ...Array.from({ length: 4 }, () => k.call('POST', `/users/${target.id}/calendar/getSchedule`, { token: k.limited, body: {} })),
    ]);
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(200));
  });
});
