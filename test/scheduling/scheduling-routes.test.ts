import express from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROGRAM_ADMIN_ROLE, type Principal } from '../../src/auth/principal.ts';
import { userId } from '../../src/core/ids.ts';
import { createProgram } from '../../src/core/programs/program-settings.ts';
import { programId } from '../../src/core/programs/program.ts';
import { epochMs } from '../../src/core/time.ts';
import { createSchedulingService } from '../../src/scheduling/scheduling-service.ts';
import { authenticate } from '../../src/server/authenticate.ts';
import { errorResponder } from '../../src/server/error-response.ts';
import { schedulingRoutes } from '../../src/server/routes/scheduling.ts';
import { bookingRunRepository } from '../../src/store/booking-runs.ts';
import { pairingId, pairingRepository } from '../../src/store/pairings.ts';
import { programRepository } from '../../src/store/programs.ts';
import { openTestStore, type TestStore } from '../store/open-test-store.ts';
import { pairsFrom, startSchedulingFixture, TENANT, TERM, type SchedulingFixture } from './scheduling-fixture.ts';

/** The scheduling API as the tab and the CLI call it: status codes, error bodies, who may do what. */
let fx: SchedulingFixture;
let db: TestStore;
let server: Server;
let base: string;
beforeAll(async () => {
  fx = await startSchedulingFixture();
  db = await openTestStore('pglite');
  const app = express();
  // The bearer token names the caller: "admin" or a user id (test stand-in for token validation).
  app.use(authenticate({
    validate: async (header) => {
      const who = String(header ?? '').replace(/^Bearer /, '');
      const principal: Principal = { tenantId: TENANT, userId: userId(who), name: undefined, userPrincipalName: undefined, roles: who === 'admin' ? [PROGRAM_ADMIN_ROLE] : [], scopes: [] };
      return principal;
    },
  }));
  app.use(express.json({ limit: '1mb' }));
  app.use('/api', schedulingRoutes(createSchedulingService(fx.deps(db.store))));
  app.use(errorResponder(pino({ level: 'silent' })));
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
});
afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  await db?.cleanup();
  await fx?.dev.dispose();
});

const call = async (as: string, method: string, path: string, body?: unknown) => {
  const response = await fetch(`${base}${path}`, { method, headers: { authorization: `Bearer ${as}`, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
};

describe('the scheduling API', () => {
  it('starts a cohort run for admins and reports its progress', async () => {
    const pairs = pairsFrom(fx.dev.tenant.directory.people(TENANT), 2);
    const started = await call('admin', 'POST', '/scheduling/runs', { programId: 'api-1', settings: { cadence: 'monthly', durationMinutes: 60, term: TERM }, pairs });
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ created: true, total: 2, progress: { status: 'queued', total: 2, done: 0, etaSeconds: null } });
    const status = await call('admin', 'GET', `/scheduling/runs/${started.body['runId']}`);
    expect(status).toMatchObject({ status: 200, body: { runId: started.body['runId'], phase: 'queued' } });
    const again = await call('admin', 'POST', '/scheduling/runs', { programId: 'api-1', settings: { cadence: 'monthly', durationMinutes: 60, term: TERM }, pairs });
    expect(again).toMatchObject({ status: 200, body: { created: false, runId: started.body['runId'] } });
  });

  it('answers bad input with 400 naming each field, and other people with 403', async () => {
    const bad = await call('admin', 'POST', '/scheduling/runs', { programId: 'api-2', settings: { cadence: 'weekly', durationMinutes: 45, term: { start: '2027-03-02', end: 'soon' } }, pairs: [] });
    expect(bad.status).toBe(400);
    expect(bad.body['error']).toMatchObject({ code: 'bad_input' });
    expect(bad.body['error'].fields.map((f: { field: string }) => f.field)).toEqual(['settings.term.end', 'pairs']);
    const someone = await call('someone', 'POST', '/scheduling/runs', { programId: 'api-3', settings: { cadence: 'weekly', durationMinutes: 45, term: TERM }, pairs: [] });
    expect(someone).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    expect((await call('admin', 'POST', '/scheduling/bookings/x/sessions/-1/cancel')).status).toBe(400);
  });

  it('books a pair, which its members then see with the explanation', async () => {
    const [pair] = pairsFrom(fx.dev.tenant.directory.people(TENANT), 1, 5);
    const booked = await call('admin', 'POST', '/scheduling/bookings', { programId: 'api-4', settings: { cadence: 'biweekly', durationMinutes: 30, term: TERM }, pair });
    expect(booked.status).toBe(201);
    expect(booked.body).toMatchObject({ state: 'booked', organiser: { role: 'mentee' } });
    const mine = await call(pair!.mentor.userId, 'GET', '/me/bookings');
    expect(mine.body['bookings']).toHaveLength(1);
    expect(mine.body['bookings'][0]).toMatchObject({ bookingId: booked.body['bookingId'], explanation: booked.body['explanation'] });
    expect(booked.body['explanation']).toMatch(/^Every other/);
    expect((await call('stranger', 'GET', `/scheduling/bookings/${booked.body['bookingId']}`)).status).toBe(404);
  });

  it("schedules a program's published pairs with the program's own settings", async () => {
    const admin = userId('admin');
    const program = createProgram(
      { name: 'Spring cohort', topicTracks: ['GenAI tools', 'Gen Z at work'], cadence: 'weekly', sessionMinutes: 45, term: { start: '2027-03-02T00:00:00Z', end: '2027-04-27T00:00:00Z' }, organiser: 'mentee' },
      { id: programId('prog-spring'), tenantId: TENANT },
      epochMs(Date.parse('2027-02-01T00:00:00Z')),
    );
    await programRepository(db.store.db).insert(TENANT, program, admin);
    const pairs = pairsFrom(fx.dev.tenant.directory.people(TENANT), 2, 8);
    await pairingRepository(db.store.db).insertMany(TENANT, pairs.map((p, i) => ({
      tenantId: TENANT, id: pairingId(`pairing-${i}`), programId: program.id, cycle: 1, mentorId: userId(p.mentor.userId), menteeId: userId(p.mentee.userId),
      coMentorId: null, score: 1, reasons: [], publishedAt: epochMs(Date.parse('2027-02-10T00:00:00Z')), endedAt: null, endReason: null, endedBy: null,
    })));
    const started = await call('admin', 'POST', '/programs/prog-spring/schedule', {});
    expect(started).toMatchObject({ status: 202, body: { created: true, total: 2 } });
    const run = await bookingRunRepository(db.store.db).get(TENANT, started.body['runId']);
    expect(run!.settings).toEqual({
      cadence: 'weekly', durationMinutes: 45, term: { start: '2027-03-02', end: '2027-04-26' }, organiser: 'mentee', programName: 'Spring cohort',
      agenda: ['Topic track: GenAI tools', 'Topic track: Gen Z at work'],
    });
    const runs = await call('admin', 'GET', '/scheduling/runs?programId=prog-spring');
    expect(runs.body['runs']).toHaveLength(1);
    expect((await call('admin', 'POST', '/programs/nope/schedule', {})).status).toBe(404);
  });
});
