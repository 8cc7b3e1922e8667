/**
 * The proposal between run and publish: runs happen in the background one at a time, a run that
 * died with a restart is reported and can be started again, a failed re-run keeps the reviewed
 * proposal, and publishing re-checks every pair against today's enrolments.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { programId } from '../../src/core/programs/program.ts';
import type { MatchRunner } from '../../src/programs/match-runner.ts';
import { inlineMatchRunner } from '../../src/programs/match-runner.ts';
import { pairingRepository } from '../../src/store/pairings.ts';
import { programRepository } from '../../src/store/programs.ts';
import { proposalRepository } from '../../src/store/proposals.ts';
import { answersFor, heldMatchRunner, openUseCaseFixture, programWithProposal, PROGRAM_INPUT, smallOrganisation, type UseCaseFixture } from './use-case-fixture.ts';

let fx: UseCaseFixture;
afterEach(() => fx.close());

describe('matching runs', () => {
  it('answers at once with a running run, refuses a second one meanwhile, and records the result', async () => {
    const held = heldMatchRunner();
    fx = await openUseCaseFixture(held);
    const { seniors, juniors } = smallOrganisation(fx.people, 2, 2);
    const admin = fx.actor('ceo', true);
    const program = await fx.services.programs.create(admin, PROGRAM_INPUT);
    await fx.services.programs.transition(admin, program.id, { to: 'enrolling' });
    for (const id of seniors) await fx.services.enrolments.enrol(fx.actor(id), program.id, answersFor('mentee'));
    for (const id of juniors) await fx.services.enrolments.enrol(fx.actor(id), program.id, answersFor('mentor'));
    await expect(fx.services.matching.run(admin, program.id)).rejects.toMatchObject({ code: 'conflict' }); // still enrolling
    await fx.services.programs.transition(admin, program.id, { to: 'matching' });

    const started = await fx.services.matching.run(admin, program.id);
    expect(started.status).toBe('running');
    expect(held.waiting).toBe(1);
    await expect(fx.services.matching.run(admin, program.id)).rejects.toThrow('already running');
    await expect(fx.services.review.lock(admin, program.id, { mentorId: 'j1', menteeId: 's1' })).rejects.toThrow('still running');
    await expect(fx.services.publish(admin, program.id)).rejects.toThrow('still running');
    expect((await fx.services.matching.proposal(admin, program.id)).live).toBe(true);

    held.release();
    await fx.services.idle();
    const { record } = await fx.services.matching.proposal(admin, program.id);
    expect(record).toMatchObject({ status: 'ready', runId: started.runId });
    expect(record.proposal!.pairs).toHaveLength(2);
  });

  it('reports a run that a restart interrupted, and lets the admin start it again', async () => {
    const held = heldMatchRunner();
    fx = await openUseCaseFixture(held);
    const { seniors, juniors } = smallOrganisation(fx.people, 2, 2);
    const admin = fx.actor('ceo', true);
    const program = await fx.services.programs.create(admin, PROGRAM_INPUT);
    await fx.services.programs.transition(admin, program.id, { to: 'enrolling' });
    for (const id of seniors) await fx.services.enrolments.enrol(fx.actor(id), program.id, answersFor('mentee'));
    for (const id of juniors) await fx.services.enrolments.enrol(fx.actor(id), program.id, answersFor('mentor'));
    await fx.services.programs.transition(admin, program.id, { to: 'matching' });
    await fx.services.matching.run(admin, program.id);

    const before = fx.services;
    const restarted = fx.restart(inlineMatchRunner());
    const seen = await restarted.matching.proposal(admin, program.id);
    expect(seen.record.status).toBe('running');
    expect(seen.live).toBe(false);
    await restarted.matching.run(admin, program.id);
    await restarted.idle();
    expect((await restarted.matching.proposal(admin, program.id)).record.status).toBe('ready');
    // The old run's late answer is dropped: it is no longer the program's run.
    const fresh = (await restarted.matching.proposal(admin, program.id)).record;
    held.release();
    await before.idle();
    expect((await restarted.matching.proposal(admin, program.id)).record).toEqual(fresh);
  });

  it('keeps the reviewed proposal, with its locks, when a re-run fails', async () => {
    let calls = 0;
    const flaky: MatchRunner = {
      run: async (job) => {
        calls++;
        if (calls > 1) throw new Error('worker crashed');
        return inlineMatchRunner().run(job);
      },
      close: async () => undefined,
    };
    fx = await openUseCaseFixture(flaky);
    const { seniors, juniors } = smallOrganisation(fx.people, 2, 2);
    const { admin, programId: id } = await programWithProposal(fx, seniors, juniors);
    const pair = (await fx.services.matching.proposal(admin, id)).record.proposal!.pairs[0]!;
    await fx.services.review.lock(admin, id, { mentorId: pair.mentorId, menteeId: pair.menteeId });
    await fx.services.matching.rerun(admin, id);
    await fx.services.idle();
    const { record } = await fx.services.matching.proposal(admin, id);
    expect(record.status).toBe('ready');
    expect(record.error).toMatchObject({ code: 'internal', message: 'worker crashed' });
    expect(record.proposal!.pairs.find((p) => p.mentorId === pair.mentorId)!.locked).toBe(true);
  });
});

describe('publishing checks the proposal against today’s data', () => {
  const setUp = async () => {
    fx = await openUseCaseFixture();
    const { seniors, juniors } = smallOrganisation(fx.people, 2, 2);
    const made = await programWithProposal(fx, seniors, juniors);
    const pair = (await fx.services.matching.proposal(made.admin, made.programId)).record.proposal!.pairs[0]!;
    return { ...made, pair };
  };
  const nothingPublished = async (id: string) => {
    expect((await programRepository(fx.store.store.db).get(fx.tenant, programId(id)))!.state).toBe('matching');
    expect(await pairingRepository(fx.store.store.db).count(fx.tenant, programId(id))).toBe(0);
    expect((await proposalRepository(fx.store.store.db).get(fx.tenant, programId(id)))!.status).toBe('ready');
    expect(fx.events).toEqual([]);
  };

  it('refuses when someone in a proposed pair has left since the run', async () => {
    const { admin, programId: id, pair } = await setUp();
    await fx.services.enrolments.leave(fx.actor(pair.mentorId), id, {});
    await expect(fx.services.publish(admin, id)).rejects.toThrow(/no longer holds: .* has left the program/);
    await nothingPublished(id);
  });

  it('refuses when one side has since asked not to be paired with the other, without saying who asked', async () => {
    const { admin, programId: id, pair } = await setUp();
    await fx.services.enrolments.edit(fx.actor(pair.menteeId), id, { doNotPairWith: [pair.mentorId] });
    const refusal = fx.services.publish(admin, id);
    await expect(refusal).rejects.toThrow(/are not available to be paired together/);
    await expect(refusal).rejects.not.toThrow(/asked|doNotPair/);
    await nothingPublished(id);
  });

  it('refuses when someone is paused at publishing time', async () => {
    const { admin, programId: id, pair } = await setUp();
    await fx.services.enrolments.pause(fx.actor(pair.menteeId), id, { pausedUntil: fx.now + 86_400_000 });
    await expect(fx.services.publish(admin, id)).rejects.toThrow(/paused until/);
    await nothingPublished(id);
    // Re-running leaves them out, and then publishing works.
    await fx.services.matching.rerun(admin, id);
    await fx.services.idle();
    const published = await fx.services.publish(admin, id);
    expect(published.pairings.map((p) => p.menteeId)).not.toContain(pair.menteeId);
  });

  it('refuses a proposal made for another cycle, and changes nothing', async () => {
    const { admin, programId: id } = await setUp();
    await fx.services.publish(admin, id);
    // A repair proposal for cycle 1 is ready when the admin starts cycle 2 instead.
    await fx.services.matching.run(admin, id);
    await fx.services.idle();
    expect((await fx.services.matching.proposal(admin, id)).record).toMatchObject({ kind: 'repair', cycle: 1, status: 'ready' });
    await fx.services.programs.transition(admin, id, { to: 'matching' });
    const count = await pairingRepository(fx.store.store.db).count(fx.tenant, programId(id));
    await expect(fx.services.publish(admin, id)).rejects.toThrow('made for cycle 1 (repair) but "Cycle test" is now in cycle 2 (cycle); run matching again');
    await expect(fx.services.review.lock(admin, id, { mentorId: 'j1', menteeId: 's1' })).rejects.toThrow('run matching again');
    expect(await pairingRepository(fx.store.store.db).count(fx.tenant, programId(id))).toBe(count);
    expect((await programRepository(fx.store.store.db).get(fx.tenant, programId(id)))!).toMatchObject({ state: 'matching', rotationCycle: 2 });
  });
});
