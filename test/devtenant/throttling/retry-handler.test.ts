import { Client, HTTPMessageHandler, RetryHandler, RetryHandlerOptions, type Context, type Middleware } from '@microsoft/microsoft-graph-client';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTrafficTenant, type TrafficTenant } from './traffic-kit.ts';

/** Attaches the bearer token (the library's AuthenticationHandler only does so for https Graph hosts). */
class BearerMiddleware implements Middleware {
  private next: Middleware | undefined;
  private readonly token: string;

  constructor(token: string) {
    this.token = token;
  }

  async execute(context: Context): Promise<void> {
    context.options ??= {};
    const headers = new Headers(context.options.headers as HeadersInit | undefined);
    headers.set('Authorization', `Bearer ${this.token}`);
    context.options.headers = Object.fromEntries(headers.entries());
    await this.next!.execute(context);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

let k: TrafficTenant;
let client: Client;

beforeAll(async () => {
  k = await startTrafficTenant({ throttle: { concurrencyRetryAfterSeconds: 0.4 } });
  const auth = new BearerMiddleware(k.app);
  const retry = new RetryHandler(new RetryHandlerOptions());
  auth.setNext(retry);
  retry.setNext(new HTTPMessageHandler());
  client = Client.initWithMiddleware({ middleware: auth, baseUrl: k.url, defaultVersion: 'v1.0' });
});
afterAll(async () => {
  await k.dispose();
});
beforeEach(async () => {
  await k.admin('DELETE', '/stats');
});

describe("@microsoft/microsoft-graph-client's RetryHandler against the tenant", () => {
  it('recovers from an injected 429, waiting the Retry-After it was given', async () => {
    await k.setFaults({ nth: [{ route: 'GET /users/{id}/mailboxSettings', n: 1, status: 429, retryAfterSeconds: 0.3 }] });
    const person = k.people[1]!;
    const started = performance.now();
    const settings = (await client.api(`/users/${person.id}/mailboxSettings`).get()) as { timeZone: string };
    const elapsed = performance.now() - started;
    expect(settings.timeZone).toBe(person.mailboxTimeZone);
    expect(elapsed).toBeGreaterThanOrEqual(295);
    const stats = (await k.admin('GET', '/stats')).body;
    expect(stats.faults.status429).toBe(1);
    expect(stats.mailboxes[0]).toMatchObject({ mailbox: person.id, requests: 2, faulted: 1 });
  });

  it('gets every request through the concurrency limit by retrying the refused ones', async () => {
    await k.setFaults({ latency: { fixedMs: 100 } });
    const person = k.people[2]!;
    const results = (await Promise.all(Array.from({ length: 7 }, () => client.api(`/users/${person.id}/mailboxSettings`).get()))) as { timeZone: string }[];
    expect(results.every((r) => r.timeZone === person.mailboxTimeZone)).toBe(true);
    const stats = (await k.admin('GET', '/stats')).body;
    const mailbox = stats.mailboxes.find((m: { mailbox: string }) => m.mailbox === person.id);
    expect(mailbox.throttledConcurrency).toBeGreaterThanOrEqual(3);
    expect(mailbox.admitted).toBe(7);
    expect(mailbox.maxConcurrent).toBe(4);
  });
});
