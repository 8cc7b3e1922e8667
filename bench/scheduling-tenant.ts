/**
 * The development tenant for the scheduling benchmark, in a process of its own (as Graph is a
 * service of its own): its generated calendars, its garbage collection and its request handling
 * then do not count as Upward's CPU or pause Upward's search. Started by bench/scheduling.ts with
 * an IPC channel; it answers `cpu` with its CPU time so far, and exits when the channel closes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDevTenant } from '../src/devtenant/dev-tenant.ts';

export const BENCH_TENANT_ID = '5f1c0d2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f';
export const BENCH_CLIENT_ID = '0b7c6d5e-4f3a-4b2c-9d1e-0f1a2b3c4d5e';
export const BENCH_APP_ID_URI = `api://upward.bench/${BENCH_CLIENT_ID}`;
export const BENCH_ORIGIN = 'https://upward.bench';

/** What the parent is told once the tenant listens. */
export interface TenantReady {
  readonly url: string;
  readonly secret: string;
}

/** The tenant's own counters, on request: CPU time and what its traffic control saw. */
export interface TenantReport {
  readonly cpu: NodeJS.CpuUsage;
  readonly requests: number;
  readonly throttled: number;
  readonly delayed: number;
}

if (process.send !== undefined && process.argv.includes('--serve')) {
  const size = Number(process.argv[process.argv.indexOf('--size') + 1]);
  const latencyMs = Number(process.argv[process.argv.indexOf('--latency') + 1]);
  const nowMs = Number(process.argv[process.argv.indexOf('--now') + 1]);
  const dataDir = mkdtempSync(join(tmpdir(), 'upward-bench-tenant-'));
  const tenant = await startDevTenant({
    host: '127.0.0.1',
    port: 0,
    seed: 1,
    size,
    tenantId: BENCH_TENANT_ID,
    app: { clientId: BENCH_CLIENT_ID, appIdUri: BENCH_APP_ID_URI, redirectOrigins: [BENCH_ORIGIN] },
    dataDir,
    // The tenant's clock is the benchmark's: its calendars hold what people had booked by then.
    now: () => new Date(nowMs),
    // Every Graph request waits 100 ms holding its mailbox's concurrency slot; Outlook's limits
    // (4 at once and 10,000 per 10 minutes per mailbox) are enforced, as by default.
    faults: { scope: 'all', latency: { fixedMs: latencyMs } },
  });
  process.on('message', (message) => {
    if (message !== 'cpu') return;
    const stats = tenant.traffic.stats();
    process.send!({ cpu: process.cpuUsage(), requests: stats.requests, throttled: stats.throttled, delayed: stats.faults.delayed } satisfies TenantReport);
  });
  process.on('disconnect', () => {
    void tenant.close().finally(() => {
      rmSync(dataDir, { recursive: true, force: true });
      process.exit(0);
    });
  });
  process.send({ url: tenant.url, secret: tenant.clientSecret } satisfies TenantReady);
}
