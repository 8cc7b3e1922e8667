/**
 * The manager and admin summaries for a tenant of 10 000 participants, 100 000 sessions and about
 * 77 000 feedback answers on
 * PostgreSQL (127.0.0.1:5432, database `test`, a fresh schema dropped afterwards): 200 requests
 * each at concurrency 10 through Upward's own HTTP app. Baseline: `/healthz` under the same load.
 *
 * Stand-ins, said plainly: the token validator accepts a fixed admin/manager principal (no JWT
 * signature check), and the manager's reports tree comes from an in-memory directory behind the
 * Graph client interface, read through the participation source's per-tenant TTL cache — so after
 * the first request the figure is the store's and the summary's cost, not the directory walk's.
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import pino from 'pino';
import type { Principal } from '../src/auth/principal.ts';
import { PROGRAM_ADMIN_ROLE } from '../src/auth/principal.ts';
import { tenantId as toTenantId, userId as toUserId } from '../src/core/ids.ts';
import { createHttpApp } from '../src/server/http-app.ts';
import { createParticipationSource } from '../src/server/routes/participation-source.ts';
import { createProgramHealthSource } from '../src/server/routes/program-health-source.ts';
import { summariseProgramHealth } from '../src/server/routes/program-health-summary.ts';
import type { Database } from '../src/store/schema.ts';
import { programFeedbackReader } from '../src/store/program-feedback-facts.ts';
import { openStore } from '../src/store/store.ts';
import { figure, percentile, type BenchFigure } from './harness.ts';

const DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';
export const TENANT = '7d9e1a2b-3c4d-4e5f-8a6b-7c8d9e0f1a2b';
export const PROGRAM = 'bench-program';
const PEOPLE = 10_000;
const SESSIONS_PER_PAIR = 20; // 5 000 pairs x 20 = 100 000 sessions
const FIRST_LEVEL = 100;
const REQUESTS = 200;
const CONCURRENCY = 10;

const person = (i: number) => `u${String(i).padStart(5, '0')}`;

/** 10 000 enrolments, 5 000 running pairs, one booking each with 20 weekly sessions (every 10th cancelled, 2% of pairs without a slot). */
export async function seed(db: Kysely<Database>): Promise<void> {
  const half = PEOPLE / 2;
  await sql`insert into programs (tenant_id, id, name, state, rotation_cycle, settings, created_by, created_at, updated_at, state_changed_at)
            values (${TENANT}, ${PROGRAM}, 'Bench program', 'active', 1, '{}'::jsonb, 'admin', now(), now(), now())`.execute(db);
  await sql`insert into enrolments (tenant_id, program_id, user_id, role, profile, answers, do_not_pair_with, enrolled_at, updated_at)
            select ${TENANT}, ${PROGRAM}, 'u' || lpad(i::text, 5, '0'), case when i < ${half} then 'mentor' else 'mentee' end,
                   jsonb_build_object('displayName', 'Person ' || i, 'department', 'Dept ' || (i % 40)), '{}'::jsonb, '[]'::jsonb,
                   timestamptz '2026-01-05' + (i % 300) * interval '1 hour', now()
            from generate_series(0, ${PEOPLE - 1}) i`.execute(db);
  await sql`insert into pairings (tenant_id, id, program_id, cycle, mentor_id, mentee_id, co_mentor_id, score, reasons, published_at)
            select ${TENANT}, 'pair-' || i, ${PROGRAM}, 1, 'u' || lpad(i::text, 5, '0'), 'u' || lpad((i + ${half})::text, 5, '0'), null, 50,
                   '["Complementary skills"]'::jsonb, timestamptz '2026-02-02'
            from generate_series(0, ${half - 1}) i`.execute(db);
  await sql`insert into bookings (tenant_id, id, program_id, pair_id, cycle, position, state, organiser_id, attendee_id, people, settings, plan,
                                  occurrences, series, transaction_id, version, created_at, updated_at)
            select ${TENANT}, 'booking-' || i, ${PROGRAM}, 'pair-' || i, 1, i,
                   case when i % 50 = 0 then 'no_slot' else 'booked' end,
                   'u' || lpad((i + ${half})::text, 5, '0'), 'u' || lpad(i::text, 5, '0'), '[]'::jsonb, '{}'::jsonb,
                   '{"zone":"Europe/London","weekday":"Tuesday","localTime":"10:00","firstDate":"2026-02-03","lastDate":"2026-06-16"}'::jsonb,
                   case when i % 50 = 0 then '[]'::jsonb else (
                     select jsonb_agg(jsonb_build_object('index', k, 'start', s, 'originalStart', s, 'end', s + 2700000,
                                                         'status', case when (i + k) % 10 = 0 then 'cancelled' else 'free' end, 'segment', 0, 'conflict', null))
                     from generate_series(0, ${SESSIONS_PER_PAIR - 1}) k,
                          lateral (select (extract(epoch from timestamptz '2026-02-03 10:00Z') * 1000)::bigint + k::bigint * 604800000 + (i % 5)::bigint * 86400000 as s) t
                   ) end,
                   '[]'::jsonb, 'tx-' || i, 1, now(), now()
            from generate_series(0, ${half - 1}) i`.execute(db);
  // Feedback as a running program has it: on the first 10 sessions of every booked pair, each
  // side answers 6 times in 7 (no text), held or now and then a no-show — about 77 000 answers.
  await sql`insert into feedback (tenant_id, session_key, author_id, pair_id, session_end, happened, rating, learned, taught, action,
                                  private_note, share_with_partner, submitted_at, updated_at, revision)
            select ${TENANT}, 'booking-' || i || '#' || k, a.author, 'pair-' || i,
                   timestamptz '2026-02-03 10:45Z' + k * interval '7 days' + (i % 5) * interval '1 day',
                   case when (i + k) % 13 = 0 then 'no-show' else 'held' end,
                   case when (i + k) % 13 = 0 then null else 1 + (i * 7 + k * 3 + a.side) % 5 end,
                   '', '', '', '', false, now(), now(), 1
            from generate_series(0, ${half - 1}) i, generate_series(0, 9) k,
                 lateral (values ('u' || lpad(i::text, 5, '0'), 0), ('u' || lpad((i + ${half})::text, 5, '0'), 1)) a(author, side)
            where i % 50 <> 0 and (i + k) % 10 <> 0 and (i + k + a.side) % 7 <> 0`.execute(db);
  await sql`analyze`.execute(db);
}

/** The manager `boss` over everyone: 100 first-level reports, each with 99 of their own. */
export function orgDirectory(): (tenantId: string) => Client {
  const reports = new Map<string, string[]>();
  reports.set('boss', Array.from({ length: FIRST_LEVEL }, (_, i) => person(i)));
  for (let i = FIRST_LEVEL; i < PEOPLE; i += 1) {
    const manager = person(i % FIRST_LEVEL);
    reports.set(manager, [...(reports.get(manager) ?? []), person(i)]);
  }
  const client = {
    api: (path: string) => {
      const chain = {
        select: () => chain,
        top: () => chain,
        get: async () => ({ value: (reports.get(decodeURIComponent(path.split('/')[2]!)) ?? []).map((id) => ({ id, department: `Dept ${Number(id.slice(1)) % 40}` })) }),
      };
      return chain;
    },
  } as unknown as Client;
  return () => client;
}

const principal = (userId: string, admin: boolean): Principal => ({
  tenantId: toTenantId(TENANT),
  userId: toUserId(userId),
  name: userId,
  userPrincipalName: undefined,
  roles: admin ? [PROGRAM_ADMIN_ROLE] : [],
  scopes: ['access_as_user'],
});

/** `REQUESTS` GETs at `CONCURRENCY`, each checked for a 200; latencies in ms. */
async function load(url: string, headers: Record<string, string>): Promise<number[]> {
  const latencies: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < REQUESTS) {
      next += 1;
      const start = performance.now();
      const response = await fetch(url, { headers });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`${url}: ${response.status}`);
      latencies.push(performance.now() - start);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return latencies;
}

export async function apiFigures(): Promise<Record<string, BenchFigure>> {
  const schema = `bench_tabs_${process.pid}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'upward-bench-tabs-'));
  const store = await openStore({ dataDir, databaseUrl: DATABASE_URL, schema });
  try {
    await seed(store.db);
    const app = await createHttpApp({
      log: pino({ level: 'silent' }),
      validator: { validate: async (header) => principal(header === 'Bearer manager' ? 'boss' : 'admin', header === 'Bearer admin') },
      tabConfig: { tenantId: TENANT, clientId: 'bench', loginBaseUrl: 'http://127.0.0.1', apiScope: 'api://bench/access_as_user' },
      tabDirectory: join(dataDir, 'no-tab'),
      ping: () => store.ping(),
      directoryFor: () => {
        throw new Error('not used by the bench');
      },
      mountSelfAuthenticated: async () => {},
      participation: createParticipationSource(store.db, orgDirectory()),
      programHealth: createProgramHealthSource(store.db, { feedback: programFeedbackReader(store.db) }),
    });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const manager = { authorization: 'Bearer manager' };
      const admin = { authorization: 'Bearer admin' };
      const check = (await (await fetch(`${base}/api/participation`, { headers: manager })).json()) as { org: { people: { value?: number } } };
      if (check.org.people.value !== PEOPLE) throw new Error(`the manager summary saw ${JSON.stringify(check.org.people)} people, not ${PEOPLE}`);
      const health = (await (await fetch(`${base}/api/programs/${PROGRAM}/health`, { headers: admin })).json()) as { health: { totals: { plannedSessions: number } } };
      // 98 of every 100 pairs booked, 18 of 20 sessions not cancelled.
      if (health.health.totals.plannedSessions < 80_000) throw new Error(`health counted ${health.health.totals.plannedSessions} planned sessions`);
      const rated = health as unknown as { health: { feedback: { rating: { shown: boolean; aggregate?: { people: number } } } } };
      if ((rated.health.feedback.rating.aggregate?.people ?? 0) < PEOPLE / 2) throw new Error(`health read no feedback: ${JSON.stringify(rated.health.feedback.rating)}`);
      // Warm-up, then the measured runs, one endpoint at a time.
      for (const [url, headers] of [[`${base}/healthz`, {}], [`${base}/api/participation`, manager], [`${base}/api/programs/${PROGRAM}/health`, admin]] as const) {
        await load(url, headers);
      }
      const healthz = await load(`${base}/healthz`, {});
      const participation = await load(`${base}/api/participation`, manager);
      const programHealth = await load(`${base}/api/programs/${PROGRAM}/health`, admin);
      // The same summary with the facts cache off, one request at a time: what a cache miss costs.
      const uncached = createProgramHealthSource(store.db, { ttlMs: 0, feedback: programFeedbackReader(store.db) });
      const misses: number[] = [];
      for (let i = 0; i < 10; i += 1) {
        const start = performance.now();
        summariseProgramHealth((await uncached.facts(TENANT, PROGRAM, Date.now()))!, Date.now());
        misses.push(performance.now() - start);
      }
      const p95 = (s: number[]) => percentile(s, 95);
      const spread = (s: number[]) => `p50 ${percentile(s, 50).toFixed(1)} ms, p99 ${percentile(s, 99).toFixed(1)} ms`;
      return {
        'api.manager-summary-p95': figure(p95(participation), 'ms', p95(healthz), { spread: spread(participation), target: '< 200 ms' }),
        'api.admin-health-p95': figure(p95(programHealth), 'ms', p95(healthz), { spread: spread(programHealth), target: '< 200 ms (15 s facts cache)' }),
        'api.admin-health-miss-p50': figure(percentile(misses, 50), 'ms', percentile(healthz, 50), { spread: `max ${Math.max(...misses).toFixed(1)} ms, one at a time` }),
      };
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  } finally {
    await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(store.db).catch(() => undefined);
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
