/**
 * Bad input and illegal moves over HTTP: every refusal names the field or the rule, uses the
 * right status, and leaves the store exactly as it was. Also the invitation/consent flow and the
 * participant's pause and leave.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DevPerson } from '../../src/devtenant/dev-tenant.ts';
import { tenantId } from '../../src/core/ids.ts';
import { programId } from '../../src/core/programs/program.ts';
import { enrolmentRepository } from '../../src/store/enrolments.ts';
import { invitationRepository } from '../../src/store/invitations.ts';
import { programRepository } from '../../src/store/programs.ts';
import { pickCohort, startAppFixture, type AppFixture } from '../programs/app-fixture.ts';
import { juniorForm, PROGRAM, seniorForm } from '../programs/program-forms.ts';

let fx: AppFixture;
let admin: DevPerson;
let cohort: ReturnType<typeof pickCohort>;
const fieldsOf = (body: any): string[] => body.error.fields.map((f: { field: string }) => f.field);

beforeAll(async () => {
  fx = await startAppFixture();
  admin = fx.admins()[0]!;
  cohort = pickCohort(fx.people(), 4);
});
afterAll(() => fx?.close());

const programs = () => programRepository(fx.app.store.db);
const enrolments = () => enrolmentRepository(fx.app.store.db);

async function newProgram(state: 'draft' | 'enrolling' = 'enrolling'): Promise<string> {
  const id = (await fx.call(admin, 'POST', '/programs', PROGRAM)).body.program.id as string;
  if (state === 'enrolling') await fx.call(admin, 'POST', `/programs/${id}/transitions`, { to: 'enrolling' });
  return id;
}

describe('validation names the field and changes nothing', () => {
  it('refuses a bad program with 400 listing each bad field', async () => {
    const before = await programs().count(tenantId(fx.tenantId));
    const answer = await fx.call(admin, 'POST', '/programs', {
      ...PROGRAM,
      name: '',
      sessionMinutes: 50,
      term: { start: '2026-09-01T00:00:00Z', end: '2026-08-01T00:00:00Z' },
      cadence: 'daily',
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('bad_input');
    expect(fieldsOf(answer.body)).toEqual(expect.arrayContaining(['name', 'sessionMinutes', 'term.end', 'cadence']));
    expect(answer.body.error.message).toContain('sessionMinutes');
    expect((await fx.call(admin, 'POST', '/programs', 'not json at all')).status).toBe(400);
    expect(await programs().count(tenantId(fx.tenantId))).toBe(before);
  });

  it('refuses a bad edit naming the unknown or bad field, and keeps the program', async () => {
    const id = await newProgram('draft');
    const before = await programs().get(tenantId(fx.tenantId), programId(id));
    const typo = await fx.call(admin, 'PATCH', `/programs/${id}`, { rules: { alowTrios: true } });
    expect(typo.status).toBe(400);
    expect(fieldsOf(typo.body)).toEqual(['rules.alowTrios']);
    const bad = await fx.call(admin, 'PATCH', `/programs/${id}`, { capacityPerPerson: 0, name: 'Renamed' });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body)).toEqual(['capacityPerPerson']);
    expect(await programs().get(tenantId(fx.tenantId), programId(id))).toEqual(before);
  });

  it('refuses a bad enrolment with 400 naming each field and stores nothing', async () => {
    const id = await newProgram();
    const person = cohort.juniors[0]!;
    // What the form starts from: the directory's view of the person, nothing stored yet.
    const prefill = await fx.call(person, 'GET', `/programs/${id}/enrolment/prefill`);
    expect(prefill.status).toBe(200);
    expect(prefill.body.profile).toMatchObject({ displayName: person.displayName, department: person.department, seniorityLevel: 20 - person.depth });
    const answer = await fx.call(person, 'POST', `/programs/${id}/enrolment`, {
      role: 'boss',
      canTeach: [],
      wantsToLearn: ['GenAI tools', ''],
      languages: ['English'],
      doNotPairWith: [person.id],
      colour: 'blue',
    });
    expect(answer.status).toBe(400);
    expect(fieldsOf(answer.body)).toEqual(expect.arrayContaining(['role', 'canTeach', 'wantsToLearn.1', 'colour']));
    const selfExclusion = await fx.call(person, 'POST', `/programs/${id}/enrolment`, juniorForm({ doNotPairWith: [person.id] }));
    expect(selfExclusion.status).toBe(400);
    expect(fieldsOf(selfExclusion.body)).toEqual(['doNotPairWith.0']);
    expect(await enrolments().count(tenantId(fx.tenantId), programId(id))).toBe(0);

    // Unknown program: 404; a good form then works.
    expect((await fx.call(person, 'POST', `/programs/nope/enrolment`, juniorForm())).status).toBe(404);
    expect((await fx.call(person, 'POST', `/programs/${id}/enrolment`, juniorForm())).status).toBe(201);
    const twice = await fx.call(person, 'POST', `/programs/${id}/enrolment`, juniorForm());
    expect(twice.status).toBe(409);
    expect(twice.body.error.message).toContain('already enrolled');
    expect(await enrolments().count(tenantId(fx.tenantId), programId(id))).toBe(1);

    const badEdit = await fx.call(person, 'PATCH', `/programs/${id}/enrolment`, { languages: [], role: 'mentee' });
    expect(badEdit.status).toBe(400);
    expect(fieldsOf(badEdit.body)).toEqual(expect.arrayContaining(['languages', 'role']));
    expect((await fx.call(person, 'GET', `/programs/${id}/enrolment`)).body.enrolment).toMatchObject({ role: 'mentor', languages: ['English'] });
  });
});

describe('illegal state changes are 409 and change nothing', () => {
  it('names from, to and the legal next states', async () => {
    const id = await newProgram('draft');
    const before = await programs().get(tenantId(fx.tenantId), programId(id));
    const answer = await fx.call(admin, 'POST', `/programs/${id}/transitions`, { to: 'matching' });
    expect(answer.status).toBe(409);
    expect(answer.body.error).toMatchObject({ code: 'illegal_transition', from: 'draft', to: 'matching', legal: ['enrolling', 'closed'] });
    expect(answer.body.error.message).toBe('A program cannot go from "draft" to "matching"; from "draft" it can go to: enrolling, closed');
    const unknown = await fx.call(admin, 'POST', `/programs/${id}/transitions`, { to: 'finished' });
    expect(unknown.status).toBe(400);
    expect(fieldsOf(unknown.body)).toEqual(['to']);
    expect((await fx.call(admin, 'POST', `/programs/${id}/publish`)).body.error).toMatchObject({ code: 'illegal_transition', from: 'draft', to: 'active' });
    expect(await programs().get(tenantId(fx.tenantId), programId(id))).toEqual(before);
  });

  it('refuses going active without publishing, matching outside matching, and enrolling in a draft', async () => {
    const draft = await newProgram('draft');
    const refused = await fx.call(cohort.juniors[1]!, 'POST', `/programs/${draft}/enrolment`, juniorForm());
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain('not open');
    expect(await enrolments().count(tenantId(fx.tenantId), programId(draft))).toBe(0);
    expect((await fx.call(admin, 'POST', `/programs/${draft}/matching`)).status).toBe(409);

    const id = await newProgram();
    await fx.call(admin, 'POST', `/programs/${id}/transitions`, { to: 'matching' });
    const active = await fx.call(admin, 'POST', `/programs/${id}/transitions`, { to: 'active' });
    expect(active.status).toBe(409);
    expect(active.body.error.code).toBe('conflict');
    expect(active.body.error.message).toContain('publish');
    expect((await programs().get(tenantId(fx.tenantId), programId(id)))!.state).toBe('matching');
    const nothing = await fx.call(admin, 'POST', `/programs/${id}/publish`);
    expect(nothing.status).toBe(409);
    expect(nothing.body.error.message).toContain('run matching first');
    expect((await programs().get(tenantId(fx.tenantId), programId(id)))!.state).toBe('matching');
  });
});

describe('invitations need the invited person’s consent', () => {
  it('invites by UPN; the person enrols themself in the invited role, or declines', async () => {
    const id = await newProgram();
    const [invitee, decliner] = [cohort.seniors[2]!, cohort.seniors[3]!];
    const invited = await fx.call(admin, 'POST', `/programs/${id}/invitations`, { user: invitee.userPrincipalName, role: 'mentee' });
    expect(invited.status).toBe(201);
    expect(invited.body.invitation).toMatchObject({ userId: invitee.id, displayName: invitee.displayName, role: 'mentee', status: 'pending' });
    await fx.call(admin, 'POST', `/programs/${id}/invitations`, { user: decliner.id, role: 'mentee' });
    // An invitation is not an enrolment.
    expect(await enrolments().count(tenantId(fx.tenantId), programId(id))).toBe(0);

    const bad = await fx.call(admin, 'POST', `/programs/${id}/invitations`, { user: '', role: 'coach' });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body)).toEqual(['user', 'role']);
    const stranger = await fx.call(admin, 'POST', `/programs/${id}/invitations`, { user: 'nobody@fabrikam.example', role: 'mentor' });
    expect(stranger.status).toBe(404);

    const overview = await fx.call(invitee, 'GET', '/me/programs');
    expect(overview.body.programs.find((p: any) => p.program.id === id)).toMatchObject({ enrolment: null, invitation: { status: 'pending', role: 'mentee' } });
    const { role: _role, ...withoutRole } = seniorForm();
    const enrolled = await fx.call(invitee, 'POST', `/programs/${id}/enrolment`, withoutRole);
    expect(enrolled.status).toBe(201);
    expect(enrolled.body.enrolment.role).toBe('mentee');

    expect((await fx.call(decliner, 'POST', `/programs/${id}/invitation/decline`)).body.invitation.status).toBe('declined');
    expect((await fx.call(decliner, 'POST', `/programs/${id}/invitation/decline`)).status).toBe(409);
    const list = await fx.call(admin, 'GET', `/programs/${id}/invitations`);
    expect(list.body.invitations.map((i: any) => [i.userId, i.status])).toEqual([
      [invitee.id, 'accepted'],
      [decliner.id, 'declined'],
    ]);
    expect(await enrolments().count(tenantId(fx.tenantId), programId(id))).toBe(1);
    expect((await invitationRepository(fx.app.store.db).get(tenantId(fx.tenantId), programId(id), invitee.id as any))!.respondedAt).not.toBeNull();
  });
});

describe('pausing and leaving', () => {
  it('pauses until a future date, resumes, and leaves with a note only the leaver sees', async () => {
    const id = await newProgram();
    const person = cohort.juniors[2]!;
    await fx.call(person, 'POST', `/programs/${id}/enrolment`, juniorForm());
    const past = await fx.call(person, 'POST', `/programs/${id}/enrolment/pause`, { pausedUntil: '2020-01-01T00:00:00Z' });
    expect(past.status).toBe(400);
    expect(fieldsOf(past.body)).toEqual(['pausedUntil']);
    const paused = await fx.call(person, 'POST', `/programs/${id}/enrolment/pause`, { pausedUntil: '2099-01-01T00:00:00Z' });
    expect(paused.body.enrolment).toMatchObject({ status: 'paused', pausedUntil: '2099-01-01T00:00:00.000Z' });
    expect((await fx.call(admin, 'GET', `/programs/${id}/enrolments/${person.id}`)).body.enrolment.status).toBe('paused');
    expect((await fx.call(person, 'POST', `/programs/${id}/enrolment/resume`)).body.enrolment.status).toBe('active');

    const left = await fx.call(person, 'POST', `/programs/${id}/enrolment/leave`, { reason: 'New role, no time' });
    expect(left.body.enrolment).toMatchObject({ status: 'left', left: { reason: 'New role, no time' } });
    const seen = await fx.call(admin, 'GET', `/programs/${id}/enrolments/${person.id}`);
    expect(seen.body.enrolment.status).toBe('left');
    expect(JSON.stringify(seen.body)).not.toContain('New role');
    expect((await fx.call(person, 'POST', `/programs/${id}/enrolment/leave`, {})).status).toBe(409);
    expect((await fx.call(person, 'POST', `/programs/${id}/enrolment`, juniorForm())).status).toBe(409);
  });
});
