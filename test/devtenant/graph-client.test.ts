import {
  Client,
  GraphError,
  HTTPMessageHandler,
  PageIterator,
  RetryHandler,
  RetryHandlerOptions,
  type Context,
  type Middleware,
  type PageCollection,
} from '@microsoft/microsoft-graph-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_CLIENT_ID, TEST_TENANT_ID, startTestTenant, type TestTenant } from './test-tenant.ts';
import { appToken } from './tokens.ts';

/**
 * Sets the bearer token on every request. The library's AuthenticationHandler only does so for
 * https Graph hosts, so against the http:// development tenant the app must attach it itself.
 */
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

let t: TestTenant;
let client: Client;

beforeAll(async () => {
  t = await startTestTenant();
  const token = await appToken(t.tenant.url, TEST_TENANT_ID, TEST_CLIENT_ID, t.tenant.clientSecret);
  const auth = new BearerMiddleware(token);
  const retry = new RetryHandler(new RetryHandlerOptions());
  const http = new HTTPMessageHandler();
  auth.setNext(retry);
  retry.setNext(http);
  client = Client.initWithMiddleware({ middleware: auth, baseUrl: t.tenant.url, defaultVersion: 'v1.0' });
});
afterAll(async () => {
  await t.dispose();
});

describe('@microsoft/microsoft-graph-client against the development tenant', () => {
  it('pages through /users with PageIterator, seeing every person once', async () => {
    const first = (await client.api('/users').select(['id', 'displayName']).top(23).get()) as PageCollection;
    const ids: string[] = [];
    const iterator = new PageIterator(client, first, (user: { id: string }) => {
      ids.push(user.id);
      return true;
    });
    await iterator.iterate();
    expect(iterator.isComplete()).toBe(true);
    const people = t.tenant.directory.people(TEST_TENANT_ID);
    expect(ids).toHaveLength(people.length);
    expect(new Set(ids)).toEqual(new Set(people.map((p) => p.id)));
  });

  it('applies $filter built by the library and surfaces Graph errors as GraphError', async () => {
    const result = (await client.api('/users').filter("department eq 'Legal'").select('department').top(999).get()) as { value: { department: string }[] };
    expect(result.value.length).toBe(t.tenant.directory.people(TEST_TENANT_ID).filter((p) => p.department === 'Legal').length);
    expect(result.value.every((u) => u.department === 'Legal')).toBe(true);

    const failure = await client.api('/users/00000000-0000-4000-8000-000000000000').get().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(GraphError);
    expect((failure as GraphError).statusCode).toBe(404);
    expect((failure as GraphError).code).toBe('Request_ResourceNotFound');
  });
});
