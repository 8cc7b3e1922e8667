import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBatched, type BatchStep } from '../../src/graph/batch.ts';
import { createGraphClient } from '../../src/graph/graph-client.ts';

/**
 * A stand-in $batch endpoint: answers each member with what the test scripted, records every
 * batch, and tracks how many requests per mailbox were in flight at once.
 */
let server: Server;
let base: string;
let script: (member: { id: string; url: string }, attempt: number) => { status: number; headers?: Record<string, string>; body?: unknown };
const batches: Array<Array<{ id: string; url: string }>> = [];
const attempts = new Map<string, number>();
let maxInFlightPerMailbox = 0;
const inFlight = new Map<string, number>();

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const { requests } = JSON.parse(raw) as { requests: Array<{ id: string; url: string }> };
      batches.push(requests);
      for (const r of requests) {
        const mailbox = r.url.split('/')[2]!;
        inFlight.set(mailbox, (inFlight.get(mailbox) ?? 0) + 1);
        maxInFlightPerMailbox = Math.max(maxInFlightPerMailbox, inFlight.get(mailbox)!);
      }
      setTimeout(() => {
        const responses = requests.map((r) => {
          const n = (attempts.get(r.id) ?? 0) + 1;
          attempts.set(r.id, n);
          return { id: r.id, ...script(r, n) };
        });
        for (const r of requests) inFlight.set(r.url.split('/')[2]!, inFlight.get(r.url.split('/')[2]!)! - 1);
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ responses: responses.reverse() }));
      }, 15);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const client = () => createGraphClient({ baseUrl: base, token: async () => 't' });
const steps = (n: number, mailboxes: number): BatchStep[] =>
  Array.from({ length: n }, (_, i) => ({ id: `s${i}`, method: 'GET' as const, url: `/users/m${i % mailboxes}/calendar`, mailbox: `m${i % mailboxes}` }));

function reset(): void {
  batches.length = 0;
  attempts.clear();
  maxInFlightPerMailbox = 0;
}

describe('JSON batching', () => {
  it('sends at most 20 requests a batch and answers every step by id', async () => {
    reset();
    script = (m) => ({ status: 200, body: { echo: m.id } });
    const answers = await runBatched(client(), steps(45, 45));
    expect(batches.map((b) => b.length).sort((a, b) => b - a)).toEqual([20, 20, 5]);
    expect(answers.size).toBe(45);
    expect(answers.get('s7')).toEqual({ status: 200, headers: {}, body: { echo: 's7' } });
  });

  it('never has more than 4 requests in flight against one mailbox, across parallel batches', async () => {
    reset();
    script = () => ({ status: 200, body: {} });
    const answers = await runBatched(client(), steps(60, 2));
    expect(answers.size).toBe(60);
    expect(maxInFlightPerMailbox).toBeLessThanOrEqual(4);
    expect(maxInFlightPerMailbox).toBe(4);
  });

  it('retries throttled members honouring their own Retry-After, and only them', async () => {
    reset();
    const slept: number[] = [];
    script = (m, attempt) => (m.id === 's1' && attempt < 3 ? { status: 429, headers: { 'Retry-After': '2' }, body: { error: { code: 'ApplicationThrottled' } } } : { status: 200, body: { ok: m.id } });
    const answers = await runBatched(client(), steps(5, 5), { sleep: async (ms) => void slept.push(ms) });
    expect(answers.get('s1')!.status).toBe(200);
    expect(attempts.get('s1')).toBe(3);
    expect(attempts.get('s0')).toBe(1);
    expect(slept).toEqual([2000, 2000]);
  });

  it('gives up when throttling outlasts the retry budget, saying so', async () => {
    reset();
    script = () => ({ status: 503, headers: { 'Retry-After': '30' }, body: {} });
    await expect(runBatched(client(), steps(2, 2), { sleep: async () => {}, retryBudgetMs: 45_000 })).rejects.toThrow(/kept throttling 2 request\(s\) beyond the retry budget of 45 s/);
  });

  it('returns other failures as they came, for the caller to surface with Graph\'s code', async () => {
    reset();
    script = (m) => (m.id === 's0' ? { status: 400, body: { error: { code: 'ErrorTimeIntervalTooBig', message: 'too long' } } } : { status: 200, body: {} });
    const answers = await runBatched(client(), steps(2, 2));
    expect(answers.get('s0')).toMatchObject({ status: 400, body: { error: { code: 'ErrorTimeIntervalTooBig' } } });
    expect(attempts.get('s0')).toBe(1);
  });
});
