import fc from 'fast-check';
import { linearSumAssignment } from 'linear-sum-assignment';
import { describe, expect, it } from 'vitest';
import { proposeMatching } from '../../../src/core/matching/assign.ts';
import type { MatchingContext } from '../../../src/core/matching/context.ts';
import { buildScoreMatrix, FORBIDDEN } from '../../../src/core/matching/score-matrix.ts';
import { MAX_SCORE } from '../../../src/core/matching/soft-score.ts';
import { isAvailable, type Enrolment } from '../../../src/core/programs/enrolment.ts';
import { assertValid } from './assert-valid.ts';
import { bruteForceBest } from './brute-force.ts';
import { makeProgram, NOW, officeHours, person, randomCohort, seeded } from './fixtures.ts';

const contextOf = (enrolments: Enrolment[], program = makeProgram(), history: MatchingContext['history'] = []): MatchingContext => ({
  program,
  enrolments,
  history,
  now: NOW,
});

describe('optimal assignment', () => {
  it('reaches the brute-force optimum on small random cohorts', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 0, max: 7 }), fc.integer({ min: 0, max: 7 }), fc.integer({ min: 1, max: 3 }), (seed, mentors, mentees, gap) => {
        const cohort = randomCohort(seeded(seed), { mentors, mentees, exclusionRate: 0.2 });
        const context = contextOf(cohort, makeProgram({ rules: { minSeniorityGap: gap, allowTrios: false } }));
        const proposal = proposeMatching(context);
        const best = bruteForceBest(context);
        expect(proposal.pairs.length).toBe(best.pairs);
        expect(proposal.totalScore).toBe(best.total);
        assertValid(proposal, context);
      }),
      { numRuns: 120 },
    );
  });

  it('equals the reference npm solver (linear-sum-assignment) on large cohorts', () => {
    for (const [seed, mentorCount, menteeCount] of [[11, 150, 150], [12, 180, 120], [13, 100, 170]] as const) {
      const cohort = randomCohort(seeded(seed), { mentors: mentorCount, mentees: menteeCount, zoneSpread: 1 });
      const context = contextOf(cohort);
      const proposal = proposeMatching(context);
      const matrix = buildScoreMatrix({
        mentors: cohort.filter((p) => p.role === 'mentor'),
        mentees: cohort.filter((p) => p.role === 'mentee'),
        minSeniorityGap: 1,
        sessionMinutes: 45,
        history: [],
        rejected: [],
        alreadyPaired: [],
      });
      // Same objective for the reference: a forbidden cell costs more than all scores together.
      const big = (MAX_SCORE + 1) * (Math.min(mentorCount, menteeCount) + 1);
      const costs = Array.from({ length: mentorCount }, (_, m) =>
        Array.from({ length: menteeCount }, (_, e) => {
          const score = matrix.score[m * menteeCount + e]!;
          return score === FORBIDDEN ? big : MAX_SCORE - score;
        }),
      );
      const reference = linearSumAssignment(costs, { maximaze: false });
      let pairs = 0;
      let total = 0;
      reference.rowAssignments.forEach((e, m) => {
        const score = e < 0 ? FORBIDDEN : matrix.score[m * menteeCount + e]!;
        if (score !== FORBIDDEN) {
          pairs++;
          total += score;
        }
      });
      expect(proposal.pairs.length).toBe(pairs);
      expect(proposal.totalScore).toBe(total);
      assertValid(proposal, context);
    }
  });
});

describe('hard constraints always hold', () => {
  it('for any cohort, capacity, gap, session length, history and pauses', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.integer({ min: 0, max: 25 }),
        fc.integer({ min: 0, max: 25 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 3 }),
        fc.constantFrom(30, 45, 60),
        fc.boolean(),
        (seed, mentors, mentees, capacity, gap, session, trios) => {
          const rng = seeded(seed);
          const cohort = randomCohort(rng, { mentors, mentees, exclusionRate: 0.2 }).map((e) =>
            rng() < 0.1 ? { ...e, pausedUntil: NOW + 1000 } : rng() < 0.05 ? { ...e, left: { at: NOW, reason: 'x' } } : e,
          ) as Enrolment[];
          const men = cohort.filter((p) => p.role === 'mentor');
          const tees = cohort.filter((p) => p.role === 'mentee');
          const history = tees.length === 0 ? [] : men.filter(() => rng() < 0.3).map((m, i) => ({ mentorId: m.userId, menteeId: tees[i % tees.length]!.userId, cycle: 1 }));
          const program = makeProgram({
            capacityPerPerson: capacity,
            sessionMinutes: session as 30 | 45 | 60,
            rotationCycle: 2,
            rules: { minSeniorityGap: gap, allowTrios: trios },
          });
          const context = contextOf(cohort, program, history);
          const proposal = proposeMatching(context);
          assertValid(proposal, context);
          for (const pair of proposal.pairs) {
            expect(isAvailable(cohort.find((p) => p.userId === pair.mentorId)!, NOW)).toBe(true);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('capacity above one', () => {
  it('lets a senior be mentored by two juniors', () => {
    const mentors = ['a', 'b'].map((id) => person({ id, name: id.toUpperCase(), role: 'mentor' }));
    const senior = person({ id: 's', name: 'Sam', role: 'mentee' });
    const proposal = proposeMatching(contextOf([...mentors, senior], makeProgram({ capacityPerPerson: 2 })));
    expect(proposal.pairs.map((p) => [p.mentorId, p.menteeId]).sort()).toEqual([['a', 's'], ['b', 's']]);
  });

  it('gives everyone a first partner before anyone a better-scoring second one', () => {
    // b–s scores more than b–z (TikTok); the best total alone would be a–s, a–y, b–s, b–y and
    // leave z, whom a may not pair with (management chain), without anyone.
    const a = person({ id: 'a', role: 'mentor', managerChain: ['z'] });
    const b = person({ id: 'b', role: 'mentor', canTeach: ['TikTok'] });
    const s = person({ id: 's', role: 'mentee', wantsToLearn: ['TikTok'] });
    const y = person({ id: 'y', role: 'mentee' });
    const z = person({ id: 'z', role: 'mentee' });
    const proposal = proposeMatching(contextOf([a, b, s, y, z], makeProgram({ capacityPerPerson: 2 })));
    expect(proposal.pairs).toHaveLength(4);
    expect(proposal.pairs.map((p) => [p.mentorId, p.menteeId]).sort()).toEqual([['a', 's'], ['a', 'y'], ['b', 's'], ['b', 'z']]);
    expect(proposal.unmatched).toEqual([]);
  });

  it('never doubles a pair when both sides have room for two', () => {
    const a = person({ id: 'a', role: 'mentor' });
    const b = person({ id: 'b', role: 'mentee' });
    const proposal = proposeMatching(contextOf([a, b], makeProgram({ capacityPerPerson: 2 })));
    expect(proposal.pairs).toHaveLength(1);
  });
});

describe('unmatched people are told why', () => {
  it('when every mentee senior enough is in their management chain or at capacity', () => {
    const priya = person({ id: 'priya', name: 'Priya', role: 'mentor', level: 2, managerChain: ['boss'] });
    const other = person({ id: 'other', name: 'Olu', role: 'mentor', level: 2 });
    const boss = person({ id: 'boss', name: 'Boss', role: 'mentee', level: 6 });
    const peer = person({ id: 'peer', name: 'Peer', role: 'mentee', level: 2, department: 'Sales' });
    const proposal = proposeMatching(contextOf([priya, other, boss, peer]));
    expect(proposal.pairs.map((p) => [p.mentorId, p.menteeId])).toEqual([['other', 'boss']]);
    expect(proposal.unmatched).toContainEqual({
      userId: 'priya',
      role: 'mentor',
      reason: "No eligible mentee for Priya: of 2 mentees, 1 is in one management chain with Priya and 1 is not senior enough (the program needs a gap of at least 1 level)",
    });
  });

  it('when the only fitting mentee went to someone else', () => {
    const first = person({ id: 'first', name: 'First', role: 'mentor', canTeach: ['TikTok'] });
    const second = person({ id: 'second', name: 'Second', role: 'mentor' });
    const mentee = person({ id: 'm', name: 'Mo', role: 'mentee', wantsToLearn: ['TikTok'] });
    const proposal = proposeMatching(contextOf([first, second, mentee]));
    expect(proposal.pairs.map((p) => p.mentorId)).toEqual(['first']);
    expect(proposal.unmatched).toEqual([
      { userId: 'second', role: 'mentor', reason: "No free mentee for Second: of 1 mentee, 1 is already paired up to the program's capacity" },
    ]);
  });

  it('when there is nobody on the other side', () => {
    const lonely = person({ id: 'l', name: 'Lonely', role: 'mentee' });
    expect(proposeMatching(contextOf([lonely])).unmatched).toEqual([
      { userId: 'l', role: 'mentee', reason: 'No mentors are enrolled in this program yet' },
    ]);
  });

  it('lists paused people with their pause, and leaves out people who left', () => {
    const paused = person({ id: 'p', name: 'Pat', role: 'mentor', pausedUntil: Date.UTC(2025, 3, 1) });
    const left = person({ id: 'gone', name: 'Gone', role: 'mentor', left: { at: NOW, reason: 'moved on' } });
    const mentee = person({ id: 'm', name: 'Mo', role: 'mentee' });
    const proposal = proposeMatching(contextOf([paused, left, mentee]));
    expect(proposal.pairs).toEqual([]);
    expect(proposal.unmatched).toContainEqual({ userId: 'p', role: 'mentor', reason: 'Pat is paused until 2025-04-01' });
    expect(proposal.unmatched).toContainEqual({ userId: 'm', role: 'mentee', reason: 'No eligible mentor for Mo: of 1 mentor, 1 is not available' });
    expect(proposal.unmatched.some((u) => u.userId === 'gone')).toBe(false);
  });
});

describe('trios', () => {
  const pairMentor = person({ id: 'a', name: 'Ann', role: 'mentor', canTeach: ['TikTok'] });
  const extra = person({ id: 'b', name: 'Ben', role: 'mentor', canTeach: ['GenAI prompting'] });
  const mentee = person({ id: 'm', name: 'Mo', role: 'mentee', wantsToLearn: ['TikTok', 'GenAI prompting'] });

  it('suggests adding an unmatched mentor to a compatible pair when the program allows it', () => {
    const proposal = proposeMatching(contextOf([pairMentor, extra, mentee], makeProgram({ rules: { minSeniorityGap: 1, allowTrios: true } })));
    expect(proposal.pairs).toHaveLength(1);
    expect(proposal.trioSuggestions).toHaveLength(1);
    const suggestion = proposal.trioSuggestions[0]!;
    const otherMentor = proposal.pairs[0]!.mentorId === 'a' ? 'b' : 'a';
    expect(suggestion.mentorId).toBe(otherMentor);
    expect(suggestion.reasons[0]).toMatch(/could join .* and Mo as a second mentor/);
    expect(suggestion.reasons.at(-1)).toBe('8 h of working hours shared by all three');
  });

  it('suggests none when trios are off, or when the two mentors share a management chain', () => {
    expect(proposeMatching(contextOf([pairMentor, extra, mentee])).trioSuggestions).toEqual([]);
    const chained = person({ id: 'b', name: 'Ben', role: 'mentor', managerChain: ['a'] });
    const withTrios = makeProgram({ rules: { minSeniorityGap: 1, allowTrios: true } });
    const proposal = proposeMatching(contextOf([pairMentor, chained, mentee], withTrios));
    expect(proposal.pairs.map((p) => p.mentorId)).toEqual(['a']);
    expect(proposal.trioSuggestions).toEqual([]);
  });

  it('needs a stretch all three share', () => {
    const farAway = person({ id: 'b', name: 'Ben', role: 'mentor', level: 1, hours: officeHours(5.5, 9, 17) });
    const lateMentee = person({ id: 'm', name: 'Mo', role: 'mentee', hours: officeHours(0, 11, 19) });
    const lateMentor = person({ id: 'a', name: 'Ann', role: 'mentor', level: 2, hours: officeHours(0, 12, 19) });
    // Ben–Mo share 11:00–11:30 UTC; Ann starts at 12:00, so the three never meet.
    const program = makeProgram({ sessionMinutes: 30, rules: { minSeniorityGap: 1, allowTrios: true } });
    const proposal = proposeMatching(contextOf([farAway, lateMentee, lateMentor], program));
    expect(proposal.pairs).toHaveLength(1);
    expect(proposal.trioSuggestions).toEqual([]);
  });
});

describe('private exclusions stay private', () => {
  /** Distinct, non-overlapping names so a name found in a text is unambiguous. */
  const named = (cohort: Enrolment[]) =>
    cohort.map((e) => ({ ...e, profile: { ...e.profile, displayName: `<${e.userId}>` } }));

  it('never put two people who excluded each other into the same text', () => {
    fc.assert(
      fc.property(fc.integer(), fc.boolean(), (seed, trios) => {
        const cohort = named(randomCohort(seeded(seed), { mentors: 12, mentees: 10, exclusionRate: 0.5 }));
        const program = makeProgram({ rules: { minSeniorityGap: 1, allowTrios: trios } });
        const proposal = proposeMatching(contextOf(cohort, program));
        const texts = [
          ...proposal.pairs.flatMap((p) => p.reasons),
          ...proposal.unmatched.map((u) => u.reason),
          ...proposal.trioSuggestions.flatMap((t) => t.reasons),
        ];
        for (const text of texts) expect(text).not.toMatch(/exclu|do.?not.?pair|asked/i);
        for (const enrolment of cohort) {
          for (const excluded of enrolment.doNotPairWith) {
            for (const text of texts) {
              expect(text.includes(`<${enrolment.userId}>`) && text.includes(`<${excluded}>`)).toBe(false);
            }
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('do not change anything else: lists that cannot matter leave the proposal identical', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const cohort = randomCohort(seeded(seed), { mentors: 10, mentees: 10, exclusionRate: 0 });
        // A mentor excluding another mentor can never affect a mentor–mentee pairing.
        const withLists = cohort.map((e, i) =>
          e.role === 'mentor' ? { ...e, doNotPairWith: [cohort[(i + 1) % 10]!.userId] as unknown as Enrolment['doNotPairWith'] } : e,
        );
        expect(proposeMatching(contextOf(withLists))).toEqual(proposeMatching(contextOf(cohort)));
      }),
      { numRuns: 30 },
    );
  });
});

describe('scale', () => {
  // Speed is measured by `npm run bench -- matching`, not asserted here (shared, noisy machines).
  it('accounts for every person of a 2,000 × 2,000 cohort: paired or listed with a reason', () => {
    const cohort = randomCohort(seeded(2000), { mentors: 2000, mentees: 2000 });
    const proposal = proposeMatching(contextOf(cohort));
    const paired = new Set(proposal.pairs.flatMap((p) => [p.mentorId, p.menteeId]));
    const listed = new Set(proposal.unmatched.map((u) => u.userId));
    expect(paired.size + listed.size).toBe(4000);
    expect(proposal.unmatched.every((u) => u.reason.length > 0)).toBe(true);
  });
});
