/**
 * Who may do what, checked on the server: admin routes refuse everyone without the
 * Upward.ProgramAdmin role (403), an admin reaches only the programs they own or were added to
 * (or unclaimed ones, until claimed), organisations never see each other's programs (the dev
 * tenant's second organisation is allowed to sign in here), a participant reaches only their own
 * enrolment, and the private do-not-pair list goes to its owner and nobody else.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DevPerson } from '../../src/devtenant/dev-tenant.ts';
import { tenantId, userId } from '../../src/core/ids.ts';
import { createProgram } from '../../src/core/programs/program-settings.ts';
import { programId } from '../../src/core/programs/program.ts';
import { epochMs } from '../../src/core/time.ts';
import { programRepository } from '../../src/store/programs.ts';
import { createEnrollingProgram, pickCohort, startAppFixture, waitForProposal, type AppFixture } from '../programs/app-fixture.ts';
import { juniorForm, PROGRAM, seniorForm } from '../programs/program-forms.ts';

let fx: AppFixture;
let admin: DevPerson;
let participant: DevPerson;
let other: DevPerson;
let senior: DevPerson;
let id: string;

beforeAll(async () => {
  fx = await startAppFixture();
  admin = fx.admins()[0]!;
  const cohort = pickCohort(fx.people(), 2);
  participant = cohort.juniors[0]!;
  other = cohort.juniors[1]!;
  senior = cohort.seniors[1]!;
  id = await createEnrollingProgram(fx, admin, PROGRAM);
  expect((await fx.call(participant, 'POST', `/programs/${id}/enrolment`, juniorForm({ doNotPairWith: [senior.id] }))).status).toBe(201);
  expect((await fx.call(other, 'POST', `/programs/${id}/enrolment`, juniorForm())).status).toBe(201);
  expect((await fx.call(senior, 'POST', `/programs/${id}/enrolment`, seniorForm())).status).toBe(201);
});
afterAll(() => fx?.close());

describe('program admin routes', () => {
  const adminRoutes = (programId: string): Array<[string, string, unknown?]> => [
    ['POST', '/programs', PROGRAM],
    ['GET', '/programs'],
    ['GET', `/programs/${programId}`],
    ['PATCH', `/programs/${programId}`, { name: 'Renamed' }],
    ['POST', `/programs/${programId}/transitions`, { to: 'matching' }],
    ['GET', `/programs/${programId}/enrolments`],
    ['GET', `/programs/${programId}/enrolments/${'someone'}`],
    ['POST', `/programs/${programId}/invitations`, { user: 'x@fabrikam.example', role: 'mentor' }],
    ['GET', `/programs/${programId}/invitations`],
    ['POST', `/programs/${programId}/matching`],
    ['GET', `/programs/${programId}/proposal`],
    ['POST', `/programs/${programId}/proposal/rerun`],
    ['POST', `/programs/${programId}/proposal/lock`, { mentorId: 'a', menteeId: 'b' }],
    ['POST', `/programs/${programId}/proposal/unlock`, { mentorId: 'a', menteeId: 'b' }],
    ['POST', `/programs/${programId}/proposal/remove`, { mentorId: 'a', menteeId: 'b' }],
    ['POST', `/programs/${programId}/proposal/swap`, { a: { mentorId: 'a', menteeId: 'b' }, b: { mentorId: 'c', menteeId: 'd' } }],
    ['POST', `/programs/${programId}/proposal/trios`, { mentorId: 'a', pair: { mentorId: 'a', menteeId: 'b' } }],
    ['POST', `/programs/${programId}/publish`],
    ['GET', `/programs/${programId}/pairings`],
  ];

  it('refuses a participant on every admin route with 403 and changes nothing', async () => {
    const before = await programRepository(fx.app.store.db).list(tenantId(fx.tenantId));
    for (const [method, path, body] of adminRoutes(id)) {
      const answer = await fx.call(participant, method, path, body);
      expect(answer.status, `${method} ${path}`).toBe(403);
      expect(answer.body.error.code).toBe('forbidden');
    }
    expect(await programRepository(fx.app.store.db).list(tenantId(fx.tenantId))).toEqual(before);
  });

  it('refuses callers without a token with 401', async () => {
    for (const [method, path, body] of [...adminRoutes(id), ['GET', '/me/programs'] as [string, string]]) {
      expect((await fx.call(null, method, path, body)).status, `${method} ${path}`).toBe(401);
    }
  });

  it('lets another admin of the organisation in only once the owner adds them, and out once removed', async () => {
    const other = fx.admins()[1]!;
    const listedTo = async (person: DevPerson) => (await fx.call(person, 'GET', '/programs')).body.programs.map((p: { id: string }) => p.id);
    expect((await fx.call(other, 'GET', `/programs/${id}`)).status).toBe(404);
    expect(await listedTo(other)).not.toContain(id);

    const added = await fx.call(admin, 'POST', `/programs/${id}/admins`, { user: other.userPrincipalName });
    expect(added.status).toBe(201);
    expect(added.body.admins.map((a: { userId: string; role: string }) => [a.userId, a.role])).toEqual([[admin.id, 'owner'], [other.id, 'co-admin']]);
    expect(added.body.admins[1].displayName).toBe(other.displayName);
    expect((await fx.call(other, 'GET', `/programs/${id}`)).body.program.id).toBe(id);
    expect(await listedTo(other)).toContain(id);
    expect((await fx.call(other, 'GET', `/programs/${id}/admins`)).body.myAccess).toBe('co-admin');
    // A co-admin runs the program but does not decide who else does.
    const third = fx.admins()[2]!;
    const refused = await fx.call(other, 'POST', `/programs/${id}/admins`, { user: third.userPrincipalName });
    expect(refused).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    expect((await fx.call(admin, 'GET', `/programs/${id}/admins`)).body.admins).toHaveLength(2);

    expect((await fx.call(admin, 'POST', `/programs/${id}/admins`, { user: 'nobody@fabrikam.example' })).status).toBe(404);
    const bad = await fx.call(admin, 'POST', `/programs/${id}/admins`, { user: '  ' });
    expect(bad).toMatchObject({ status: 400, body: { error: { code: 'bad_input', fields: [{ field: 'user' }] } } });

    const removed = await fx.call(admin, 'DELETE', `/programs/${id}/admins/${other.id}`);
    expect(removed.body.admins.map((a: { userId: string }) => a.userId)).toEqual([admin.id]);
    expect((await fx.call(other, 'GET', `/programs/${id}`)).status).toBe(404);
    expect((await fx.call(admin, 'DELETE', `/programs/${id}/admins/${other.id}`)).status).toBe(404);
  });

  it('opens a program with no recorded admin to every admin until one claims it', async () => {
    const [first, second] = fx.admins();
    const unclaimed = createProgram(
      { name: 'Seeded before ownership', topicTracks: ['GenAI tools'], cadence: 'weekly', sessionMinutes: 45, term: { start: '2027-03-02T00:00:00Z', end: '2027-05-25T00:00:00Z' } },
      { id: programId('seeded-before-ownership'), tenantId: tenantId(fx.tenantId) },
      epochMs(Date.now()),
    );
    await programRepository(fx.app.store.db).insert(tenantId(fx.tenantId), unclaimed, userId('someone-long-gone'));
    for (const person of [first!, second!]) {
      expect((await fx.call(person, 'GET', '/programs')).body.programs.map((p: { id: string }) => p.id)).toContain(unclaimed.id);
      expect((await fx.call(person, 'GET', `/programs/${unclaimed.id}/admins`)).body).toEqual({ myAccess: 'unclaimed', admins: [] });
    }
    expect((await fx.call(participant, 'POST', `/programs/${unclaimed.id}/claim`)).status).toBe(403);
    const claimed = await fx.call(second!, 'POST', `/programs/${unclaimed.id}/claim`);
    expect(claimed.status).toBe(200);
    expect(claimed.body).toMatchObject({ myAccess: 'owner', admins: [{ userId: second!.id, role: 'owner' }] });
    expect((await fx.call(first!, 'GET', `/programs/${unclaimed.id}`)).status).toBe(404);
    expect((await fx.call(first!, 'POST', `/programs/${unclaimed.id}/claim`)).status).toBe(404);
    expect((await fx.call(second!, 'POST', `/programs/${unclaimed.id}/claim`)).status).toBe(409);
    expect((await fx.call(first!, 'GET', '/programs')).body.programs.map((p: { id: string }) => p.id)).not.toContain(unclaimed.id);
  });
});

describe('organisations never see each other’s programs', () => {
  it('shows the second organisation’s admin none of the first one’s programs, and vice versa', async () => {
    const foreignAdmin = fx.admins(fx.otherTenantId)[0]!;
    const foreignPerson = fx.people(fx.otherTenantId).find((p) => p.accountEnabled && !p.isProgramAdmin)!;

    const list = await fx.call(foreignAdmin, 'GET', '/programs');
    expect(list.status).toBe(200);
    expect(list.body.programs).toEqual([]);
    for (const [method, path, body] of [
      ['GET', `/programs/${id}`],
      ['PATCH', `/programs/${id}`, { name: 'Taken over' }],
      ['POST', `/programs/${id}/transitions`, { to: 'closed' }],
      ['GET', `/programs/${id}/enrolments`],
      ['POST', `/programs/${id}/matching`],
    ] as Array<[string, string, unknown?]>) {
      const answer = await fx.call(foreignAdmin, method, path, body);
      expect(answer.status, `${method} ${path}`).toBe(404);
    }
    const enrol = await fx.call(foreignPerson, 'POST', `/programs/${id}/enrolment`, juniorForm());
    expect(enrol.status).toBe(404);
    expect((await fx.call(foreignPerson, 'GET', '/me/programs')).body.programs).toEqual([]);

    // Their own program lives beside ours, invisible to us.
    const theirs = await fx.call(foreignAdmin, 'POST', '/programs', { ...PROGRAM, name: 'Tailspin mentoring' });
    expect(theirs.status).toBe(201);
    const ours = await fx.call(admin, 'GET', '/programs');
    expect(ours.body.programs.map((p: any) => p.id)).toEqual([id]);
    expect((await fx.call(admin, 'GET', `/programs/${theirs.body.program.id}`)).status).toBe(404);
    expect((await fx.call(admin, 'GET', `/programs/${id}`)).body.program.name).toBe(PROGRAM.name);
    expect(await programRepository(fx.app.store.db).count(tenantId(fx.otherTenantId))).toBe(1);
  });
});

describe('a participant and their own enrolment', () => {
  it('reads and edits only their own enrolment', async () => {
    const own = await fx.call(participant, 'GET', `/programs/${id}/enrolment`);
    expect(own.status).toBe(200);
    expect(own.body.enrolment).toMatchObject({ userId: participant.id, role: 'mentor', status: 'active' });

    const edited = await fx.call(participant, 'PATCH', `/programs/${id}/enrolment`, { goals: ['learn AI'] });
    expect(edited.status).toBe(200);
    expect(edited.body.enrolment.goals).toEqual(['learn AI']);
    // The other participant is untouched, and out of reach.
    expect((await fx.call(other, 'GET', `/programs/${id}/enrolment`)).body.enrolment.goals).toEqual(['build network']);
    expect((await fx.call(participant, 'GET', `/programs/${id}/enrolments/${other.id}`)).status).toBe(403);
  });

  it('returns the do-not-pair list to its owner only, never to admins or partners', async () => {
    const own = await fx.call(participant, 'GET', `/programs/${id}/enrolment`);
    expect(own.body.enrolment.doNotPairWith).toEqual([senior.id]);
    const overview = await fx.call(participant, 'GET', '/me/programs');
    expect(overview.body.programs.find((p: any) => p.program.id === id).enrolment.doNotPairWith).toEqual([senior.id]);

    const adminList = await fx.call(admin, 'GET', `/programs/${id}/enrolments`);
    const adminOne = await fx.call(admin, 'GET', `/programs/${id}/enrolments/${participant.id}`);
    expect(adminOne.status).toBe(200);
    expect(adminOne.body.enrolment).toMatchObject({ userId: participant.id, displayName: participant.displayName });
    for (const body of [adminList.body, adminOne.body]) {
      expect(JSON.stringify(body)).not.toContain('doNotPairWith');
      expect(JSON.stringify(body)).not.toContain('managerChain');
    }

    // Through matching and review, the exclusion shows only as a neutral "not available".
    await fx.call(admin, 'POST', `/programs/${id}/transitions`, { to: 'matching' });
    await fx.call(admin, 'POST', `/programs/${id}/matching`);
    const proposal = await waitForProposal(fx, admin, id);
    expect(proposal.pairs).toHaveLength(1);
    expect(proposal.pairs[0]).toMatchObject({ mentorId: other.id, menteeId: senior.id });
    const leftOver = proposal.unmatched.find((u: any) => u.userId === participant.id);
    expect(leftOver.reason).toContain('not available');
    expect(JSON.stringify(proposal)).not.toMatch(/doNotPairWith|asked|exclu/i);
    await fx.call(admin, 'POST', `/programs/${id}/publish`);
    const partner = await fx.call(senior, 'GET', '/me/pairings');
    expect(partner.body.pairings[0].partners[0].userId).toBe(other.id);
    expect(JSON.stringify(partner.body)).not.toContain('doNotPairWith');
  });
});
