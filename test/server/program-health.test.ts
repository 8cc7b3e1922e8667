/**
 * Program health and the admin's CSV export over HTTP, against Upward started as `npm start`
 * runs it: admins only (403 otherwise), tenant-scoped (another organisation's admin finds
 * nothing), planned sessions per week from the stored bookings, pairs at risk with actions, and
 * an export that carries public profiles, pairs and booking results but never exclusions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DevPerson } from '../../src/devtenant/dev-tenant.ts';
import { createEnrollingProgram, pickCohort, startAppFixture, waitForProposal, type AppFixture } from '../programs/app-fixture.ts';
import { juniorForm, PROGRAM, seniorForm } from '../programs/program-forms.ts';
import { feedbackKey } from '../../src/core/feedback/feedback.ts';
import { tenantId, userId } from '../../src/core/ids.ts';
import { pairId, sessionId } from '../../src/core/sessions/session.ts';
import { epochMs } from '../../src/core/time.ts';
import { checkInRepository } from '../../src/store/check-ins.ts';
import { feedbackRepository } from '../../src/store/feedback.ts';
import { seedBooking } from './program-health-seed.ts';

let fx: AppFixture;
let admin: DevPerson;
let id: string;
let pairs: Array<{ id: string; mentor: { userId: string }; mentee: { userId: string } }>;
let excluded: DevPerson;
const WEEK = 7 * 24 * 3_600_000;
// Mondays 10:00 UTC, well in the past, so they count as past sessions whatever today is.
const MON_1 = Date.UTC(2025, 0, 6, 10);
const MON_2 = MON_1 + WEEK;

beforeAll(async () => {
  fx = await startAppFixture();
  admin = fx.admins()[0]!;
  const cohort = pickCohort(fx.people(), 6);
  const chosen = new Set([...cohort.seniors, ...cohort.juniors].map((p) => p.id));
  excluded = fx.people().find((p) => p.accountEnabled && !p.isProgramAdmin && !chosen.has(p.id))!;
  id = await createEnrollingProgram(fx, admin, { ...PROGRAM, name: 'Health, "pilot", 2026' });
  for (const [i, junior] of cohort.juniors.entries()) {
    const extra = i === 0 ? { doNotPairWith: [excluded.id], goals: ['=HYPERLINK("http://evil.example")', 'learn, fast'] } : {};
    expect((await fx.call(junior, 'POST', `/programs/${id}/enrolment`, juniorForm(extra))).status).toBe(201);
  }
  for (const senior of cohort.seniors) expect((await fx.call(senior, 'POST', `/programs/${id}/enrolment`, seniorForm())).status).toBe(201);
  await fx.call(admin, 'POST', `/programs/${id}/transitions`, { to: 'matching' });
  await fx.call(admin, 'POST', `/programs/${id}/matching`);
  await waitForProposal(fx, admin, id);
  const published = await fx.call(admin, 'POST', `/programs/${id}/publish`);
  expect(published.status).toBe(200);
  pairs = published.body.pairings;
  expect(pairs.length).toBeGreaterThanOrEqual(5);

  const db = fx.app.store.db;
  // Pair 0: four weekly sessions, two of them cancelled. Pair 1: no common time. Pair 2: two sessions.
  await seedBooking(db, fx.tenantId, id, pairs[0]!.id, 'booked', [
    { start: MON_1 },
    { start: MON_2, status: 'cancelled' },
    { start: MON_2 + WEEK, status: 'cancelled' },
    { start: MON_2 + 2 * WEEK },
  ]);
  await seedBooking(db, fx.tenantId, id, pairs[1]!.id, 'no_slot', [], { reasonCode: 'no_overlap', reason: 'No common free time' });
  await seedBooking(db, fx.tenantId, id, pairs[2]!.id, 'booked', [{ start: MON_1 + 3_600_000 }, { start: MON_2, status: 'moved' }]);
  // Pair 4: two sessions in a row that the mentor says did not happen, so both were sent the
  // private check-in; the mentee answered "talk to the program team".
  const p4 = pairs[4]!;
  await seedBooking(db, fx.tenantId, id, p4.id, 'booked', [{ start: MON_1 }, { start: MON_2 }, { start: MON_2 + WEEK }]);
  const tenant = tenantId(fx.tenantId);
  for (const [n, start] of [MON_1, MON_2].entries()) {
    const session = sessionId(`booking-${p4.id}:${n}`);
    const author = userId(p4.mentor.userId);
    const at = epochMs(start + 3_600_000);
    await feedbackRepository(db).insert(tenant, {
      key: feedbackKey(session, author), sessionId: session, pairId: pairId(p4.id), authorId: author, sessionEnd: epochMs(start + 45 * 60_000),
      happened: 'no-show', rating: null, learned: '', taught: '', action: '', privateNote: 'PRIVATE NOTE nobody else reads', shareWithPartner: false,
      submittedAt: at, updatedAt: at, revision: 1,
    });
  }
  await checkInRepository(db).record(tenant, {
    streakKey: `missed-streak:${p4.id}:booking-${p4.id}:1`, userId: userId(p4.mentee.userId), programId: id, pairId: p4.id, choice: 'contact', answeredAt: epochMs(MON_2 + 86_400_000),
  });
  // Pair 3 leaves (no fault): a re-pair is needed.
  const leaver = fx.people().find((p) => p.id === pairs[3]!.mentor.userId)!;
  expect((await fx.call(leaver, 'POST', `/pairings/${pairs[3]!.id}/leave`)).status).toBe(200);
}, 120_000);
afterAll(() => fx?.close());

describe('GET /programs/:id/health', () => {
  it('counts planned sessions per week from the bookings, held 0 while nobody said a session was held', async () => {
    const answer = await fx.call(admin, 'GET', `/programs/${id}/health`);
    expect(answer.status).toBe(200);
    const health = answer.body.health;
    expect(health.weeks).toEqual([
      { week: '2025-01-06', planned: 3, held: 0 },
      { week: '2025-01-13', planned: 2, held: 0 },
      { week: '2025-01-20', planned: 1, held: 0 },
      { week: '2025-01-27', planned: 1, held: 0 },
    ]);
    expect(health.totals).toMatchObject({ enrolled: 12, plannedSessions: 7, pastSessions: 7, heldSessions: 0, runningPairs: pairs.length - 1 });
    // Feedback is read from the store: pairs 0, 2 and 4 (six people) had 7 past sessions, 14
    // answers were due and pair 4's mentor gave two. Nobody rated a session.
    expect(health.feedback.recorded).toBe(true);
    expect(health.feedback.completion).toEqual({ shown: true, expected: 14, received: 2, rate: 14.3 });
    expect(health.feedback.rating).toEqual({ shown: false, reason: 'Fewer than 5 people: hidden to protect privacy' });
    expect(health.feedback.themes).toEqual({ shown: false, reason: 'No session has been rated yet' });
    expect(health.notes.join(' ')).not.toMatch(/does not record/);
  });

  it('lists pairs at risk with a reason and a suggested action each', async () => {
    const { atRisk } = (await fx.call(admin, 'GET', `/programs/${id}/health`)).body.health;
    const reasonsOf = (pairId: string) => atRisk.pairs.find((p: { pairId: string }) => p.pairId === pairId)?.reasons;
    expect(reasonsOf(pairs[0]!.id)).toEqual(['sessions-cancelled', 'no-feedback']);
    expect(reasonsOf(pairs[1]!.id)).toEqual(['no-meeting-booked']);
    expect(reasonsOf(pairs[2]!.id)).toEqual(['no-feedback']);
    expect(reasonsOf(pairs[3]!.id)).toEqual(['re-pair-requested']);
    expect(reasonsOf(pairs[4]!.id)).toEqual(['check-in-sent']);
    // Pairs without any booking are "not scheduled".
    for (const pair of pairs.slice(5)) expect(reasonsOf(pair.id)).toEqual(['not-scheduled']);
    for (const pair of atRisk.pairs) expect(pair.actions).toHaveLength(pair.reasons.length);
    expect(atRisk.total).toBe(atRisk.pairs.length);
  });

  it('flags a pair sent the check-in after two missed sessions, with an action from its answers and nothing anyone wrote', async () => {
    const body = (await fx.call(admin, 'GET', `/programs/${id}/health`)).body;
    const flagged = body.health.atRisk.pairs.find((p: { pairId: string }) => p.pairId === pairs[4]!.id);
    expect(flagged.checkIn).toEqual({ since: new Date(MON_2 + 45 * 60_000).toISOString(), answered: 1, of: 2 });
    expect(flagged.actions[0]).toMatch(/asked to get in touch: contact both sides, each on their own/);
    const text = JSON.stringify(body);
    expect(text).not.toContain('PRIVATE NOTE');
    expect(text).not.toContain('"contact"');
  });

  it('refuses participants with 403 and hides the program from another organisation (404)', async () => {
    const participant = fx.people().find((p) => p.id === pairs[0]!.mentor.userId)!;
    const refused = await fx.call(participant, 'GET', `/programs/${id}/health`);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('forbidden');
    const foreign = await fx.call(fx.admins(fx.otherTenantId)[0]!, 'GET', `/programs/${id}/health`);
    expect(foreign.status).toBe(404);
    expect((await fx.call(null, 'GET', `/programs/${id}/health`)).status).toBe(401);
  });
});

describe('GET /programs/:id/export.csv', () => {
  const download = async (person: DevPerson, accept?: string) => {
    const headers: Record<string, string> = { authorization: `Bearer ${await fx.token(person)}` };
    if (accept) headers['accept'] = accept;
    return fetch(`${fx.app.url}/api/programs/${id}/export.csv`, { headers });
  };

  it('sends enrolments, pairs with reasons and booking results as an attachment', async () => {
    const response = await download(admin);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="?health-pilot-2026-\d{4}-\d{2}-\d{2}\.csv"?$/);
    const csv = await response.text();
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('Enrolments');
    expect(lines).toContain('Pairs');
    expect(lines).toContain('Bookings');
    for (const pair of pairs) expect(csv).toContain(pair.id);
    expect(csv).toContain(`${pairs[1]!.id},1,no_slot,no_overlap,No common free time`);
    expect(csv).toContain(`${pairs[0]!.id},1,booked,,,Tuesday,10:00,Europe/London,2026-09-01,2027-02-23,2,2`);
  });

  it('neutralises formulas, quotes commas and never includes exclusions or meeting links', async () => {
    const csv = await (await download(admin)).text();
    // The junior's goals cell: joined with "; ", starts with '=' so it gets an apostrophe, and holds commas and quotes.
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example""); learn, fast"`);
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
    expect(csv).not.toContain(excluded.id);
    expect(csv).not.toContain('teams.example/join');
  });

  it('answers the tab (which asks for JSON) with the same text and a file name', async () => {
    const response = await download(admin, 'application/json');
    const body = (await response.json()) as { fileName: string; csv: string };
    expect(body.fileName).toMatch(/^health-pilot-2026-.*\.csv$/);
    expect(body.csv).toBe(await (await download(admin)).text());
  });

  it('refuses participants with 403 and another organisation with 404', async () => {
    const participant = fx.people().find((p) => p.id === pairs[0]!.mentee.userId)!;
    expect((await download(participant)).status).toBe(403);
    expect((await download(fx.admins(fx.otherTenantId)[0]!)).status).toBe(404);
  });
});
