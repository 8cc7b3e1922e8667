/**
 * The personal tab's read routes around a pair's sessions: the mutual free alternatives of one
 * session, and the pair's agenda backlog. Participant and partner 200, anyone else 404, an admin
 * outside the pair 403; the alternatives really are free for both and can be booked.
 */
import express from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROGRAM_ADMIN_ROLE, type Principal } from '../../src/auth/principal.ts';
import { userId } from '../../src/core/ids.ts';
import { createProgram } from '../../src/core/programs/program-settings.ts';
import { programId } from '../../src/core/programs/program.ts';
import { pairId } from '../../src/core/sessions/session.ts';
import { epochMs, MINUTE_MS } from '../../src/core/time.ts';
import { createSchedulingService } from '../../src/scheduling/scheduling-service.ts';
import { authenticate } from '../../src/server/authenticate.ts';
import { errorResponder } from '../../src/server/error-response.ts';
import { createPairBacklogSource, pairBacklogRoutes } from '../../src/server/routes/pair-backlog.ts';
import { schedulingRoutes } from '../../src/server/routes/scheduling.ts';
import { sessionAlternativesRoutes } from '../../src/server/routes/session-alternatives.ts';
import { createSessionAlternativesSource } from '../../src/server/routes/session-alternatives-source.ts';
import { agendaBacklogRepository } from '../../src/store/agenda-backlog.ts';
import { pairingId, pairingRepository } from '../../src/store/pairings.ts';
import { programRepository } from '../../src/store/programs.ts';
import { openTestStore, type TestStore } from '../store/open-test-store.ts';
import { pairsFrom, startSchedulingFixture, TENANT, TERM, type SchedulingFixture } from '../scheduling/scheduling-fixture.ts';

let fx: SchedulingFixture;
let db: TestStore;
let server: Server;
let base: string;
let mentor: string;
let mentee: string;
let booking: Record<string, any>;

beforeAll(async () => {
  fx = await startSchedulingFixture();
  db = await openTestStore('pglite');
  const deps = fx.deps(db.store);
  const app = express();
  // The bearer token names the caller: "admin" or a user id (test stand-in for token validation).
  app.use(authenticate({
    validate: async (header) => {
      const who = String(header ?? '').replace(/^Bearer /, '');
      const principal: Principal = { tenantId: TENANT, userId: userId(who), name: undefined, userPrincipalName: undefined, roles: who === 'admin' ? [PROGRAM_ADMIN_ROLE] : [], scopes: [] };
      return principal;
    },
  }));
  app.use(express.json());
  app.use('/api', schedulingRoutes(createSchedulingService(deps)));
  app.use('/api', sessionAlternativesRoutes(createSessionAlternativesSource(deps)));
  app.use('/api', pairBacklogRoutes(createPairBacklogSource(db.store.db)));
  app.use(errorResponder(pino({ level: 'silent' })));
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;

  const program = createProgram(
    { name: 'Spring cohort', topicTracks: ['GenAI tools'], cadence: 'weekly', sessionMinutes: 45, term: { start: '2027-03-02T00:00:00Z', end: '2027-04-27T00:00:00Z' }, organiser: 'mentee' },
    { id: programId('prog-mine'), tenantId: TENANT },
    epochMs(Date.parse('2027-02-01T00:00:00Z')),
  );
  await programRepository(db.store.db).insert(TENANT, program, userId('admin'));
  const [pair] = pairsFrom(fx.dev.tenant.directory.people(TENANT), 1, 3);
  mentor = pair!.mentor.userId;
  mentee = pair!.mentee.userId;
  await pairingRepository(db.store.db).insertMany(TENANT, [{
    tenantId: TENANT, id: pairingId(pair!.pairId), programId: program.id, cycle: 1, mentorId: userId(mentor), menteeId: userId(mentee),
    coMentorId: null, score: 1, reasons: [], publishedAt: epochMs(Date.parse('2027-02-10T00:00:00Z')), endedAt: null, endReason: null, endedBy: null,
  }]);
  const booked = await call('admin', 'POST', '/scheduling/bookings', { programId: 'prog-mine', settings: { cadence: 'weekly', durationMinutes: 45, term: TERM }, pair });
  expect(booked.status).toBe(201);
  booking = booked.body;
  const backlog = agendaBacklogRepository(db.store.db);
  await backlog.add(TENANT, { pairId: pairId(pair!.pairId), id: 'b1', text: 'Prompting tips for board papers', link: null, addedBy: userId(mentor), addedAt: epochMs(Date.parse('2027-02-11T09:00:00Z')) });
  await backlog.add(TENANT, { pairId: pairId(pair!.pairId), id: 'b2', text: 'How Gen Z reads email', link: 'https://teams.example/m/2', addedBy: userId(mentee), addedAt: epochMs(Date.parse('2027-02-12T09:00:00Z')) });
  await backlog.markDone(TENANT, pairId(pair!.pairId), 'b1', epochMs(Date.parse('2027-02-20T09:00:00Z')));
}, 120_000);
afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  await db?.cleanup();
  await fx?.dev.dispose();
});

async function call(as: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${base}${path}`, { method, headers: { authorization: `Bearer ${as}`, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

describe('GET /scheduling/bookings/:id/sessions/:index/alternatives', () => {
  const path = (index = 1) => `/scheduling/bookings/${booking['bookingId']}/sessions/${index}/alternatives`;

  it('answers the pair 200, a stranger 404 and an admin outside the pair 403', async () => {
    expect((await call(mentor, 'GET', path())).status).toBe(200);
    expect((await call(mentee, 'GET', path())).status).toBe(200);
    expect((await call('stranger', 'GET', path())).body).toMatchObject({ error: { code: 'not_found' } });
    expect((await call('stranger', 'GET', path())).status).toBe(404);
    expect((await call('admin', 'GET', path())).status).toBe(403);
    expect((await call(mentor, 'GET', '/scheduling/bookings/nope/sessions/1/alternatives')).status).toBe(404);
    expect((await call(mentor, 'GET', `/scheduling/bookings/${booking['bookingId']}/sessions/x/alternatives`)).status).toBe(400);
  });

  it('offers distinct free times of the session length near it, and one of them can be booked', async () => {
    const answer = (await call(mentor, 'GET', path())).body;
    const session = booking['sessions'].find((s: any) => s.index === 1);
    expect(answer).toMatchObject({ bookingId: booking['bookingId'], index: 1, durationMinutes: 45, current: { start: session.start, end: session.end } });
    const alternatives: Array<{ start: string; end: string }> = answer['alternatives'];
    expect(alternatives.length).toBeGreaterThan(0);
    expect(alternatives.length).toBeLessThanOrEqual(6);
    const starts = alternatives.map((a) => Date.parse(a.start));
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
    expect(new Set(starts).size).toBe(starts.length);
    for (const a of alternatives) {
      expect(Date.parse(a.end) - Date.parse(a.start)).toBe(45 * MINUTE_MS);
      expect(a.start).not.toBe(session.start);
      // Within the move window around the session.
      expect(Math.abs(Date.parse(a.start) - Date.parse(session.start))).toBeLessThanOrEqual(4 * 86_400_000);
    }
    // The reschedule route checks the asked time is free for both and in working hours: it accepts it.
    const moved = await call(mentee, 'POST', `/scheduling/bookings/${booking['bookingId']}/sessions/1/reschedule`, { start: alternatives[0]!.start });
    expect(moved.status).toBe(200);
    expect(moved.body['sessions'].find((s: any) => s.index === 1)).toMatchObject({ start: alternatives[0]!.start, status: 'moved' });
  });
});

describe('GET /me/pairings/:id/backlog', () => {
  const path = () => `/me/pairings/${booking['pairId']}/backlog`;

  it('answers the pair 200, a stranger 404 and an admin outside the pair 403', async () => {
    expect((await call(mentor, 'GET', path())).status).toBe(200);
    expect((await call(mentee, 'GET', path())).status).toBe(200);
    expect((await call('stranger', 'GET', path())).status).toBe(404);
    expect((await call('admin', 'GET', path())).status).toBe(403);
    expect((await call(mentor, 'GET', '/me/pairings/no-such-pairing/backlog')).status).toBe(404);
    expect((await call('admin', 'GET', '/me/pairings/no-such-pairing/backlog')).status).toBe(404);
  });

  it('lists open items first, then covered ones, saying which the caller added', async () => {
    const mine = (await call(mentor, 'GET', path())).body['items'];
    expect(mine.map((i: any) => [i.id, i.done, i.addedByMe])).toEqual([['b2', false, false], ['b1', true, true]]);
    expect(mine[0]).toMatchObject({ text: 'How Gen Z reads email', link: 'https://teams.example/m/2', addedAt: '2027-02-12T09:00:00.000Z' });
    const theirs = (await call(mentee, 'GET', path())).body['items'];
    expect(theirs.map((i: any) => [i.id, i.addedByMe])).toEqual([['b2', true], ['b1', false]]);
  });
});

describe('POST /me/pairings/:id/backlog', () => {
  const path = () => `/me/pairings/${booking['pairId']}/backlog`;
  const stored = async () => (await agendaBacklogRepository(db.store.db).list(TENANT, pairId(booking['pairId']), { includeDone: true })).map((i) => i.id);

  it('adds an item with its link for either of the pair, once per id, and the partner sees it', async () => {
    const added = await call(mentee, 'POST', path(), { id: 'tab-1', text: '  Reading a board paper with Copilot  ', link: 'https://contoso.sharepoint.com/board' });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ added: true, item: { id: 'tab-1', text: 'Reading a board paper with Copilot', link: 'https://contoso.sharepoint.com/board', addedByMe: true, done: false } });
    // A second click with the same id stores nothing more.
    const again = await call(mentee, 'POST', path(), { id: 'tab-1', text: 'Something else' });
    expect(again).toMatchObject({ status: 200, body: { added: false, item: { text: 'Reading a board paper with Copilot' } } });
    const noLink = await call(mentor, 'POST', path(), { text: 'Gen Z and email' });
    expect(noLink).toMatchObject({ status: 201, body: { item: { link: null, addedByMe: true } } });
    const seen = (await call(mentor, 'GET', path())).body['items'];
    expect(seen.find((i: any) => i.id === 'tab-1')).toMatchObject({ addedByMe: false, link: 'https://contoso.sharepoint.com/board' });
  });

  it('refuses bad input naming the field, and stores nothing', async () => {
    const before = await stored();
    const cases: Array<[unknown, string, RegExp]> = [
      [{ text: '   ' }, 'text', /Write what you want to talk about/],
      [{}, 'text', /Write what you want to talk about/],
      [{ text: 'x'.repeat(501) }, 'text', /at most 500 characters/],
      [{ text: 'Fine', link: 'javascript:alert(1)' }, 'link', /https:\/\/ or http:\/\//],
      [{ text: 'Fine', link: 'ftp://files.example/x' }, 'link', /https:\/\/ or http:\/\//],
      [{ text: 'Fine', link: 'not a link' }, 'link', /https:\/\/ or http:\/\//],
      [{ text: 'Fine', colour: 'red' }, 'colour', /Unknown field/],
    ];
    for (const [body, field, message] of cases) {
      const answer = await call(mentor, 'POST', path(), body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body['error'].code).toBe('bad_input');
      expect(answer.body['error'].fields).toEqual([{ field, message: expect.stringMatching(message) }]);
    }
    expect(await stored()).toEqual(before);
  });

  it('lets only the pair add: a stranger 404, an admin outside the pair 403, nothing stored', async () => {
    const before = await stored();
    expect((await call('stranger', 'POST', path(), { text: 'Mine now' })).status).toBe(404);
    expect((await call('admin', 'POST', path(), { text: 'From the program team' })).status).toBe(403);
    expect((await call(mentor, 'POST', '/me/pairings/no-such-pairing/backlog', { text: 'Lost' })).status).toBe(404);
    expect(await stored()).toEqual(before);
  });
});

describe('POST /me/pairings/:id/backlog once the pair has ended', () => {
  it('refuses new items with 409 and stores nothing', async () => {
    const items = async () => (await agendaBacklogRepository(db.store.db).list(TENANT, pairId(booking['pairId']), { includeDone: true })).length;
    const before = await items();
    await pairingRepository(db.store.db).endAllRunning(TENANT, programId('prog-mine'), { at: epochMs(Date.parse('2027-03-01T00:00:00Z')), reason: 'closed' });
    const answer = await call(mentor, 'POST', `/me/pairings/${booking['pairId']}/backlog`, { text: 'Too late' });
    expect(answer).toMatchObject({ status: 409, body: { error: { code: 'conflict' } } });
    expect(await items()).toBe(before);
  });
});
