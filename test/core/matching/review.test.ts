import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { proposeMatching } from '../../../src/core/matching/assign.ts';
import type { MatchingContext } from '../../../src/core/matching/context.ts';
import { PairingRuleError } from '../../../src/core/matching/pair-rules.ts';
import type { PairRef } from '../../../src/core/matching/proposal.ts';
import {
  acceptTrio,
  lockPair,
  removePair,
  rerunKeepingLocked,
  swapPartners,
  unlockPair,
} from '../../../src/core/matching/review.ts';
import { userId } from '../../../src/core/ids.ts';
import { assertValid } from './assert-valid.ts';
import { makeProgram, NOW, person, randomCohort, seeded } from './fixtures.ts';

// Two mentors who each fit one mentee best; Xia is in Cai's management chain.
const a = person({ id: 'a', name: 'Ann', role: 'mentor', canTeach: ['TikTok'] });
const b = person({ id: 'b', name: 'Ben', role: 'mentor', canTeach: ['Strategy'] });
const c = person({ id: 'c', name: 'Cai', role: 'mentor', canTeach: ['Podcasting'], managerChain: ['x'] });
const x = person({ id: 'x', name: 'Xia', role: 'mentee', wantsToLearn: ['Podcasting'] });
const m = person({ id: 'm', name: 'Mo', role: 'mentee', wantsToLearn: ['TikTok'] });
const n = person({ id: 'n', name: 'Nia', role: 'mentee', wantsToLearn: ['Strategy'] });
const context: MatchingContext = { program: makeProgram(), enrolments: [a, b, m, n], history: [], now: NOW };
const ref = (mentor: string, mentee: string): PairRef => ({ mentorId: userId(mentor), menteeId: userId(mentee) });
const pairsOf = (p: { pairs: readonly PairRef[] }) => p.pairs.map((pair) => `${pair.mentorId}-${pair.menteeId}`).sort();

describe('admin review', () => {
  const proposal = proposeMatching(context);

  it('starts from the best pairs', () => {
    expect(pairsOf(proposal)).toEqual(['a-m', 'b-n']);
  });

  it('locks and unlocks a pair', () => {
    const locked = lockPair(proposal, ref('a', 'm'));
    expect(locked.pairs.find((p) => p.mentorId === 'a')!.locked).toBe(true);
    expect(proposal.pairs.every((p) => !p.locked)).toBe(true);
    expect(unlockPair(locked, ref('a', 'm')).pairs.every((p) => !p.locked)).toBe(true);
    expect(() => lockPair(proposal, ref('a', 'n'))).toThrow(expect.objectContaining({ code: 'not_found' }));
  });

  it('swaps partners between two pairs, rescoring and re-explaining them', () => {
    const swapped = swapPartners(proposal, ref('a', 'm'), ref('b', 'n'), context);
    expect(pairsOf(swapped)).toEqual(['a-n', 'b-m']);
    expect(swapped.totalScore).toBe(swapped.pairs.reduce((sum, p) => sum + p.score, 0));
    expect(swapped.totalScore).toBeLessThan(proposal.totalScore);
    expect(swapped.pairs.flatMap((p) => p.reasons).some((r) => r.includes('Ann can teach TikTok'))).toBe(false);
  });

  it('refuses a swap that breaks a hard rule, naming the rule', () => {
    const withChain: MatchingContext = { ...context, enrolments: [a, c, m, x] };
    const start = proposeMatching(withChain);
    expect(pairsOf(start)).toEqual(['a-x', 'c-m']);
    let caught: unknown;
    try {
      swapPartners(start, ref('a', 'x'), ref('c', 'm'), withChain);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(PairingRuleError);
    expect((caught as PairingRuleError).rule).toBe('management_chain');
    expect((caught as PairingRuleError).code).toBe('conflict');
    expect((caught as Error).message).toBe("Swapping partners is not possible: Xia is in Cai's management chain (rule: management_chain)");
  });

  it('refuses to swap a locked pair', () => {
    const locked = lockPair(proposal, ref('a', 'm'));
    expect(() => swapPartners(locked, ref('a', 'm'), ref('b', 'n'), context)).toThrow(/locked; unlock it first/);
  });

  it('removes a pair: its people become unmatched and a re-run does not propose it again', () => {
    const removed = removePair(proposal, ref('a', 'm'), context);
    expect(pairsOf(removed)).toEqual(['b-n']);
    expect(removed.rejected).toEqual([ref('a', 'm')]);
    expect(removed.unmatched.map((u) => u.userId).sort()).toEqual(['a', 'm']);
    expect(removed.totalScore).toBe(proposal.totalScore - proposal.pairs.find((p) => p.mentorId === 'a')!.score);
    const rerun = rerunKeepingLocked(removed, context);
    expect(pairsOf(rerun)).toEqual(['a-n', 'b-m']);
    expect(rerun.rejected).toEqual([ref('a', 'm')]);
  });

  it('re-runs the rest while locked pairs stay exactly as they are', () => {
    // Lock the worse pairing a–n; the re-run must keep it and pair b with m.
    const swapped = swapPartners(proposal, ref('a', 'm'), ref('b', 'n'), context);
    const locked = lockPair(swapped, ref('a', 'n'));
    const rerun = rerunKeepingLocked(locked, context);
    expect(pairsOf(rerun)).toEqual(['a-n', 'b-m']);
    expect(rerun.pairs.find((p) => p.mentorId === 'a')!.locked).toBe(true);
    expect(rerun.pairs.find((p) => p.mentorId === 'b')!.locked).toBe(false);
  });

  it('accepts a trio suggestion', () => {
    const extra = person({ id: 'e', name: 'Eve', role: 'mentor', canTeach: ['TikTok'] });
    const trioContext: MatchingContext = {
      ...context,
      program: makeProgram({ rules: { minSeniorityGap: 1, allowTrios: true } }),
      enrolments: [a, b, extra, m, n],
    };
    const withSuggestion = proposeMatching(trioContext);
    expect(withSuggestion.trioSuggestions).toHaveLength(1);
    const suggestion = withSuggestion.trioSuggestions[0]!;
    const accepted = acceptTrio(withSuggestion, suggestion, trioContext);
    const trio = accepted.pairs.find((p) => p.coMentorId !== null)!;
    expect(trio.coMentorId).toBe(suggestion.mentorId);
    expect(trio.reasons.at(-1)).toMatch(/joins as a second mentor/);
    expect(accepted.unmatched.some((u) => u.userId === suggestion.mentorId)).toBe(false);
    expect(accepted.trioSuggestions).toEqual([]);
    expect(() => acceptTrio(accepted, suggestion, trioContext)).toThrow(PairingRuleError);
    expect(() => acceptTrio(withSuggestion, suggestion, context)).toThrow(/does not allow trios/);
  });
});

describe('swap validation covers private exclusions without revealing them', () => {
  it('names only the neutral rule', () => {
    const shy = person({ id: 'b', name: 'Ben', role: 'mentor', canTeach: ['Strategy'], doNotPairWith: ['m'] });
    const ctx: MatchingContext = { ...context, enrolments: [a, shy, m, n] };
    const start = proposeMatching(ctx);
    expect(pairsOf(start)).toEqual(['a-m', 'b-n']);
    let caught: unknown;
    try {
      swapPartners(start, ref('a', 'm'), ref('b', 'n'), ctx);
    } catch (error) {
      caught = error;
    }
    expect((caught as PairingRuleError).rule).toBe('not_available');
    expect((caught as Error).message).toBe(
      'Swapping partners is not possible: Ben and Mo are not available to be paired together (rule: not_available)',
    );
  });
});

describe('review never breaks the rules', () => {
  it('after random locks and removals, a re-run keeps locked pairs, skips rejected ones and stays valid', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 2 }), (seed, capacity) => {
        const rng = seeded(seed);
        const enrolments = randomCohort(rng, { mentors: 12, mentees: 10, exclusionRate: 0.2 });
        const ctx: MatchingContext = { program: makeProgram({ capacityPerPerson: capacity }), enrolments, history: [], now: NOW };
        let proposal = proposeMatching(ctx);
        for (const pair of [...proposal.pairs]) {
          const roll = rng();
          if (roll < 0.3) proposal = lockPair(proposal, pair);
          else if (roll < 0.5) proposal = removePair(proposal, pair, ctx);
        }
        const locked = proposal.pairs.filter((p) => p.locked).map((p) => `${p.mentorId}-${p.menteeId}`);
        const rerun = rerunKeepingLocked(proposal, ctx);
        assertValid(rerun, ctx);
        const after = rerun.pairs.map((p) => `${p.mentorId}-${p.menteeId}`);
        for (const key of locked) expect(after).toContain(key);
        for (const rejected of proposal.rejected) expect(after).not.toContain(`${rejected.mentorId}-${rejected.menteeId}`);
      }),
      { numRuns: 80 },
    );
  });
});
