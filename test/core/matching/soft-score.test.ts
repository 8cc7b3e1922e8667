import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { explainScore } from '../../../src/core/matching/explain.ts';
import { whyNotPaired } from '../../../src/core/matching/pair-rules.ts';
import { buildScoreMatrix, CELL_RULES, FORBIDDEN } from '../../../src/core/matching/score-matrix.ts';
import { MAX_SCORE, scorePair, WEIGHTS } from '../../../src/core/matching/soft-score.ts';
import { makeProgram, NOW, officeHours, person, randomCohort, seeded } from './fixtures.ts';

const priya = person({
  id: 'priya',
  name: 'Priya',
  role: 'mentor',
  department: 'Marketing',
  hours: officeHours(0, 9, 17),
  canTeach: ['GenAI prompting'],
  wantsToLearn: ['board communication'],
  goals: ['Grow influence'],
  languages: ['English', 'Hindi'],
});
const martin = person({
  id: 'martin',
  name: 'Martin',
  role: 'mentee',
  department: 'Finance',
  hours: officeHours(0, 14, 20),
  canTeach: ['Board communication', 'Strategy'],
  wantsToLearn: ['genai-prompting', 'TikTok'],
  goals: ['grow influence'],
  languages: ['english'],
});

describe('soft score', () => {
  it('adds up each signal in both directions', () => {
    const score = scorePair(priya, martin, 45);
    expect(score).toMatchObject({
      mentorTeaches: ['GenAI prompting'],
      menteeTeaches: ['Board communication'],
      sharedGoals: ['Grow influence'],
      differentDepartments: true,
      sharedLanguages: ['English'],
      sharedMinutes: 180,
    });
    expect(score.total).toBe(
      WEIGHTS.teachForwardPerTopic +
        WEIGHTS.teachBackPerTopic +
        WEIGHTS.reciprocity +
        WEIGHTS.sharedGoalPerGoal +
        WEIGHTS.differentDepartments +
        WEIGHTS.sharedLanguage +
        WEIGHTS.roomyHours,
    );
  });

  it('weighs the junior→senior direction above the reverse', () => {
    const forwardOnly = person({ id: 'f', role: 'mentor', canTeach: ['TikTok'], wantsToLearn: [] });
    const backOnly = person({ id: 'b', role: 'mentor', canTeach: [], wantsToLearn: ['Strategy'] });
    expect(scorePair(forwardOnly, martin, 45).total).toBeGreaterThan(scorePair(backOnly, martin, 45).total);
  });

  it('caps topics per direction and never exceeds MAX_SCORE', () => {
    const many = ['a', 'b', 'c', 'd', 'e'];
    const eager = person({ id: 'e', role: 'mentor', department: 'X', canTeach: many, wantsToLearn: many, goals: many });
    const keen = person({ id: 'k', role: 'mentee', department: 'Y', canTeach: many, wantsToLearn: many, goals: many });
    expect(scorePair(eager, keen, 30).total).toBe(MAX_SCORE);
  });

  it('gives fewer hours points for a tighter shared stretch', () => {
    const tight = person({ id: 't', role: 'mentee', hours: officeHours(0, 16, 20) }); // 60 min with 09–17
    const roomy = person({ id: 'r', role: 'mentee', hours: officeHours(0, 9, 17) });
    expect(scorePair(priya, roomy, 60).total - scorePair(priya, tight, 60).total).toBe(WEIGHTS.roomyHours - WEIGHTS.tightHours);
  });
});

describe('explanation', () => {
  it('tells both directions and the shared hours in words', () => {
    expect(explainScore(priya, martin, scorePair(priya, martin, 45))).toEqual([
      'Priya can teach GenAI prompting, which Martin wants to learn',
      'Martin can teach Board communication, which Priya wants to learn',
      '3 h of shared working hours',
      'Both have the goal Grow influence',
      'Different departments (Marketing and Finance) bring more perspectives',
      'Both speak English',
    ]);
  });

  it('says so when nothing is shared', () => {
    const quiet = person({ id: 'q', name: 'Quinn', role: 'mentor', department: 'Finance', languages: ['Finnish'] });
    const reasons = explainScore(quiet, martin, scorePair(quiet, martin, 45));
    expect(reasons).toContain('Neither lists a topic the other wants to learn');
    expect(reasons).toContain('They list no language in common');
    expect(reasons.some((r) => r.includes('departments'))).toBe(false);
  });

  it('lists several topics as words', () => {
    const rich = person({ id: 'r', name: 'Rae', role: 'mentor', canTeach: ['TikTok', 'GenAI prompting'] });
    expect(explainScore(rich, martin, scorePair(rich, martin, 45))[0]).toBe('Rae can teach TikTok and GenAI prompting, which Martin wants to learn');
  });
});

describe('the fast score matrix agrees with the readable rules', () => {
  it('cell by cell, on random cohorts with history, exclusions and rejected pairs', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 3 }), fc.constantFrom(30, 45, 60), (seed, mentorCount, menteeCount, gap, session) => {
        const rng = seeded(seed);
        const cohort = randomCohort(rng, { mentors: mentorCount, mentees: menteeCount, exclusionRate: 0.3 });
        const mentors = cohort.filter((p) => p.role === 'mentor');
        const mentees = cohort.filter((p) => p.role === 'mentee');
        const history = mentors.flatMap((m, i) => (rng() < 0.3 ? [{ mentorId: m.userId, menteeId: mentees[i % mentees.length]!.userId, cycle: 1 }] : []));
        const rejected = mentors.flatMap((m, i) => (rng() < 0.2 ? [{ mentorId: m.userId, menteeId: mentees[(i + 1) % mentees.length]!.userId }] : []));
        const program = makeProgram({ sessionMinutes: session as 30 | 45 | 60, rules: { minSeniorityGap: gap, allowTrios: false } });
        const context = { program, enrolments: cohort, history, now: NOW };
        const matrix = buildScoreMatrix({ mentors, mentees, minSeniorityGap: gap, sessionMinutes: session, history, rejected, alreadyPaired: [] });
        mentors.forEach((mentor, m) =>
          mentees.forEach((mentee, e) => {
            const cell = m * mentees.length + e;
            const why = whyNotPaired(mentor, mentee, context, { rejected });
            expect(CELL_RULES[matrix.rule[cell]!]).toBe(why.ok ? null : why.rule);
            expect(matrix.score[cell]).toBe(why.ok ? scorePair(mentor, mentee, session).total : FORBIDDEN);
          }),
        );
      }),
      { numRuns: 150 },
    );
  });

  it('ignores exclusions between two people of the same role', () => {
    const a = person({ id: 'a', role: 'mentor', doNotPairWith: ['b'] });
    const b = person({ id: 'b', role: 'mentor' });
    const matrix = buildScoreMatrix({ mentors: [a, b], mentees: [martin], minSeniorityGap: 1, sessionMinutes: 45, history: [], rejected: [], alreadyPaired: [] });
    expect(Array.from(matrix.rule)).toEqual([0, 0]);
  });
});
