/**
 * Rotation and re-pairing through the use cases and a real store: each new cycle gives everyone
 * new partners; either side may leave a pair with no fault, the partner is told neutrally, and
 * the next run matches them again (never with the same person) while every other pair stays.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { userId } from '../../src/core/ids.ts';
import { pairNotice } from '../../src/core/matching/repair.ts';
import { programId } from '../../src/core/programs/program.ts';
import type { PairEnded, PairsPublished } from '../../src/programs/events.ts';
import { pairingRepository } from '../../src/store/pairings.ts';
import { programEventRepository } from '../../src/store/program-events.ts';
import { openUseCaseFixture, programWithProposal, smallOrganisation, type UseCaseFixture } from './use-case-fixture.ts';

let fx: UseCaseFixture;
beforeEach(async () => {
  fx = await openUseCaseFixture();
});
afterEach(() => fx.close());

const pairingsOf = (id: string) => pairingRepository(fx.store.store.db).listForProgram(fx.tenant, programId(id));
const keyOf = (p: { mentorId: string; menteeId: string }) => `${p.mentorId}|${p.menteeId}`;

describe('rotation', () => {
  it('gives everyone a new partner each cycle until no new partner is left', async () => {
    const { seniors, juniors } = smallOrganisation(fx.people, 3, 3);
    const { admin, programId: id } = await programWithProposal(fx, seniors, juniors);
    const seen = new Set<string>();

    for (let cycle = 1; cycle <= 3; cycle++) {
      if (cycle > 1) {
        const moved = await fx.services.programs.transition(admin, id, { to: 'matching' });
        expect(moved).toMatchObject({ state: 'matching', rotationCycle: cycle });
        await fx.services.matching.run(admin, id);
        await fx.services.idle();
      }
      const { record } = await fx.services.matching.proposal(admin, id);
      expect(record).toMatchObject({ status: 'ready', kind: 'cycle', cycle });
      expect(record.proposal!.pairs).toHaveLength(3);
      for (const pair of record.proposal!.pairs) {
        expect(seen.has(keyOf(pair))).toBe(false);
        seen.add(keyOf(pair));
      }
      const published = await fx.services.publish(admin, id);
      expect(published.program).toMatchObject({ state: 'active', rotationCycle: cycle });
      const all = await pairingsOf(id);
      // The earlier cycles' pairs ended as rotated; only this cycle's run.
      expect(all.filter((p) => p.endedAt === null).map((p) => p.cycle)).toEqual([cycle, cycle, cycle]);
      expect(all.filter((p) => p.cycle < cycle).every((p) => p.endReason === 'rotated')).toBe(true);
      fx.advance(30 * 86_400_000);
    }
    expect(seen.size).toBe(9);

    // A fourth cycle has nobody new to offer: everyone is unmatched, and told why.
    await fx.services.programs.transition(admin, id, { to: 'matching' });
    await fx.services.matching.run(admin, id);
    await fx.services.idle();
    const { record } = await fx.services.matching.proposal(admin, id);
    expect(record.proposal!.pairs).toEqual([]);
    expect(record.proposal!.unmatched).toHaveLength(6);
    expect(record.proposal!.unmatched[0]!.reason).toContain('already been paired');
    const events = fx.events.filter((e): e is PairsPublished => e.type === 'pairs.published');
    expect(events.map((e) => e.cycle)).toEqual([1, 2, 3]);
  });
});

describe('no-fault exit and re-pairing', () => {
  it.each(['mentor', 'mentee'] as const)('lets the %s leave; the partner is told neutrally and re-paired at the next run', async (side) => {
    const { seniors, juniors } = smallOrganisation(fx.people, 3, 3);
    const { admin, programId: id } = await programWithProposal(fx, seniors, juniors);
    await fx.services.publish(admin, id);
    const [target, ...others] = await pairingsOf(id);
    const leaver = side === 'mentor' ? target!.mentorId : target!.menteeId;
    const partner = side === 'mentor' ? target!.menteeId : target!.mentorId;

    // Only members may leave; a stranger learns nothing about the pairing.
    await expect(fx.services.pairings.leave(fx.actor(others[0]!.mentorId), target!.id)).rejects.toMatchObject({ code: 'not_found' });
    const ended = await fx.services.pairings.leave(fx.actor(leaver), target!.id);
    const leaverName = fx.people.get(leaver)!.name!;
    expect(ended.notices).toEqual([{ recipientId: userId(partner), text: pairNotice(leaverName, (await fx.services.programs.get(admin, id))) }]);
    expect(ended.notices[0]!.text).not.toMatch(/because|reason|fault/i);
    expect([...ended.needsPartner].sort()).toEqual([leaver, partner].sort());
    await expect(fx.services.pairings.leave(fx.actor(leaver), target!.id)).rejects.toMatchObject({ code: 'conflict' });
    const pairEvents = fx.events.filter((e): e is PairEnded => e.type === 'pair.ended');
    expect(pairEvents).toHaveLength(1);
    expect(await programEventRepository(fx.store.store.db).listForProgram(fx.tenant, programId(id), 'pair.ended')).toHaveLength(1);

    // The next run (the program is active: a repair) keeps the running pairs and never rebuilds the ended one.
    await fx.services.matching.run(admin, id);
    await fx.services.idle();
    const { record } = await fx.services.matching.proposal(admin, id);
    expect(record.kind).toBe('repair');
    const pairs = record.proposal!.pairs;
    for (const running of others) expect(pairs.find((p) => keyOf(p) === keyOf(running))?.locked).toBe(true);
    expect(pairs.map(keyOf)).not.toContain(keyOf(target!));
    const unlock = fx.services.review.unlock(admin, id, { mentorId: others[0]!.mentorId, menteeId: others[0]!.menteeId });
    await expect(unlock).rejects.toMatchObject({ code: 'conflict' });

    // Three pairs, one of them ended: with capacity 1 the two left alone have nobody new; the
    // unmatched reasons say so. Widen capacity so a second pair is possible, then re-pair.
    expect(record.proposal!.unmatched.map((u) => u.userId).sort()).toEqual([leaver, partner].sort());
    await fx.services.programs.edit(admin, id, { capacityPerPerson: 2 });
    await fx.services.matching.run(admin, id);
    await fx.services.idle();
    const wider = (await fx.services.matching.proposal(admin, id)).record.proposal!;
    const fresh = wider.pairs.filter((p) => !p.locked);
    expect(fresh.length).toBeGreaterThan(0);
    expect(fresh.some((p) => p.mentorId === leaver || p.menteeId === leaver || p.mentorId === partner || p.menteeId === partner)).toBe(true);
    expect(fresh.map(keyOf)).not.toContain(keyOf(target!));
    const before = fx.events.length;
    const published = await fx.services.publish(admin, id);
    expect(published.program).toMatchObject({ state: 'active', rotationCycle: 1 });
    expect(published.pairings).toHaveLength(fresh.length);
    expect(fx.events.slice(before).map((e) => e.type)).toEqual(['pairs.published']);
    expect((await pairingsOf(id)).filter((p) => p.endedAt === null)).toHaveLength(2 + fresh.length);
    // The repair is published once; publishing again is the illegal move active → active.
    await expect(fx.services.publish(admin, id)).rejects.toMatchObject({ code: 'illegal_transition' });
  });

  it('ends a person’s running pairs when they leave the program', async () => {
    const { seniors, juniors } = smallOrganisation(fx.people, 2, 2);
    const { admin, programId: id } = await programWithProposal(fx, seniors, juniors);
    await fx.services.publish(admin, id);
    const [pairing] = await pairingsOf(id);
    await fx.services.enrolments.leave(fx.actor(pairing!.mentorId), id, { reason: 'Moving abroad' });
    const after = (await pairingsOf(id)).find((p) => p.id === pairing!.id)!;
    expect(after).toMatchObject({ endReason: 'no_fault', endedBy: pairing!.mentorId });
    const event = fx.events.find((e): e is PairEnded => e.type === 'pair.ended')!;
    expect(event.notices.map((n) => n.recipientId)).toEqual([pairing!.menteeId]);
    expect(JSON.stringify(event)).not.toContain('Moving abroad');
  });

  it('closing the program ends every running pair', async () => {
    const { seniors, juniors } = smallOrganisation(fx.people, 2, 2);
    const { admin, programId: id } = await programWithProposal(fx, seniors, juniors);
    await fx.services.publish(admin, id);
    await fx.services.programs.transition(admin, id, { to: 'closed' });
    const all = await pairingsOf(id);
    expect(all.every((p) => p.endReason === 'closed' && p.endedAt !== null)).toBe(true);
    await expect(fx.services.programs.edit(admin, id, { name: 'x' })).rejects.toMatchObject({ code: 'conflict' });
  });
});

describe('trios', () => {
  it('accepts a suggested trio, publishes it, and keeps the pair going when its second mentor leaves', async () => {
    const { seniors, juniors } = smallOrganisation(fx.people, 1, 2);
    const { admin, programId: id } = await programWithProposal(fx, seniors, juniors, { rules: { allowTrios: true } });
    const proposal = (await fx.services.matching.proposal(admin, id)).record.proposal!;
    expect(proposal.pairs).toHaveLength(1);
    expect(proposal.trioSuggestions).toHaveLength(1);
    const suggestion = proposal.trioSuggestions[0]!;
    const accepted = await fx.services.review.acceptTrio(admin, id, { mentorId: suggestion.mentorId, pair: suggestion.pair });
    expect(accepted.proposal!.pairs[0]!.coMentorId).toBe(suggestion.mentorId);
    await fx.services.publish(admin, id);

    const [trio] = await pairingsOf(id);
    expect(trio!.coMentorId).toBe(suggestion.mentorId);
    const ended = await fx.services.pairings.leave(fx.actor(suggestion.mentorId), trio!.id);
    expect(ended.notices.map((n) => n.recipientId).sort()).toEqual([trio!.mentorId, trio!.menteeId].sort());
    expect(ended.notices[0]!.text).toContain('continue');
    expect(ended.needsPartner).toEqual([suggestion.mentorId]);
    const all = await pairingsOf(id);
    expect(all.find((p) => p.id === trio!.id)).toMatchObject({ mentorId: trio!.mentorId, coMentorId: null, endedAt: null });
    // The leaver's part is history: they are never paired with that mentee again.
    expect(all.find((p) => p.mentorId === suggestion.mentorId)).toMatchObject({ menteeId: trio!.menteeId, endReason: 'no_fault' });
  });
});
