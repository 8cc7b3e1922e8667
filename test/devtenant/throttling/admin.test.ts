import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTrafficTenant, type TrafficTenant } from './traffic-kit.ts';

let k: TrafficTenant;

beforeAll(async () => {
  k = await startTrafficTenant({ faults: { seed: 5, latency: { fixedMs: 1 } } });
});
afterAll(async () => {
  await k.dispose();
});

describe('/_devtenant control API', () => {
  it('requires the app client secret, as a bearer or in x-devtenant-admin', async () => {
    expect((await k.admin('GET', '/faults', undefined, null)).status).toBe(401);
    expect((await k.admin('GET', '/faults', undefined, { bearer: 'not-the-secret' })).status).toBe(401);
    // A Graph token of the same app is not the secret.
    expect((await k.admin('GET', '/faults', undefined, { bearer: k.app })).status).toBe(401);
    const refused = await k.admin('PUT', '/faults', { errors: { rate503: 1 } }, null);
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe('Unauthorized');
    // ...and nothing changed.
    expect((await k.call('GET', `/users/${k.people[1]!.id}/mailboxSettings`)).status).toBe(200);

    expect((await k.admin('GET', '/faults', undefined, 'bearer')).status).toBe(200);
    expect((await k.admin('GET', '/stats', undefined, 'header')).status).toBe(200);
  });

  it('reports the settings given at start, with defaults filled in', async () => {
    const answer = await k.admin('GET', '/faults');
    expect(answer.body).toEqual({
      seed: 5,
      sequence: 'mailbox',
      scope: 'outlook',
      latency: { fixedMs: 1, jitterMs: 0 },
      errors: { rate429: 0, rate503: 0, rate504: 0, retryAfterSeconds: 1 },
      timeout: { rate: 0, afterMs: 30_000, outcome: 'gateway-timeout' },
      nth: [],
    });
    expect((await k.admin('GET', '/throttle')).body).toEqual({ enabled: true, concurrency: 4, requests: 10_000, windowMs: 600_000, concurrencyRetryAfterSeconds: 1 });
  });

  it.each([
    [{ errors: { rate429: 2 } }, 'errors.rate429'],
    [{ latency: { fixedMs: -1 } }, 'latency.fixedMs'],
    [{ bogus: true }, 'bogus'],
    [{ errors: { rate429: 0.6, rate503: 0.6 } }, 'errors'],
    [{ nth: [{ route: 'users without slash', n: 3 }] }, 'nth[0].route'],
    [{ nth: [{ route: '/users/{id}', n: 0 }] }, 'nth[0].n'],
    [{ timeout: { outcome: 'explode' } }, 'timeout.outcome'],
    [{ sequence: 'sometimes' }, 'sequence'],
  ])('refuses %j with 400 naming %s', async (body, field) => {
    const answer = await k.admin('PUT', '/faults', body);
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('BadRequest');
    expect(answer.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
    expect(answer.body.error.message).toContain(`${field}:`);
  });

  it('refuses a body that is not JSON and a bad throttle setting', async () => {
    const notJson = await k.admin('PUT', '/faults', '{"seed": ');
    expect(notJson.status).toBe(400);
    const badThrottle = await k.admin('PUT', '/throttle', { concurrency: 0 });
    expect(badThrottle.status).toBe(400);
    expect(badThrottle.body.error.details[0].field).toBe('concurrency');
    // A refused PUT changes nothing.
    expect((await k.admin('GET', '/faults')).body.seed).toBe(5);
  });

  it('counts requests per mailbox in /stats and resets them on DELETE', async () => {
    await k.admin('DELETE', '/stats');
    const person = k.people[2]!;
    await k.call('GET', `/users/${person.id}/mailboxSettings`);
    await k.call('GET', `/users/${person.userPrincipalName}/mailboxSettings`);
    await k.call('GET', `/users/${person.id}`);
    const stats = (await k.admin('GET', '/stats')).body;
    expect(stats.requests).toBe(3);
    expect(stats.throttled).toBe(0);
    expect(stats.mailboxes).toEqual([
      {
        appId: expect.any(String),
        mailbox: person.id,
        upn: person.userPrincipalName,
        requests: 2,
        admitted: 2,
        throttledConcurrency: 0,
        throttledRate: 0,
        faulted: 0,
        maxConcurrent: 1,
        inFlight: 0,
      },
    ]);
    expect((await k.admin('DELETE', '/stats')).status).toBe(204);
    const after = (await k.admin('GET', '/stats')).body;
    expect(after.requests).toBe(0);
    expect(after.mailboxes).toEqual([]);
  });
});
