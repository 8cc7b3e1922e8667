import { describe, expect, it } from 'vitest';
import type { MatchingContext } from '../../../src/core/matching/context.ts';
import { endPairNoFault, rePair, type Pairing } from '../../../src/core/matching/repair.ts';
import { userId } from '../../../src/core/ids.ts';
import { leaveProgram } from '../../../src/core/programs/enrolment-status.ts';
import { makeProgram, NOW, person } from './fixtures.ts';

const program = makeProgram({ state: 'active', name: 'Upward Pilot' });
const junior = person({ id: 'j', name: 'Jo', role: 'mentor', canTeach: ['TikTok'] });
const senior = person({ id: 's', name: 'Sam', role: 'mentee', wantsToLearn: ['TikTok'] });
const spareJunior = person({ id: 'k', name: 'Kai', role: 'mentor' });
const otherSenior = person({ id: 't', name: 'Tess', role: 'mentee' });
const pairing = (mentor: string, mentee: string, coMentor: string | null = null): Pairing => ({
  mentorId: userId(mentor),
  menteeId: userId(mentee),
  coMentorId: coMentor === null ? null : userId(coMentor),
  cycle: 1,
});
const context: MatchingContext = { program, enrolments: [junior, senior, spareJunior, otherSenior], history: [], now: NOW };
const BLAME = /\b(because|reason|fault|blame|sorry|complain|difficult|unfortunately|asked|decided|chose)\b/i;

describe('no-fault exit', () => {
  it('either side may leave; the partner gets a neutral notice with no reason', () => {
    for (const leaver of ['j', 's']) {
      const ended = endPairNoFault([pairing('j', 's'), pairing('k', 't')], pairing('j', 's'), userId(leaver), context);
      expect(ended.pairings).toEqual([pairing('k', 't')]);
      expect(ended.notices).toHaveLength(1);
      const notice = ended.notices[0]!;
      expect(notice.recipientId).toBe(leaver === 'j' ? 's' : 'j');
      expect(notice.text).toContain('Upward Pilot');
      expect(notice.text).toContain(leaver === 'j' ? 'Jo' : 'Sam');
      expect(notice.text).not.toMatch(BLAME);
      expect(ended.needsPartner.slice().sort()).toEqual(['j', 's']);
      expect(ended.history).toEqual([{ mentorId: 'j', menteeId: 's', cycle: 1 }]);
    }
  });

  it("never carries the leaver's own note", () => {
    const note = 'My mentee kept cancelling and was rude';
    const leaver = leaveProgram(junior, note, NOW);
    const ended = endPairNoFault([pairing('j', 's')], pairing('j', 's'), userId('j'), { ...context, enrolments: [leaver, senior] });
    expect(JSON.stringify(ended)).not.toContain('cancelling');
    expect(JSON.stringify(ended)).not.toContain(note);
  });

  it('a trio that loses a mentor continues as a pair', () => {
    const ended = endPairNoFault([pairing('j', 's', 'k')], pairing('j', 's'), userId('j'), context);
    expect(ended.pairings).toEqual([pairing('k', 's')]);
    expect(ended.notices.map((n) => n.recipientId).sort()).toEqual(['k', 's']);
    expect(ended.notices[0]!.text).toMatch(/continue as planned/);
    expect(ended.notices[0]!.text).not.toMatch(BLAME);
    expect(ended.needsPartner).toEqual(['j']);
    expect(ended.history).toContainEqual({ mentorId: 'k', menteeId: 's', cycle: 1 });
  });

  it('a trio that loses its mentee leaves both mentors to be re-paired', () => {
    const ended = endPairNoFault([pairing('j', 's', 'k')], pairing('j', 's'), userId('s'), context);
    expect(ended.pairings).toEqual([]);
    expect(ended.needsPartner.slice().sort()).toEqual(['j', 'k', 's']);
  });

  it('rejects someone who is not in the pair', () => {
    expect(() => endPairNoFault([pairing('j', 's')], pairing('j', 's'), userId('k'), context)).toThrow(
      expect.objectContaining({ code: 'bad_input' }),
    );
  });
});

describe('re-pairing', () => {
  it('finds new partners, never the one just left, and keeps every running pair', () => {
    const running = [pairing('j', 's'), pairing('k', 't')];
    const ended = endPairNoFault(running, pairing('j', 's'), userId('s'), context);
    const proposal = rePair({ ...context, history: ended.history }, ended.pairings);
    const kept = proposal.pairs.filter((p) => p.locked);
    const fresh = proposal.pairs.filter((p) => !p.locked);
    expect(kept.map((p) => [p.mentorId, p.menteeId])).toEqual([['k', 't']]);
    // With capacity 1 and k–t running, j and s have nobody new: they are told why, not paired again.
    expect(fresh).toEqual([]);
    expect(proposal.unmatched.map((u) => u.userId).sort()).toEqual(['j', 's']);
    expect(proposal.unmatched.find((u) => u.userId === 'j')!.reason).toMatch(/already been paired with Jo/);
  });

  it('pairs the remaining partner with someone who has room', () => {
    const newcomer = person({ id: 'n', name: 'Noor', role: 'mentee', wantsToLearn: ['TikTok'] });
    const ctx: MatchingContext = { ...context, enrolments: [...context.enrolments, newcomer] };
    const ended = endPairNoFault([pairing('j', 's'), pairing('k', 't')], pairing('j', 's'), userId('s'), ctx);
    const proposal = rePair({ ...ctx, history: ended.history }, ended.pairings);
    expect(proposal.pairs.filter((p) => !p.locked).map((p) => [p.mentorId, p.menteeId])).toEqual([['j', 'n']]);
  });
});
