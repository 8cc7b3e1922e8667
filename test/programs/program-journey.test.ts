/**
 * The whole capability through the HTTP API of a running Upward (development tenant, PGlite):
 * an admin creates a program and opens enrolment, 21 seeded people enrol themselves, matching
 * runs off the request path, the admin reviews (lock, remove, re-run) and publishes; the
 * published pairs break no hard rule, the event goes out once, and publishing again is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DevPerson } from '../../src/devtenant/dev-tenant.ts';
import { tenantId } from '../../src/core/ids.ts';
import { whyNotPaired } from '../../src/core/matching/pair-rules.ts';
import { programId } from '../../src/core/programs/program.ts';
import { epochMs } from '../../src/core/time.ts';
import { enrolmentRepository } from '../../src/store/enrolments.ts';
import { pairingRepository } from '../../src/store/pairings.ts';
import { programRepository } from '../../src/store/programs.ts';
import { pickCohort, startAppFixture, waitForProposal, type AppFixture } from './app-fixture.ts';
import { juniorForm, PROGRAM, seniorForm } from './program-forms.ts';

let fx: AppFixture;
beforeAll(async () => {
  fx = await startAppFixture();
});
afterAll(() => fx?.close());

describe('a program run end to end over the API', () => {
  let admin: DevPerson;
  let seniors: DevPerson[];
  let juniors: DevPerson[];
  let underFirstSenior: DevPerson;
  let id: string;
  let firstProposal: any;
  let lockedPair: { mentorId: string; menteeId: string };
  let removedPair: { mentorId: string; menteeId: string };
  let finalProposal: any;

  it('lets a program admin create a program and open enrolment', async () => {
    admin = fx.admins()[0]!;
    const cohort = pickCohort(fx.people(), 10, 1);
    seniors = [...cohort.seniors];
    juniors = [...cohort.juniors];
    underFirstSenior = cohort.underFirstSenior!;
    expect(seniors).toHaveLength(10);
    expect(juniors).toHaveLength(11);
    expect(underFirstSenior).toBeDefined();

    const created = await fx.call(admin, 'POST', '/programs', PROGRAM);
    expect(created.status).toBe(201);
    expect(created.body.program).toMatchObject({ name: PROGRAM.name, state: 'draft', rotationCycle: 1, nextStates: ['enrolling', 'closed'] });
    id = created.body.program.id;

    const opened = await fx.call(admin, 'POST', `/programs/${id}/transitions`, { to: 'enrolling' });
    expect(opened.status).toBe(200);
    expect(opened.body.program.state).toBe('enrolling');
  });

  it('lets 21 seeded people enrol themselves, prefilled from the directory', async () => {
    // The second senior privately asks never to be paired with the second junior.
    const excluded = juniors[1]!;
    const answers = await Promise.all([
      ...seniors.map((p, i) => fx.call(p, 'POST', `/programs/${id}/enrolment`, seniorForm(i === 1 ? { doNotPairWith: [excluded.id] } : {}))),
      ...juniors.map((p) => fx.call(p, 'POST', `/programs/${id}/enrolment`, juniorForm())),
    ]);
    for (const answer of answers) expect(answer.status, JSON.stringify(answer.body)).toBe(201);

    const mine = answers[0]!.body.enrolment;
    const senior = seniors[0]!;
    expect(mine.profile).toMatchObject({
      displayName: senior.displayName,
      department: senior.department,
      jobTitle: senior.jobTitle,
      timeZone: 'Europe/London',
      // Seniority from the reporting line: two managers above → 20 − 2.
      seniorityLevel: 18,
    });
    expect(mine.profile.managerChain).toEqual([senior.managerId, fx.people()[0]!.id]);
    expect(mine.profile.weeklyWorkingMinutesUtc.length).toBeGreaterThanOrEqual(4);
    const junior = answers[seniors.length]!.body.enrolment;
    expect(junior.profile.seniorityLevel).toBe(20 - juniors[0]!.depth);

    const list = await fx.call(admin, 'GET', `/programs/${id}/enrolments`);
    expect(list.body.enrolments).toHaveLength(21);
    expect(JSON.stringify(list.body)).not.toContain('doNotPairWith');
  });

  it('matches off the request path and proposes pairs with reasons, and everyone else with a reason', async () => {
    expect((await fx.call(admin, 'POST', `/programs/${id}/transitions`, { to: 'matching' })).body.program.state).toBe('matching');
    const started = await fx.call(admin, 'POST', `/programs/${id}/matching`);
    expect(started.status).toBe(202);
    expect(started.body.proposal).toMatchObject({ status: 'running', kind: 'cycle', cycle: 1 });

    firstProposal = await waitForProposal(fx, admin, id);
    expect(firstProposal.status).toBe('ready');
    expect(firstProposal.pairs).toHaveLength(10);
    for (const pair of firstProposal.pairs) {
      expect(pair.reasons.length).toBeGreaterThan(0);
      expect(pair.reasons.join(' ')).toMatch(/can teach|shared working hours/);
      expect(pair.mentor.displayName).toBe(juniors.find((j) => j.id === pair.mentorId)!.displayName);
    }
    // Eleven mentors for ten mentees: one is left over, and told why.
    expect(firstProposal.unmatched).toHaveLength(1);
    expect(firstProposal.unmatched[0]).toMatchObject({ role: 'mentor' });
    expect(firstProposal.unmatched[0].reason).toMatch(/^No free mentee for .+: of 10 mentees/);

    const has = (mentor: DevPerson, mentee: DevPerson) => firstProposal.pairs.some((p: any) => p.mentorId === mentor.id && p.menteeId === mentee.id);
    expect(has(underFirstSenior, seniors[0]!)).toBe(false); // one management chain
    expect(has(juniors[1]!, seniors[1]!)).toBe(false); // private exclusion
    expect(JSON.stringify(firstProposal)).not.toContain('doNotPairWith');
  });

  it('lets the admin lock one pair, remove another and re-run the rest', async () => {
    const [first, second] = firstProposal.pairs;
    lockedPair = { mentorId: first.mentorId, menteeId: first.menteeId };
    removedPair = { mentorId: second.mentorId, menteeId: second.menteeId };

    const locked = await fx.call(admin, 'POST', `/programs/${id}/proposal/lock`, lockedPair);
    expect(locked.status).toBe(200);
    expect(locked.body.proposal.pairs.find((p: any) => p.mentorId === lockedPair.mentorId).locked).toBe(true);

    const removed = await fx.call(admin, 'POST', `/programs/${id}/proposal/remove`, removedPair);
    expect(removed.status).toBe(200);
    expect(removed.body.proposal.pairs).toHaveLength(9);
    expect(removed.body.proposal.rejected).toEqual([removedPair]);
    expect(removed.body.proposal.unmatched.map((u: any) => u.userId)).toEqual(expect.arrayContaining([removedPair.mentorId, removedPair.menteeId]));

    // A locked pair cannot be removed; nothing changes.
    const refused = await fx.call(admin, 'POST', `/programs/${id}/proposal/remove`, lockedPair);
    expect(refused.status).toBe(409);
    expect((await fx.call(admin, 'GET', `/programs/${id}/proposal`)).body.proposal.pairs).toHaveLength(9);

    expect((await fx.call(admin, 'POST', `/programs/${id}/proposal/rerun`)).status).toBe(202);
    finalProposal = await waitForProposal(fx, admin, id);
    expect(finalProposal.status).toBe('ready');
    const keys = finalProposal.pairs.map((p: any) => `${p.mentorId}|${p.menteeId}`);
    expect(keys).toContain(`${lockedPair.mentorId}|${lockedPair.menteeId}`);
    expect(finalProposal.pairs.find((p: any) => p.mentorId === lockedPair.mentorId).locked).toBe(true);
    expect(keys).not.toContain(`${removedPair.mentorId}|${removedPair.menteeId}`);
    expect(finalProposal.rejected).toEqual([removedPair]);
    expect(finalProposal.pairs).toHaveLength(10);
  });

  it('publishes: the program goes active, the pairs break no hard rule and the event goes out once', async () => {
    const published = await fx.call(admin, 'POST', `/programs/${id}/publish`);
    expect(published.status).toBe(200);
    expect(published.body.program.state).toBe('active');
    expect(published.body.pairings).toHaveLength(finalProposal.pairs.length);

    const tenant = tenantId(fx.tenantId);
    const program = (await programRepository(fx.app.store.db).get(tenant, programId(id)))!;
    const enrolments = await enrolmentRepository(fx.app.store.db).listForProgram(tenant, program.id);
    const stored = await pairingRepository(fx.app.store.db).listForProgram(tenant, program.id);
    expect(stored).toHaveLength(10);
    const byId = new Map(enrolments.map((e) => [e.userId, e]));
    const context = { program, enrolments, history: [], now: epochMs(Date.now()) };
    const partners = new Map<string, number>();
    for (const pairing of stored) {
      expect(whyNotPaired(byId.get(pairing.mentorId)!, byId.get(pairing.menteeId)!, context, { rejected: finalProposal.rejected })).toEqual({ ok: true });
      for (const person of [pairing.mentorId, pairing.menteeId]) partners.set(person, (partners.get(person) ?? 0) + 1);
    }
    expect([...partners.values()].every((n) => n === 1)).toBe(true);
    expect(stored.some((p) => p.mentorId === underFirstSenior.id && p.menteeId === seniors[0]!.id)).toBe(false);
    expect(stored.some((p) => p.mentorId === juniors[1]!.id && p.menteeId === seniors[1]!.id)).toBe(false);

    const events = fx.events.filter((e) => e.type === 'pairs.published' && e.programId === id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ tenantId: fx.tenantId, cycle: 1, kind: 'cycle', programName: PROGRAM.name });
    expect(new Set((events[0] as any).pairs.map((p: any) => p.pairingId))).toEqual(new Set(stored.map((p) => p.id)));
  });

  it('refuses a second publish with 409 illegal_transition and changes nothing', async () => {
    const again = await fx.call(admin, 'POST', `/programs/${id}/publish`);
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'illegal_transition', from: 'active', to: 'active', legal: ['matching', 'closed'] });
    expect(again.body.error.message).toContain('"active"');
    expect(fx.events.filter((e) => e.type === 'pairs.published')).toHaveLength(1);
    expect(await pairingRepository(fx.app.store.db).count(tenantId(fx.tenantId), programId(id))).toBe(10);
  });

  it('shows each participant their pair with the partner’s public profile only', async () => {
    const pairing = finalProposal.pairs.find((p: any) => p.menteeId === seniors[1]!.id);
    const senior = seniors[1]!;
    const mine = await fx.call(senior, 'GET', '/me/pairings');
    expect(mine.status).toBe(200);
    expect(mine.body.pairings).toHaveLength(1);
    expect(mine.body.pairings[0]).toMatchObject({ programId: id, myRole: 'mentee', cycle: 1 });
    expect(mine.body.pairings[0].partners[0]).toMatchObject({ userId: pairing.mentorId, role: 'mentor' });
    const partnerView = await fx.call(fx.people().find((p) => p.id === pairing.mentorId)!, 'GET', '/me/pairings');
    expect(JSON.stringify(partnerView.body)).not.toContain('doNotPairWith');
    // The senior's exclusion names juniors[1]; it must not reach their partner in any form.
    expect(JSON.stringify(partnerView.body)).not.toContain(juniors[1]!.id);
    // The owner still sees their own list.
    const own = await fx.call(senior, 'GET', `/programs/${id}/enrolment`);
    expect(own.body.enrolment.doNotPairWith).toEqual([juniors[1]!.id]);
  });
});
