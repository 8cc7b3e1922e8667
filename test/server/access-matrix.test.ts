/**
 * Every API route × every kind of caller, with the exact status each must get. Mutating routes are
 * called with bodies that are refused after the access check (or on a program state that refuses
 * them), so the matrix proves who gets past the guard without changing what later cells see; the
 * few calls that do change something run last. Statuses: 403 = known but not allowed (role),
 * 404 = not theirs to know about (another organisation, another admin's program, someone else's
 * booking or enrolment), 400/409 = allowed in, then refused on the input or the state.
 *
 * Program ownership (src/programs/README.md, "Roles"): `admin` created the program and owns it,
 * `coAdmin` was added by the owner, `otherAdmin` holds the same role but runs another program of
 * the organisation — and gets exactly what a program that does not exist gets (404).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DevPerson } from '../../src/devtenant/dev-tenant.ts';
import { pickCohort, publishProgram, startAppFixture, type AppFixture } from '../programs/app-fixture.ts';
import { juniorForm, PROGRAM } from '../programs/program-forms.ts';

const ROLES = ['participant', 'partner', 'otherParticipant', 'admin', 'coAdmin', 'otherAdmin', 'manager', 'otherManager', 'otherTenant', 'otherTenantAdmin', 'anonymous'] as const;
type RoleName = (typeof ROLES)[number];
type Expected = Record<RoleName, number>;
/** One row: method, path (read when the test runs, after setup), body (or a function giving it), expected statuses. */
type Row = [method: string, path: () => string, body: unknown, expected: Expected];

let fx: AppFixture;
let who: Record<RoleName, DevPerson | null>;
let programId: string;
let otherProgramId: string;
let pairingId: string;
let bookingId: string;
let runId: string;

/** Expected statuses: `base` for everyone, then the exceptions. Anonymous callers always get 401. */
const expectStatuses = (base: number, exceptions: Partial<Expected> = {}): Expected =>
  Object.fromEntries(ROLES.map((r) => [r, r === 'anonymous' ? 401 : (exceptions[r] ?? base)])) as Expected;

/**
 * A route of our program for its admins: the owner and the co-admin in, everyone without the role
 * 403, and an admin of another program or organisation 404, as for a program that does not exist.
 */
const adminOnly = (allowed: number) => expectStatuses(403, { admin: allowed, coAdmin: allowed, otherAdmin: 404, otherTenantAdmin: 404 });

/** The status only (the CSV export answers text, not JSON). */
async function statusOf(person: DevPerson | null, method: string, path: string, body?: unknown): Promise<number> {
  const headers: Record<string, string> = {};
  if (person) headers['authorization'] = `Bearer ${await fx.token(person)}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${fx.app.url}/api${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  await response.arrayBuffer();
  return response.status;
}

/** `body` may be a function, for bodies that name ids known only after setup. */
async function statuses(method: string, path: () => string, body?: unknown): Promise<Expected> {
  const out = {} as Record<RoleName, number>;
  const sent = typeof body === 'function' ? body() : body;
  for (const role of ROLES) out[role] = await statusOf(who[role], method, path(), sent);
  return out;
}

/** Ids of the programs `role` sees in their list. */
const listed = async (role: RoleName): Promise<string[]> => (await fx.call(who[role], 'GET', '/programs')).body.programs.map((p: { id: string }) => p.id);

beforeAll(async () => {
  fx = await startAppFixture();
  const people = fx.people();
  const byId = new Map(people.map((p) => [p.id, p]));
  const chain = (p: DevPerson): string[] => {
    const out: string[] = [];
    for (let m = p.managerId; m !== null; m = byId.get(m)?.managerId ?? null) out.push(m);
    return out;
  };
  const cohort = pickCohort(people, 2, 30);
  // The participant's manager must be a plain manager (not a program admin) for the manager column to mean anything.
  const isPlain = (id: string | null) => id !== null && byId.get(id)?.isProgramAdmin === false;
  const juniors = cohort.juniors
    .filter((j) => j !== cohort.underFirstSenior)
    .sort((a, b) => Number(isPlain(b.managerId)) - Number(isPlain(a.managerId)))
    .slice(0, 2);
  expect(isPlain(juniors[0]!.managerId)).toBe(true);
  const [admin, coAdmin, otherAdmin] = fx.admins();
  // A term that starts soon, so the published pairs can be booked for real.
  const day = 86_400_000;
  const term = { start: `${new Date(Date.now() + 2 * day).toISOString().slice(0, 10)}T00:00:00Z`, end: `${new Date(Date.now() + 70 * day).toISOString().slice(0, 10)}T00:00:00Z` };
  const published = await publishProgram(fx, admin!, { ...PROGRAM, cadence: 'weekly', term }, { mentees: cohort.seniors, mentors: juniors });
  programId = published.id;
  expect((await fx.call(admin!, 'POST', `/programs/${programId}/admins`, { user: coAdmin!.userPrincipalName })).status).toBe(201);
  otherProgramId = (await fx.call(otherAdmin!, 'POST', '/programs', { ...PROGRAM, name: 'Another program' })).body.program.id;

  const participant = juniors[0]!;
  const pairing = published.pairings.find((p) => p.mentor.userId === participant.id)!;
  pairingId = pairing.id;
  const partner = byId.get(pairing.mentee.userId)!;
  const otherParticipant = juniors[1]!;
  const manager = byId.get(participant.managerId!)!;
  const enrolled = new Set([...cohort.seniors, ...juniors].map((p) => p.id));
  // A manager whose org holds none of the program's people.
  const otherManager = people.find(
    (p) => p.accountEnabled && !p.isProgramAdmin && !enrolled.has(p.id) && p.id !== manager.id && fx.app.devTenant!.directory.directReports(fx.tenantId, p.id).length > 0 && !chain(participant).includes(p.id) && ![...enrolled].some((id) => chain(byId.get(id)!).includes(p.id)),
  )!;
  expect(otherManager).toBeDefined();
  const foreignAdmin = fx.admins(fx.otherTenantId)[0]!;
  const foreign = fx.people(fx.otherTenantId).find((p) => p.accountEnabled && !p.isProgramAdmin)!;
  who = { participant, partner, otherParticipant, admin: admin!, coAdmin: coAdmin!, otherAdmin: otherAdmin!, manager, otherManager, otherTenant: foreign, otherTenantAdmin: foreignAdmin, anonymous: null };

  // Book the published pairs, so runs and bookings exist for the scheduling rows.
  const scheduled = await fx.call(admin!, 'POST', `/programs/${programId}/schedule`, {});
  expect(scheduled.status).toBe(202);
  runId = scheduled.body.runId;
  const deadline = Date.now() + 90_000;
  for (;;) {
    const run = await fx.call(admin!, 'GET', `/scheduling/runs/${runId}`);
    if (run.body.status === 'done') break;
    if (run.body.status === 'failed' || Date.now() > deadline) throw new Error(`scheduling: ${JSON.stringify(run.body)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const mine = (await fx.call(participant, 'GET', '/me/bookings')).body.bookings;
  bookingId = mine.find((b: { pairId: string }) => b.pairId === pairingId).bookingId;
}, 240_000);
afterAll(() => fx?.close());

describe('program admin routes', () => {
  it.each<Row>([
    ['GET', () => '/programs', undefined, expectStatuses(403, { admin: 200, coAdmin: 200, otherAdmin: 200, otherTenantAdmin: 200 })],
    ['GET', () => `/programs/${programId}`, undefined, adminOnly(200)],
    ['GET', () => `/programs/${programId}/health`, undefined, adminOnly(200)],
    ['GET', () => `/programs/${programId}/export.csv`, undefined, adminOnly(200)],
    ['GET', () => `/programs/${programId}/admins`, undefined, adminOnly(200)],
    // Only the owner adds and removes admins: the co-admin knows the program, so 403, not 404.
    ['POST', () => `/programs/${programId}/admins`, () => ({ user: who.admin!.userPrincipalName }), { ...adminOnly(409), coAdmin: 403 }],
    ['DELETE', () => `/programs/${programId}/admins/${who.admin!.id}`, undefined, { ...adminOnly(409), coAdmin: 403 }],
    // Claiming is for unclaimed programs; this one has an owner.
    ['POST', () => `/programs/${programId}/claim`, undefined, adminOnly(409)],
    ['POST', () => `/programs/${programId}/proposal/rerun`, undefined, adminOnly(409)],
    ['PATCH', () => `/programs/${programId}`, { name: '' }, adminOnly(400)],
    ['POST', () => `/programs/${programId}/transitions`, { to: 'active' }, adminOnly(409)],
    ['GET', () => `/programs/${programId}/enrolments`, undefined, adminOnly(200)],
    ['GET', () => `/programs/${programId}/enrolments/${who.participant!.id}`, undefined, adminOnly(200)],
    ['GET', () => `/programs/${programId}/invitations`, undefined, adminOnly(200)],
    ['GET', () => `/programs/${programId}/proposal`, undefined, adminOnly(200)],
    ['GET', () => `/programs/${programId}/pairings`, undefined, adminOnly(200)],
    ['POST', () => `/programs/${programId}/publish`, undefined, adminOnly(409)],
    ['POST', () => `/programs/${programId}/proposal/lock`, { mentorId: 'nobody', menteeId: 'no-one' }, adminOnly(409)],
    ['POST', () => `/programs/${programId}/proposal/unlock`, { mentorId: 'nobody', menteeId: 'no-one' }, adminOnly(409)],
    ['POST', () => `/programs/${programId}/proposal/remove`, { mentorId: 'nobody', menteeId: 'no-one' }, adminOnly(409)],
    ['POST', () => `/programs/${programId}/proposal/swap`, { a: { mentorId: 'a', menteeId: 'b' }, b: { mentorId: 'c', menteeId: 'd' } }, adminOnly(409)],
    ['POST', () => `/programs/${programId}/proposal/trios`, { mentorId: 'a', pair: { mentorId: 'a', menteeId: 'b' } }, adminOnly(409)],
    // The invitation is checked before the program is looked up, so a bad one is 400 even for
    // admins of other programs and organisations; that answer says nothing about our program.
    ['POST', () => `/programs/${programId}/invitations`, { user: '', role: 'mentor' }, { ...adminOnly(400), otherAdmin: 400, otherTenantAdmin: 400 }],
    ['POST', () => `/programs/${programId}/admins`, { user: '' }, { ...adminOnly(400), otherAdmin: 400, otherTenantAdmin: 400 }],
  ])('%s %s', async (method, path, body, expected) => {
    expect(await statuses(method, path, body)).toEqual(expected);
  });

  it('lists each admin only the programs they run', async () => {
    expect(await listed('admin')).toEqual([programId]);
    expect(await listed('coAdmin')).toEqual([programId]);
    expect(await listed('otherAdmin')).toEqual([otherProgramId]);
    expect(await listed('otherTenantAdmin')).toEqual([]);
  });

  it('answers another admin’s program exactly like one that does not exist', async () => {
    const asOther = await fx.call(who.otherAdmin, 'GET', `/programs/${programId}`);
    const missing = await fx.call(who.otherAdmin, 'GET', '/programs/no-such-program');
    expect(asOther.status).toBe(404);
    expect(asOther.body.error.code).toBe(missing.body.error.code);
    expect(asOther.body.error.message.replace(programId, 'X')).toBe(missing.body.error.message.replace('no-such-program', 'X'));
    // And the other admin's own program is out of our admins' reach the same way.
    expect((await fx.call(who.admin, 'GET', `/programs/${otherProgramId}`)).status).toBe(404);
    expect((await fx.call(who.coAdmin, 'GET', `/programs/${otherProgramId}/health`)).status).toBe(404);
  });
});

describe('participant routes', () => {
  it.each<Row>([
    ['GET', () => '/me/programs', undefined, expectStatuses(200)],
    ['GET', () => '/me/pairings', undefined, expectStatuses(200)],
    ['GET', () => `/programs/${programId}/enrolment/prefill`, undefined, expectStatuses(200, { otherTenant: 404, otherTenantAdmin: 404 })],
    // Only people enrolled in the program have an enrolment to read or change.
    ['GET', () => `/programs/${programId}/enrolment`, undefined, expectStatuses(404, { participant: 200, partner: 200, otherParticipant: 200 })],
    ['PATCH', () => `/programs/${programId}/enrolment`, { canTeach: [] }, expectStatuses(404, { participant: 400, partner: 400, otherParticipant: 400 })],
    // The body is checked before anything is looked up: a bad one is 400 for everyone and tells nothing.
    ['POST', () => `/programs/${programId}/enrolment/pause`, { pausedUntil: 'soon' }, expectStatuses(400)],
    ['POST', () => `/programs/${programId}/enrolment/leave`, { reason: 5 }, expectStatuses(400)],
    ['POST', () => `/programs/${programId}/invitation/decline`, undefined, expectStatuses(404)],
  ])('%s %s', async (method, path, body, expected) => {
    expect(await statuses(method, path, body)).toEqual(expected);
  });

  it('shows a pairing to its two members only', async () => {
    const ids = async (role: RoleName) => (await fx.call(who[role], 'GET', '/me/pairings')).body.pairings.map((p: any) => p.id);
    expect(await ids('participant')).toEqual([pairingId]);
    expect(await ids('partner')).toEqual([pairingId]);
    for (const role of ['otherParticipant', 'admin', 'coAdmin', 'otherAdmin', 'manager', 'otherManager', 'otherTenant'] as const) expect(await ids(role)).not.toContain(pairingId);
  });
});

describe('pair routes', () => {
  it.each<Row>([
    // The pair's own agenda: the program's admins know the pairing (403), anyone else does not (404).
    ['GET', () => `/me/pairings/${pairingId}/backlog`, undefined, expectStatuses(404, { participant: 200, partner: 200, admin: 403, coAdmin: 403 })],
    // Membership is checked before the item, so outsiders learn nothing from a bad one.
    ['POST', () => `/me/pairings/${pairingId}/backlog`, { text: '' }, expectStatuses(404, { participant: 400, partner: 400, admin: 403, coAdmin: 403 })],
    ['GET', () => `/scheduling/bookings/${bookingId}/sessions/1/alternatives`, undefined, expectStatuses(404, { participant: 200, partner: 200, admin: 403, coAdmin: 403 })],
  ])('%s %s', async (method, path, body, expected) => {
    expect(await statuses(method, path, body)).toEqual(expected);
  });
});

describe('scheduling routes', () => {
  it.each<Row>([
    ['GET', () => '/me/bookings', undefined, expectStatuses(200)],
    ['GET', () => `/scheduling/runs?programId=${programId}`, undefined, adminOnly(200)],
    ['GET', () => '/scheduling/runs', undefined, expectStatuses(403, { admin: 200, coAdmin: 200, otherAdmin: 200, otherTenantAdmin: 200 })],
    // The other organisation's admin asks their own tenant, which has no such run.
    ['GET', () => `/scheduling/runs/${runId}`, undefined, adminOnly(200)],
    ['GET', () => `/scheduling/runs/${runId}/pairs`, undefined, adminOnly(200)],
    // Scheduling a program that is not yours is refused before its body is read.
    ['POST', () => `/programs/${programId}/schedule`, { cycle: 0 }, adminOnly(400)],
    ['POST', () => '/scheduling/runs', { programId: 'placeholder', settings: {}, pairs: [] }, expectStatuses(403, { admin: 404, coAdmin: 404, otherAdmin: 404, otherTenantAdmin: 404 })],
    ['POST', () => '/scheduling/runs', () => ({ programId, settings: {}, pairs: [] }), adminOnly(400)],
    ['POST', () => '/scheduling/pairs/preview', () => ({ programId }), adminOnly(400)],
    ['POST', () => '/scheduling/bookings', () => ({ programId }), adminOnly(400)],
    ['GET', () => `/scheduling/bookings/${bookingId}`, undefined, expectStatuses(404, { participant: 200, partner: 200, admin: 200, coAdmin: 200 })],
    // A session that does not exist: past the guard, the series answers 404 to everyone it lets in.
    ['POST', () => `/scheduling/bookings/${bookingId}/sessions/999/cancel`, undefined, expectStatuses(404)],
    // The route checks its input before the booking: a bad one is 400 for everyone it lets in; admins
    // are stopped first, and for them another program's booking is as missing as a missing one.
    ['POST', () => `/scheduling/bookings/${bookingId}/reschedule-rest`, { fromIndex: -1 }, expectStatuses(400, { otherAdmin: 404, otherTenantAdmin: 404 })],
    ['POST', () => '/scheduling/bookings/no-such-booking/reschedule-rest', { fromIndex: -1 }, expectStatuses(400, { admin: 404, coAdmin: 404, otherAdmin: 404, otherTenantAdmin: 404 })],
    ['GET', () => '/scheduling/bookings/no-such-booking', undefined, expectStatuses(404)],
    ['POST', () => '/scheduling/bookings/no-such-booking/cancel', undefined, expectStatuses(404)],
  ])('%s %s', async (method, path, body, expected) => {
    expect(await statuses(method, path, body)).toEqual(expected);
  });

  it('lists each admin only the runs of programs they run', async () => {
    const runIds = async (role: RoleName) => (await fx.call(who[role], 'GET', '/scheduling/runs')).body.runs.map((r: { runId: string }) => r.runId);
    expect(await runIds('admin')).toEqual([runId]);
    expect(await runIds('coAdmin')).toEqual([runId]);
    expect(await runIds('otherAdmin')).toEqual([]);
  });
});

describe('changes, last', () => {
  it('pauses, resumes and leaves only one’s own enrolment', async () => {
    const outsiders: RoleName[] = ['admin', 'coAdmin', 'otherAdmin', 'manager', 'otherManager', 'otherTenant', 'otherTenantAdmin'];
    const until = new Date(Date.now() + 86_400_000).toISOString();
    for (const role of outsiders) {
      expect((await fx.call(who[role], 'POST', `/programs/${programId}/enrolment/pause`, { pausedUntil: until })).status, role).toBe(404);
      expect((await fx.call(who[role], 'POST', `/programs/${programId}/enrolment/resume`)).status, role).toBe(404);
      expect((await fx.call(who[role], 'POST', `/programs/${programId}/enrolment/leave`, {})).status, role).toBe(404);
    }
    expect((await fx.call(who.otherParticipant, 'POST', `/programs/${programId}/enrolment/pause`, { pausedUntil: until })).status).toBe(200);
    expect((await fx.call(who.otherParticipant, 'GET', `/programs/${programId}/enrolment`)).body.enrolment.status).toBe('paused');
    expect((await fx.call(who.participant, 'GET', `/programs/${programId}/enrolment`)).body.enrolment.status).toBe('active');
    expect((await fx.call(who.otherParticipant, 'POST', `/programs/${programId}/enrolment/resume`)).status).toBe(200);
  });

  it('lets people of the organisation enrol late in an active program (a repair run pairs them), once', async () => {
    // Enrolment stays open while the program is active; the other organisation cannot see it.
    expect(await statuses('POST', () => `/programs/${programId}/enrolment`, juniorForm())).toEqual(
      expectStatuses(201, { participant: 409, partner: 409, otherParticipant: 409, otherTenant: 404, otherTenantAdmin: 404 }),
    );
  });

  it('lets only a member end their pairing', async () => {
    const leave = () => `/pairings/${pairingId}/leave`;
    const outsiders: RoleName[] = ['otherParticipant', 'admin', 'coAdmin', 'otherAdmin', 'manager', 'otherManager', 'otherTenant', 'otherTenantAdmin'];
    for (const role of outsiders) expect((await fx.call(who[role], 'POST', leave())).status, role).toBe(404);
    expect((await fx.call(null, 'POST', leave())).status).toBe(401);
    expect((await fx.call(who.participant, 'POST', leave())).status).toBe(200);
    expect((await fx.call(who.partner, 'GET', '/me/pairings')).body.pairings.find((p: any) => p.id === pairingId).endedAt).not.toBeNull();
  });
});
