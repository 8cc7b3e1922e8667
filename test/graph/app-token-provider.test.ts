import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppTokenProvider } from '../../src/graph/app-token-provider.ts';

let server: Server;
let base: string;
const requests: Array<{ path: string; form: URLSearchParams }> = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const form = new URLSearchParams(body);
      requests.push({ path: req.url ?? '', form });
      res.setHeader('content-type', 'application/json');
      if (form.get('client_secret') !== 'right') {
        res.statusCode = 401;
        res.end(JSON.stringify({ error: 'invalid_client', error_description: 'AADSTS7000215: Invalid client secret provided.\nTrace ID: x' }));
        return;
      }
      // Let concurrent callers pile up before answering, to prove they share one request.
      setTimeout(() => res.end(JSON.stringify({ access_token: `token-${requests.length}`, expires_in: 3600, token_type: 'Bearer' })), 20);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('app-only token provider', () => {
  it('asks the tenant\'s token endpoint with the client-credentials grant, once for concurrent callers, and caches', async () => {
    let now = 1_000_000;
    const provider = createAppTokenProvider({ loginBaseUrl: base, clientId: 'app', clientSecret: 'right', resource: 'https://graph.microsoft.com', now: () => now });
    requests.length = 0;
    const tokens = await Promise.all([provider.getToken('t1'), provider.getToken('t1'), provider.getToken('t1')]);
    expect(new Set(tokens).size).toBe(1);
    expect(requests).toHaveLength(1);
    expect(requests[0]!.path).toBe('/t1/oauth2/v2.0/token');
    expect(Object.fromEntries(requests[0]!.form)).toEqual({
      grant_type: 'client_credentials',
      client_id: 'app',
      client_secret: 'right',
      scope: 'https://graph.microsoft.com/.default',
    });
    expect(await provider.getToken('t1')).toBe(tokens[0]);
    expect(requests).toHaveLength(1);
    await provider.getToken('t2');
    expect(requests).toHaveLength(2);
    now += 56 * 60_000; // within five minutes of expiry: refresh
    expect(await provider.getToken('t1')).not.toBe(tokens[0]);
    expect(requests).toHaveLength(3);
  });

  it('names the identity provider\'s error on a bad secret', async () => {
    const provider = createAppTokenProvider({ loginBaseUrl: base, clientId: 'app', clientSecret: 'wrong', resource: 'https://graph.microsoft.com' });
    await expect(provider.getToken('t1')).rejects.toThrow('token request for tenant t1 failed (invalid_client): AADSTS7000215: Invalid client secret provided.');
  });

  it('says when the token endpoint cannot be reached', async () => {
    const provider = createAppTokenProvider({ loginBaseUrl: 'http://127.0.0.1:9', clientId: 'app', clientSecret: 'x', resource: 'https://graph.microsoft.com' });
    await expect(provider.getToken('t1')).rejects.toMatchObject({ code: 'unavailable' });
  });
});
