/**
 * The message extension's search over 10 000 enrolled profiles and feedback submission, each at
 * 20 concurrent requests with autocannon against `/api/messages` of Upward's bot as start-app
 * composes it (the loop's handlers and the message extension over an embedded PGlite store,
 * unauthenticated bot requests as locally). Baseline: `GET /healthz` (a store ping) on the same
 * server under the same load. Targets: p99 < 150 ms for search, < 200 ms for feedback.
 *
 * Said plainly: activities are posted straight to the bot endpoint (no Teams service in front,
 * no token check); every feedback request is a different person's first answer on a different
 * session (an insert, not a repeat), and the search index is warmed first, so the search figure
 * is the cached index's cost (a rebuild happens once a minute per tenant). The job queue and the
 * development tenant are not started: with 5 000 live bookings the loop's planner would queue
 * 100 000 timed messages at once and the figures would measure that backlog, not these paths.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import express from 'express';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { messageExtensionDeps } from '../src/app/message-extension-wiring.ts';
import { loopPortsOver } from '../src/engagement/engagement-runtime.ts';
import { openStore } from '../src/store/store.ts';
import { createBot } from '../src/teams/bot.ts';
import { createLoopHandlers } from '../src/teams/loop/loop-handlers.ts';
import { registerMessageExtension } from '../src/teams/message-extension/index.ts';
import { userId, type TenantId } from '../src/core/ids.ts';
import { programId } from '../src/core/programs/program.ts';
import { createProgram } from '../src/core/programs/program-settings.ts';
import { epochMs, HOUR_MS } from '../src/core/time.ts';
import { programRepository } from '../src/store/programs.ts';
import { bookingId, bookingRepository, type BookingRecord } from '../src/store/bookings.ts';
import type { Database } from '../src/store/schema.ts';
import { CARD_VERBS } from '../src/teams/cards/card-verbs.ts';
import { figure, type BenchCase, type BenchFigure } from './harness.ts';

const PEOPLE = 10_000;
const PAIRS = PEOPLE / 2;
const CONNECTIONS = 20;
const REQUESTS = 2_000;
const PROGRAM = 'bench-me-program';
const TENANT = '3e0c5a1d-7b2f-4c8e-9a6d-1f2e3d4c5b6a';

/** The part of autocannon's API (no types ship with it) this bench uses. */
interface CannonRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (request: CannonRequest) => CannonRequest;
}
interface CannonResult {
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}
type Autocannon = (options: { url: string; connections: number; amount: number; requests?: CannonRequest[]; method?: string }) => Promise<CannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const person = (i: number) => `u${String(i).padStart(5, '0')}`;

/** 10 000 enrolments in one program; one in 40 teaches "Prompt engineering", everyone two other tags. */
async function seedProfiles(db: Kysely<Database>, tenant: TenantId): Promise<void> {
  const program = createProgram(
    { name: 'Bench program', topicTracks: ['GenAI tools'], cadence: 'weekly', sessionMinutes: 45, term: { start: '2026-01-01T00:00:00Z', end: '2027-12-31T00:00:00Z' }, organiser: 'mentor' },
    { id: programId(PROGRAM), tenantId: tenant },
    epochMs(Date.now()),
  );
  await programRepository(db).insert(tenant, program, userId('admin'));
  await sql`insert into enrolments (tenant_id, program_id, user_id, role, profile, answers, do_not_pair_with, enrolled_at, updated_at)
            select ${tenant}, ${PROGRAM}, 'u' || lpad(i::text, 5, '0'), case when i < ${PAIRS} then 'mentor' else 'mentee' end,
                   jsonb_build_object('displayName', 'Person ' || i, 'department', 'Dept ' || (i % 40), 'jobTitle', 'Analyst',
                                      'managerChain', '[]'::jsonb, 'seniorityLevel', 1, 'timeZone', 'Europe/London', 'weeklyWorkingMinutesUtc', '[]'::jsonb),
                   jsonb_build_object('canTeach', jsonb_build_array('Topic ' || (i % 300), 'Skill ' || (i % 97),
                                                                    case when i % 40 = 0 then 'Prompt engineering' else 'Excel ' || (i % 13) end),
                                      'wantsToLearn', '[]'::jsonb, 'goals', '[]'::jsonb, 'languages', '["English"]'::jsonb),
                   '[]'::jsonb, now(), now()
            from generate_series(0, ${PEOPLE - 1}) i`.execute(db);
}

/** Pair i: mentor u_i, mentee u_(i+PAIRS), one session that ended an hour ago and three to come. */
function booking(tenant: string, i: number, now: number): BookingRecord {
  const starts = [now - 2 * HOUR_MS, now + 7 * 24 * HOUR_MS, now + 14 * 24 * HOUR_MS, now + 21 * 24 * HOUR_MS];
  const mentor = person(i);
  const mentee = person(i + PAIRS);
  return {
    tenantId: tenant as BookingRecord['tenantId'],
    id: bookingId(randomUUID()),
    programId: PROGRAM,
    pairId: `pair-${i}`,
    cycle: 1,
    runId: null,
    position: i,
    state: 'booked',
    organiser: { userId: mentor as BookingRecord['organiser']['userId'], mailbox: `${mentor}@bench.test`, name: `Person ${i}`, role: 'mentor' },
    attendee: { userId: mentee as BookingRecord['attendee']['userId'], mailbox: `${mentee}@bench.test`, name: `Person ${i + PAIRS}`, role: 'mentee' },
    settings: { cadence: 'weekly', durationMinutes: 45, term: { start: '2026-01-01', end: '2027-12-31' }, programName: 'Bench program', agenda: [], subject: 'Reverse mentoring', bodyHtml: '' },
    plan: null,
    occurrences: starts.map((start, index) => ({
      index,
      date: new Date(start).toISOString().slice(0, 10),
      originalStart: epochMs(start),
      start: epochMs(start),
      end: epochMs(start + 45 * 60_000),
      status: 'free' as const,
      segment: 0,
      conflict: null,
    })),
    series: [],
    transactionId: randomUUID(),
    eventId: `event-${i}`,
    joinUrl: null,
    reasonCode: null,
    reason: null,
    version: 1,
    createdAt: epochMs(now),
    updatedAt: epochMs(now),
  };
}

/** An invoke activity from `userId`, as Teams posts it. */
function invoke(tenant: string, userId: string, serviceUrl: string, name: string, value: unknown): string {
  return JSON.stringify({
    type: 'invoke',
    name,
    value,
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl,
    from: { id: `29:${userId}`, aadObjectId: userId },
    recipient: { id: '28:bench-bot' },
    conversation: { id: `a:${userId}`, conversationType: 'personal', tenantId: tenant },
    channelData: { tenant: { id: tenant } },
  });
}

const spread = (r: CannonResult) => `p50 ${r.latency.p50.toFixed(1)} ms, p99 ${r.latency.p99.toFixed(1)} ms`;
function checked(what: string, result: CannonResult): CannonResult {
  if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0) {
    throw new Error(`${what}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`);
  }
  return result;
}

async function teamsFigures(): Promise<Record<string, BenchFigure>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'upward-bench-teams-'));
  const log = pino({ level: process.env['BENCH_LOG'] ?? 'silent' });
  const store = await openStore({ dataDir, log });
  const web = express();
  web.get('/healthz', async (_req, res) => {
    await store.ping();
    res.json({ status: 'ok' });
  });
  const tabUrl = 'http://127.0.0.1/tab/';
  const bot = createBot({
    log,
    bot: { id: undefined, password: undefined, allowUnauthenticated: true },
    tenantId: TENANT,
    tabUrl,
    loop: createLoopHandlers({ ports: loopPortsOver(store), tabUrl }),
    extend: (teams) => registerMessageExtension(teams, messageExtensionDeps({ db: store.db, log, defaultTenantId: TENANT, tabUrl })),
    givenNameOf: async () => undefined,
    conversations: { upsert: async () => {} },
  });
  await bot.mount(web);
  const server = web.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const app = { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, store };
  try {
    const tenant = TENANT;
    const now = Date.now();
    await seedProfiles(app.store.db, tenant as TenantId);
    const bookings = Array.from({ length: PAIRS }, (_, i) => booking(tenant, i, now));
    for (let i = 0; i < bookings.length; i += 500) await bookingRepository(app.store.db).insertMany(tenant as BookingRecord['tenantId'], bookings.slice(i, i + 500));

    const url = `${app.url}/api/messages`;
    const serviceUrl = `${app.url}/unused-connector/`;
    const headers = { 'content-type': 'application/json' };
    const searchBody = invoke(tenant, person(PAIRS), serviceUrl, 'composeExtension/query', {
      commandId: 'findMentors',
      parameters: [{ name: 'query', value: 'prompt' }],
      queryOptions: { skip: 0, count: 25 },
    });
    // Warm-up and a check that the search really searches 10 000 people.
    const probe = (await (await fetch(url, { method: 'POST', headers, body: searchBody })).json()) as { composeExtension?: { attachments?: unknown[] } };
    if (probe.composeExtension?.attachments?.length !== 25) throw new Error(`the search found ${JSON.stringify(probe).slice(0, 300)}`);

    let next = 0;
    const feedbackRequest: CannonRequest = {
      method: 'POST',
      path: '/api/messages',
      headers,
      // Each request: the next pair's mentor answers on their session that ended an hour ago.
      setupRequest: (request) => {
        const i = next++ % PAIRS;
        const b = bookings[i]!;
        const sessionId = `${b.id}#0`;
        const data = { sessionId, pairId: b.pairId, submissionId: `${sessionId}/${person(i)}`, happened: 'held', rating: '4', learned: 'Something', taught: '', action: '', privateNote: '', shareWithPartner: 'false' };
        return { ...request, body: invoke(tenant, person(i), serviceUrl, 'adaptiveCard/action', { action: { type: 'Action.Execute', verb: CARD_VERBS.feedbackSubmit, data } }) };
      },
    };

    await autocannon({ url: `${app.url}/healthz`, connections: CONNECTIONS, amount: 200 });
    const healthz = checked('healthz', await autocannon({ url: `${app.url}/healthz`, connections: CONNECTIONS, amount: REQUESTS }));
    const search = checked('search', await autocannon({ url, connections: CONNECTIONS, amount: REQUESTS, requests: [{ method: 'POST', path: '/api/messages', headers, body: searchBody }] }));
    const feedback = checked('feedback', await autocannon({ url, connections: CONNECTIONS, amount: REQUESTS, requests: [feedbackRequest] }));
    const stored = await app.store.db.selectFrom('feedback').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    if (Number(stored.n) !== REQUESTS) throw new Error(`feedback rows: ${stored.n}, expected ${REQUESTS}`);

    return {
      'search-p99': figure(search.latency.p99, 'ms', healthz.latency.p99, { spread: spread(search), target: '< 150 ms' }),
      'feedback-p99': figure(feedback.latency.p99, 'ms', healthz.latency.p99, { spread: spread(feedback), target: '< 200 ms' }),
      'healthz-p50': figure(healthz.latency.p50, 'ms', healthz.latency.p50, { spread: spread(healthz) }),
    };
  } finally {
    await new Promise((resolve) => server.close(resolve));
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** `npm run bench -- teams`. */
export const teamsBench: BenchCase = { name: 'teams', run: teamsFigures };
