/**
 * Every API route × every kind of caller, with the exact status each must get. Mutating routes are
 * called with bodies that are refused after the access check (or on a program state that refuses
 * them), so the matrix proves who gets past the guard without changing what later cells see; the
 * few calls that do change something run last. Statuses: 403 = known but not allowed (role),
 * 404 = not theirs to know about (another organisation, someone else's booking or enrolment),
 * 400/409 = allowed in, then refused on the input or the state.
 *
 * Note: the program-admin role is organisation-wide (src/programs/README.md, "Roles"): an admin who
 * did not create a program may manage it. The `otherAdmin` column records that rule.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DevPerson } from '../../src/devtenant/dev-tenant.ts';
import { pickCohort, startAppFixture, waitForProposal, type AppFixture } from '../programs/app-fixture.ts';
import { juniorForm, PROGRAM, seniorForm } from '../programs/program-forms.ts';

const ROLES = ['participant', 'partner', 'otherParticipant', 'admin', 'otherAdmin', 'manager', 'otherManager', 'otherTenant', 'otherTenantAdmin', 'anonymous'] as const;
type RoleName = (typeof ROLES)[number];
type Expected = Record<RoleName, number>;
/** One row: method, path (read when the test runs, after setup), body, expected statuses. */
type Row = [method: string, path: () => string, body: unknown, expected: Expected];

let fx: AppFixture;
let who: Record<RoleName, DevPerson | null>;
let programId: string;
let pairingId: string;

/** Expected statuses: `base` for everyone, then the exceptions. Anonymous callers always get 401. */
const expectStatuses = (base: number, exceptions: Partial<Expected> = {}): Expected =>
  Object.fromEntries(ROLES.map((r) => [r, r === 'anonymous' ? 401 : (exceptions[r] ?? base)])) as Expected;

/** An admin-only route on our program: admins in, everyone else 403, the other organisation's admin 404. */
const adminOnly = (allowed: number) => expectStatuses(403, { admin: allowed, otherAdmin: allowed, otherTenantAdmin: 404 });

async function statuses(method: string, path: () => string, body?: unknown): Promise<Expected> {
  const out = {} as Record<RoleName, number>;
  for (const role of ROLES) out[role] = (await fx.call(who[role], method, path(), body)).status;
  return out;
}

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
  const [admin, otherAdmin] = fx.admins();
  programId = (await fx.call(admin!, 'POST', '/programs', PROGRAM)).body.program.id;
  await fx.call(admin!, 'POST', `/programs/${programId}/transitions`, { to: 'enrolling' });
  for (const s of cohort.seniors) expect((await fx.call(s, 'POST', `/programs/${programId}/enrolment`, seniorForm())).status).toBe(201);
  for (const j of juniors) expect((await fx.call(j, 'POST', `/programs/${programId}/enrolment`, juniorForm())).status).toBe(201);
  await fx.call(admin!, 'POST', `/programs/${programId}/transitions`, { to: 'matching' });
  await fx.call(admin!, 'POST', `/programs/${programId}/matching`);
  await waitForProposal(fx, admin!, programId);
  const published = await fx.call(admin!, 'POST', `/programs/${programId}/publish`);
  expect(published.status).toBe(200);

  const participant = juniors[0]!;
  const pairing = published.body.pairings.find((p: any) => p.mentor.userId === participant.id);
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
  who = { participant, partner, otherParticipant, admin: admin!, otherAdmin: otherAdmin!, manager, otherManager, otherTenant: foreign, otherTenantAdmin: foreignAdmin, anonymous: null };
}, 180_000);
afterAll(() => fx?.close());

describe('program admin routes', () => {
  it.each<Row>([
    ['GET', () => '/programs', undefined, expectStatuses(403, { admin: 200, otherAdmin: 200, otherTenantAdmin: 200 })],
    ['GET', () => `/programs/${programId}`, undefined, adminOnly(200)],
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
    // The invitation is checked before the program is looked up, so a bad one is 400 even for the
    // other organisation's admin; that answer says nothing about our program.
    ['POST', () => `/programs/${programId}/invitations`, { user: '', role: 'mentor' }, { ...adminOnly(400), otherTenantAdmin: 400 }],
  ])('%s %s', async (method, path, body, expected) => {
    expect(await statuses(method, path, body)).toEqual(expected);
  });

  it('never lists one organisation’s programs to another', async () => {
    expect((await fx.call(who.otherTenantAdmin, 'GET', '/programs')).body.programs.map((p: any) => p.id)).not.toContain(programId);
    expect((await fx.call(who.admin, 'GET', '/programs')).body.programs.map((p: any) => p.id)).toContain(programId);
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
    for (const role of ['otherParticipant', 'admin', 'manager', 'otherManager', 'otherTenant'] as const) expect(await ids(role)).not.toContain(pairingId);
  });
});

describe('scheduling routes', () => {
  it.each<Row>([
    ['GET', () => '/me/bookings', undefined, expectStatuses(200)],
    ['GET', () => `/scheduling/runs?programId=${programId}`, undefined, expectStatuses(403, { admin: 200, otherAdmin: 200, otherTenantAdmin: 200 })],
    ['GET', () => '/scheduling/bookings/no-such-booking', undefined, expectStatuses(404)],
    ['POST', () => '/scheduling/bookings/no-such-booking/cancel', undefined, expectStatuses(404)],
  ])('%s %s', async (method, path, body, expected) => {
    expect(await statuses(method, path, body)).toEqual(expected);
  });
});

describe('changes, last', () => {
  it('pauses, resumes and leaves only one’s own enrolment', async () => {
    const outsiders: RoleName[] = ['admin', 'otherAdmin', 'manager', 'otherManager', 'otherTenant', 'otherTenantAdmin'];
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
    const outsiders: RoleName[] = ['otherParticipant', 'admin', 'manager', 'otherManager', 'otherTenant', 'otherTenantAdmin'];
    for (const role of outsiders) expect((await fx.call(who[role], 'POST', leave())).status, role).toBe(404);
    expect((await fx.call(null, 'POST', leave())).status).toBe(401);
    expect((await fx.call(who.participant, 'POST', leave())).status).toBe(200);
    expect((await fx.call(who.partner, 'GET', '/me/pairings')).body.pairings.find((p: any) => p.id === pairingId).endedAt).not.toBeNull();
  });
});
