/**
 * The program repositories on both backends: values come back as they went in, every read and
 * write is confined to its tenant, and a row cannot point at another organisation's program.
 */
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { userId, type TenantId } from '../../src/core/ids.ts';
import { neverShownDoNotPairWith, type Enrolment } from '../../src/core/programs/enrolment.ts';
import { programId, type Program } from '../../src/core/programs/program.ts';
import { epochMs, ianaZone } from '../../src/core/time.ts';
import { enrolmentRepository } from '../../src/store/enrolments.ts';
import { invitationRepository } from '../../src/store/invitations.ts';
import { pairingId, pairingRepository, type PairingRecord } from '../../src/store/pairings.ts';
import { programEventRepository } from '../../src/store/program-events.ts';
import { programRepository } from '../../src/store/programs.ts';
import { proposalRepository } from '../../src/store/proposals.ts';
import { sqlState } from '../../src/store/store-errors.ts';
import { describeEachBackend, freshTenant } from './each-backend.ts';

const T0 = 1_780_000_000_000;

const program = (tenant: TenantId, id = 'p-1', overrides: Partial<Program> = {}): Program => ({
  id: programId(id),
  tenantId: tenant,
  name: 'Reverse mentoring',
  objectives: ['Leaders learn GenAI'],
  topicTracks: ['GenAI tools', 'Strategy'],
  trackPlans: [],
  cadence: 'biweekly',
  sessionMinutes: 45,
  term: { start: epochMs(T0), end: epochMs(T0 + 90 * 86_400_000) },
  organiser: 'mentee',
  capacityPerPerson: 1,
  rules: { minSeniorityGap: 1, allowTrios: false },
  rotationCycle: 1,
  state: 'draft',
  createdAt: epochMs(T0),
  updatedAt: epochMs(T0),
  stateChangedAt: epochMs(T0),
  ...overrides,
});

const enrolment = (tenant: TenantId, who: string, overrides: Partial<Enrolment> = {}): Enrolment => ({
  tenantId: tenant,
  programId: programId('p-1'),
  userId: userId(who),
  role: 'mentor',
  profile: {
    displayName: `Name ${who}`,
    department: 'Engineering',
    jobTitle: 'Engineer',
    managerChain: [userId('boss'), userId('ceo')],
    seniorityLevel: 18,
    timeZone: ianaZone('Europe/London'),
    weeklyWorkingMinutesUtc: [[540, 1020], [1980, 2460]],
  },
  canTeach: ['GenAI tools'],
  wantsToLearn: ['Strategy'],
  goals: [],
  languages: ['English'],
  doNotPairWith: neverShownDoNotPairWith([userId('someone')]),
  pausedUntil: null,
  left: null,
  enrolledAt: epochMs(T0 + 1000),
  ...overrides,
});

const pairing = (tenant: TenantId, id: string, mentor: string, mentee: string, overrides: Partial<PairingRecord> = {}): PairingRecord => ({
  tenantId: tenant,
  id: pairingId(id),
  programId: programId('p-1'),
  cycle: 1,
  mentorId: userId(mentor),
  menteeId: userId(mentee),
  coMentorId: null,
  score: 120,
  reasons: ['A can teach GenAI tools, which B wants to learn'],
  publishedAt: epochMs(T0 + 5000),
  endedAt: null,
  endReason: null,
  endedBy: null,
  ...overrides,
});

describeEachBackend('program repositories', ({ store }) => {
  it('stores a program and reads it back; other tenants see nothing and change nothing', async () => {
    const [a, b] = [freshTenant(), freshTenant()];
    const programs = programRepository(store().db);
    await programs.insert(a, program(a), userId('admin'));
    await programs.insert(b, program(b, 'p-1', { name: 'Same id, other tenant' }), userId('admin-b'));
    expect(await programs.get(a, programId('p-1'))).toEqual(program(a));
    expect((await programs.get(b, programId('p-1')))!.name).toBe('Same id, other tenant');
    expect(await programs.list(a)).toEqual([program(a)]);
    expect(await programs.list(a, ['enrolling'])).toEqual([]);

    const moved = program(a, 'p-1', { state: 'enrolling', rotationCycle: 2, name: 'Renamed', updatedAt: epochMs(T0 + 9) });
    expect(await programs.update(a, moved)).toBe(true);
    expect(await programs.get(a, programId('p-1'))).toEqual(moved);
    expect((await programs.get(b, programId('p-1')))!.name).toBe('Same id, other tenant');
    expect(await programs.update(b, program(b, 'p-404'))).toBe(false);
    expect(await programs.count(a)).toBe(1);
    // A program value is never written under another tenant.
    await expect(programs.update(b, moved)).rejects.toThrow('another tenant');
  });

  it('keeps session plans, and reads a program stored before plans existed as having none', async () => {
    const tenant = freshTenant();
    const programs = programRepository(store().db);
    const planned = program(tenant, 'p-plan', {
      trackPlans: [{ track: 'GenAI tools', sessionTopics: ['Prompting basics', 'Meeting notes with AI'], reflectionQuestions: ['What did you automate?'] }],
    });
    await programs.insert(tenant, planned, userId('admin'));
    expect(await programs.get(tenant, programId('p-plan'))).toEqual(planned);

    await programs.insert(tenant, program(tenant, 'p-old'), userId('admin'));
    // A row written by an earlier Upward: its settings have no trackPlans key at all.
    await sql`update programs set settings = settings - 'trackPlans' where tenant_id = ${tenant} and id = 'p-old'`.execute(store().db);
    const old = await store().db.selectFrom('programs').select('settings').where('tenant_id', '=', tenant).where('id', '=', 'p-old').executeTakeFirstOrThrow();
    expect(old.settings).not.toHaveProperty('trackPlans');
    expect((await programs.get(tenant, programId('p-old')))!.trackPlans).toEqual([]);
  });

  it('stores enrolments whole, the private list included, per tenant', async () => {
    const [a, b] = [freshTenant(), freshTenant()];
    await programRepository(store().db).insert(a, program(a), userId('admin'));
    const enrolments = enrolmentRepository(store().db);
    await enrolments.insert(a, enrolment(a, 'u-1'));
    expect(await enrolments.get(a, programId('p-1'), userId('u-1'))).toEqual(enrolment(a, 'u-1'));
    expect(await enrolments.get(b, programId('p-1'), userId('u-1'))).toBeUndefined();
    expect(await enrolments.listForProgram(b, programId('p-1'))).toEqual([]);

    const changed = enrolment(a, 'u-1', { pausedUntil: epochMs(T0 + 7), left: { at: epochMs(T0 + 8), reason: 'busy' }, goals: ['learn AI'] });
    expect(await enrolments.update(a, changed)).toBe(true);
    expect(await enrolments.get(a, programId('p-1'), userId('u-1'))).toEqual(changed);
    expect(await enrolments.listForUser(a, userId('u-1'))).toEqual([changed]);
    expect(await enrolments.count(a, programId('p-1'))).toBe(1);

    // Tenant B has no program p-1: the foreign key refuses a row pointing into tenant A's.
    const refused = await enrolments.insert(b, enrolment(b, 'u-2')).catch((error: unknown) => error);
    expect(sqlState(refused)).toBe('23503');
    expect(await enrolments.count(b, programId('p-1'))).toBe(0);
  });

  it('keeps invitations: a declined one can be renewed, an accepted one stands', async () => {
    const a = freshTenant();
    await programRepository(store().db).insert(a, program(a), userId('admin'));
    const invitations = invitationRepository(store().db);
    const invite = { programId: programId('p-1'), userId: userId('u-1'), role: 'mentee' as const, displayName: 'U One', invitedBy: userId('admin'), invitedAt: epochMs(T0) };
    expect(await invitations.upsertPending(a, invite)).toMatchObject({ status: 'pending', respondedAt: null });
    expect(await invitations.respond(a, programId('p-1'), userId('u-1'), 'declined', epochMs(T0 + 1))).toBe(true);
    expect(await invitations.upsertPending(a, { ...invite, invitedAt: epochMs(T0 + 2) })).toMatchObject({ status: 'pending', invitedAt: T0 + 2 });
    await invitations.respond(a, programId('p-1'), userId('u-1'), 'accepted', epochMs(T0 + 3));
    expect(await invitations.upsertPending(a, { ...invite, role: 'mentor' })).toMatchObject({ status: 'accepted', role: 'mentee' });
    expect(await invitations.listForUser(freshTenant(), userId('u-1'))).toEqual([]);
    expect(await invitations.respond(freshTenant(), programId('p-1'), userId('u-1'), 'declined', epochMs(T0))).toBe(false);
  });

  it('keeps one proposal per program and replaces it', async () => {
    const a = freshTenant();
    await programRepository(store().db).insert(a, program(a), userId('admin'));
    const proposals = proposalRepository(store().db);
    const running = { tenantId: a, programId: programId('p-1'), kind: 'cycle' as const, cycle: 1, status: 'running' as const, runId: 'r1', proposal: null, error: null, startedAt: epochMs(T0), updatedAt: epochMs(T0) };
    await proposals.put(a, running);
    expect(await proposals.get(a, programId('p-1'))).toEqual(running);
    const ready = { ...running, status: 'ready' as const, proposal: { programId: programId('p-1'), cycle: 1, pairs: [], unmatched: [], trioSuggestions: [], rejected: [], totalScore: 0 }, updatedAt: epochMs(T0 + 1) };
    await proposals.put(a, ready);
    expect(await proposals.get(a, programId('p-1'))).toEqual(ready);
    expect(await proposals.get(freshTenant(), programId('p-1'))).toBeUndefined();
  });

  it('records pairings, ends them, and lists them per program and per person', async () => {
    const [a, b] = [freshTenant(), freshTenant()];
    await programRepository(store().db).insert(a, program(a), userId('admin'));
    const pairings = pairingRepository(store().db);
    await pairings.insertMany(a, [pairing(a, 'x1', 'm1', 'e1'), pairing(a, 'x2', 'm2', 'e2', { coMentorId: userId('m3') })]);
    expect(await pairings.get(a, pairingId('x1'))).toEqual(pairing(a, 'x1', 'm1', 'e1'));
    expect(await pairings.get(b, pairingId('x1'))).toBeUndefined();
    expect((await pairings.listForUser(a, userId('m3'))).map((p) => p.id)).toEqual(['x2']);

    expect(await pairings.end(b, pairingId('x1'), { at: epochMs(T0 + 9), reason: 'no_fault', by: userId('m1') })).toBe(false);
    expect(await pairings.end(a, pairingId('x1'), { at: epochMs(T0 + 9), reason: 'no_fault', by: userId('m1') })).toBe(true);
    expect(await pairings.end(a, pairingId('x1'), { at: epochMs(T0 + 10), reason: 'no_fault', by: userId('m1') })).toBe(false);
    expect(await pairings.get(a, pairingId('x1'))).toMatchObject({ endedAt: T0 + 9, endReason: 'no_fault', endedBy: 'm1' });
    expect(await pairings.replaceMembers(a, pairingId('x2'), { mentorId: userId('m3'), coMentorId: null })).toBe(true);
    expect((await pairings.listForProgram(a, programId('p-1'), { runningOnly: true })).map((p) => [p.id, p.mentorId, p.coMentorId])).toEqual([['x2', 'm3', null]]);
    expect(await pairings.endAllRunning(b, programId('p-1'), { at: epochMs(T0 + 11), reason: 'closed' })).toBe(0);
    expect(await pairings.endAllRunning(a, programId('p-1'), { at: epochMs(T0 + 11), reason: 'closed' })).toBe(1);
    expect(await pairings.listForProgram(a, programId('p-1'), { runningOnly: true })).toEqual([]);
    expect(await pairings.count(a, programId('p-1'))).toBe(2);
    // One pair per cycle: the same two cannot be published twice in a cycle.
    const duplicate = await pairings.insertMany(a, [pairing(a, 'x3', 'm1', 'e1')]).catch((error: unknown) => error);
    expect(sqlState(duplicate)).toBe('23505');
  });

  it('records events in order, per tenant', async () => {
    const [a, b] = [freshTenant(), freshTenant()];
    await programRepository(store().db).insert(a, program(a), userId('admin'));
    const events = programEventRepository(store().db);
    for (const [id, type] of [['e1', 'pairs.published'], ['e2', 'pair.ended'], ['e3', 'pairs.published']] as const) {
      await events.append(a, { tenantId: a, id, programId: programId('p-1'), type, payload: { id, list: [1, 2] }, occurredAt: epochMs(T0) });
    }
    expect((await events.listForProgram(a, programId('p-1'))).map((e) => e.id)).toEqual(['e1', 'e2', 'e3']);
    expect((await events.listForProgram(a, programId('p-1'), 'pairs.published')).map((e) => e.payload)).toEqual([{ id: 'e1', list: [1, 2] }, { id: 'e3', list: [1, 2] }]);
    expect(await events.listForProgram(b, programId('p-1'))).toEqual([]);
  });
});
