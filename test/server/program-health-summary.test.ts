/** The pure program-health summary: weeks, feedback aggregates under the privacy minimum, risks. */
import { describe, expect, it } from 'vitest';
import { summariseProgramHealth } from '../../src/server/routes/program-health-summary.ts';
import type { HealthFeedback, ProgramHealthFacts } from '../../src/server/routes/program-health-source.ts';

const MON = Date.UTC(2026, 0, 5, 10);
const WEEK = 7 * 86_400_000;
const NOW = Date.UTC(2026, 2, 1);

function facts(pairCount: number, feedback: HealthFeedback[] | null): ProgramHealthFacts {
  const pairs = Array.from({ length: pairCount }, (_, i) => ({ id: `p${i}`, cycle: 1, memberIds: [`m${i}`, `s${i}`], endedAt: null, endReason: null }));
  return {
    programId: 'prog',
    programName: 'Pilot',
    enrolled: pairCount * 2,
    pairs,
    sessions: pairs.map((p) => ({ pairId: p.id, bookingStates: ['booked'], planned: 2, past: 2, cancelled: 0 })),
    weeks: [
      { week: '2026-01-05', planned: pairCount },
      { week: '2026-01-12', planned: pairCount },
    ],
    names: new Map(pairs.flatMap((p) => p.memberIds.map((id) => [id, `Name ${id}`] as const))),
    feedback,
    checkIns: [],
  };
}

/** Which of "what I learned" and "what I taught" an answer filled in (both unless a test says). */
type Said = { learned?: boolean; taught?: boolean };

/** Authors are `m<pair>` (the junior mentor) and `s<pair>` (the senior mentee). */
const held = (pair: number, session: number, author: string, rating: 1 | 2 | 3 | 4 | 5, said: Said = {}): HealthFeedback => ({
  pairId: `p${pair}`,
  sessionId: `p${pair}-s${session}`,
  sessionStart: MON + session * WEEK,
  authorId: author,
  happened: 'held',
  rating,
  logged: false,
  theme: `Track ${pair % 2}`,
  side: author.startsWith('s') ? 'mentee' : 'mentor',
  learnedSomething: said.learned ?? true,
  taughtSomething: said.taught ?? true,
});

/** A session `author` of pair `pair` logged themselves on `day` (the start of a UTC day). */
const logged = (pair: number, submission: string, author: string, day: number, rating: 1 | 2 | 3 | 4 | 5): HealthFeedback => ({
  pairId: `p${pair}`,
  sessionId: `logged:${submission}`,
  sessionStart: day,
  authorId: author,
  happened: 'held',
  rating,
  logged: true,
  theme: `Track ${pair % 2}`,
  side: author.startsWith('s') ? 'mentee' : 'mentor',
  learnedSomething: true,
  taughtSomething: true,
});

describe('summariseProgramHealth', () => {
  it('shows ratings and completion in aggregate for five or more people, and held sessions per week', () => {
    const answers = [held(0, 0, 'm0', 5), held(0, 0, 's0', 4), held(1, 0, 'm1', 3), held(1, 1, 'm1', 4), held(2, 0, 's2', 2), held(2, 1, 'm2', 4)];
    const health = summariseProgramHealth(facts(3, answers), NOW);
    expect(health.feedback.rating).toEqual({ shown: true, aggregate: { people: 5, ratings: 6, average: 3.7, distribution: [0, 1, 1, 3, 1] } });
    // 3 pairs x 2 past sessions x 2 people = 12 answers expected, 6 received.
    expect(health.feedback.completion).toEqual({ shown: true, expected: 12, received: 6, rate: 50 });
    // Session 0 of pairs 0, 1, 2 in the first week; session 1 of pairs 1 and 2 in the second.
    expect(health.weeks).toEqual([
      { week: '2026-01-05', planned: 3, held: 3 },
      { week: '2026-01-12', planned: 3, held: 2 },
    ]);
    expect(health.totals.heldSessions).toBe(5);
    // Track 0 (pairs 0, 2) has 4 raters, Track 1 (pair 1) one: alone each is under five, so they
    // are shown only together.
    expect(health.feedback.themes).toEqual({ shown: true, themes: [], other: { themes: ['Track 0', 'Track 1'], people: 5, sessions: 5, average: 3.7 } });
  });

  it('counts a logged session as held once per pair and day, outside planned sessions and feedback completion', () => {
    const day = Date.UTC(2026, 0, 7);
    const answers = [
      held(0, 0, 'm0', 5), held(0, 0, 's0', 4), held(1, 0, 'm1', 3), held(2, 0, 's2', 2), held(2, 0, 'm2', 4),
      // Both sides of pair 1 log the same meeting (each under their own submission): one session.
      logged(1, 'a', 'm1', day, 4), logged(1, 'b', 's1', day, 5),
      // Pair 0 logs another one the next week.
      logged(0, 'c', 'm0', day + WEEK, 5),
    ];
    const health = summariseProgramHealth(facts(3, answers), NOW);
    expect(health.totals).toMatchObject({ plannedSessions: 6, heldSessions: 5, loggedSessions: 2 });
    // Three booked sessions and pair 1's logged one in the first week; pair 0's logged one in the second.
    expect(health.weeks).toEqual([
      { week: '2026-01-05', planned: 3, held: 4 },
      { week: '2026-01-12', planned: 3, held: 1 },
    ]);
    // 12 answers expected on the planned sessions; the three on logged sessions are not among them.
    expect(health.feedback.completion).toEqual({ shown: true, expected: 12, received: 5, rate: 41.7 });
    // Their ratings are ratings of held sessions, so the average counts them.
    expect(health.feedback.rating).toMatchObject({ shown: true, aggregate: { people: 6, ratings: 8 } });
    expect(health.notes.join(' ')).toMatch(/sessions pairs logged themselves/);
  });

  it('counts a booked session that is also logged as one held session, rated once by each person', () => {
    // Pair 0 meets at its booked time (Monday 10:00 UTC): both answer the feedback card, and the
    // mentor logs the same meeting from the message extension too, dated that Monday.
    const monday = Date.UTC(2026, 0, 5);
    const answers = [held(0, 0, 'm0', 5), held(0, 0, 's0', 4), logged(0, 'a', 'm0', monday, 1), held(1, 0, 'm1', 3), held(2, 0, 's2', 2), held(2, 0, 'm2', 4)];
    const health = summariseProgramHealth(facts(3, answers), NOW);
    expect(health.totals).toMatchObject({ heldSessions: 3, loggedSessions: 0 });
    expect(health.weeks).toEqual([
      { week: '2026-01-05', planned: 3, held: 3 },
      { week: '2026-01-12', planned: 3, held: 0 },
    ]);
    // The mentor's log does not rate the meeting a second time: 5 ratings from 5 people, not 6.
    expect(health.feedback.rating).toMatchObject({ shown: true, aggregate: { people: 5, ratings: 5, average: 3.6 } });
    // The other side logging it alone (no card answer from them) still adds their rating to that one session.
    const otherSide = summariseProgramHealth(facts(3, [held(0, 0, 'm0', 5), logged(0, 'b', 's0', monday, 3), held(1, 0, 'm1', 3), held(2, 0, 's2', 2), held(2, 0, 'm2', 4)]), NOW);
    expect(otherSide.totals).toMatchObject({ heldSessions: 3, loggedSessions: 0 });
    expect(otherSide.feedback.rating).toMatchObject({ shown: true, aggregate: { people: 5, ratings: 5 } });
    // A meeting logged in Sydney on Tuesday 6 January whose booked start was Monday 22:00 UTC is the same session.
    const late = { ...held(1, 0, 'm1', 3), sessionId: 'p1-late', sessionStart: Date.UTC(2026, 0, 5, 22) };
    const sydney = summariseProgramHealth(facts(3, [late, logged(1, 'c', 's1', Date.UTC(2026, 0, 6), 4)]), NOW);
    expect(sydney.totals).toMatchObject({ heldSessions: 1, loggedSessions: 0 });
  });

  it('shows a theme of five raters on its own and hides themes while fewer than five people rated', () => {
    const five = [held(0, 0, 'm0', 5), held(0, 0, 's0', 5), held(2, 0, 'm2', 4), held(2, 0, 's2', 4), held(4, 0, 'm4', 2), held(1, 0, 'm1', 1)];
    const shown = summariseProgramHealth(facts(5, five), NOW).feedback.themes;
    // Track 1 (one rater) cannot be hidden beside Track 0 (five) and the overall rating: both fold together.
    expect(shown).toEqual({ shown: true, themes: [], other: { themes: ['Track 0', 'Track 1'], people: 6, sessions: 4, average: 3.5 } });
    const withSecond = [...five, held(1, 0, 's1', 2), held(3, 0, 'm3', 3), held(3, 0, 's3', 3), held(5, 0, 'm5', 3)];
    expect(summariseProgramHealth(facts(6, withSecond), NOW).feedback.themes).toEqual({
      shown: true,
      themes: [
        { theme: 'Track 0', people: 5, sessions: 3, average: 4 },
        { theme: 'Track 1', people: 5, sessions: 3, average: 2.4 },
      ],
      other: null,
    });
    const few = summariseProgramHealth(facts(3, five.slice(0, 4)), NOW).feedback.themes;
    expect(few).toEqual({ shown: false, reason: 'Fewer than 5 people rated sessions: themes are hidden to protect privacy' });
  });

  it('counts pairs where learning ran both ways from the held sessions\' answers, one per person and session, and hides it under five people', () => {
    const answers = [
      held(0, 0, 'm0', 4), held(0, 0, 's0', 4),
      // Pair 1 drifted: the junior only learned, the senior only taught.
      held(1, 0, 'm1', 4, { taught: false }), held(1, 0, 's1', 4, { learned: false }),
      held(2, 0, 'm2', 5),
      // A session that did not happen says nothing of who learned.
      { ...held(2, 1, 's2', 1), happened: 'no-show' as const, rating: null },
    ];
    const health = summariseProgramHealth(facts(3, answers), NOW);
    expect(health.feedback.reciprocity).toEqual({ shown: true, figures: { pairs: 3, people: 5, bothWays: 2, seniorTaughtOnly: 1, juniorTaughtOnly: 0 } });
    expect(health.notes.join(' ')).toContain('never from what they wrote');
    const few = summariseProgramHealth(facts(3, answers.slice(0, 4)), NOW).feedback.reciprocity;
    expect(few).toEqual({ shown: false, reason: 'Fewer than 5 people: hidden to protect privacy' });
    expect(summariseProgramHealth(facts(3, null), NOW).feedback.reciprocity).toEqual({ shown: false, reason: 'Upward does not record session feedback yet' });
  });

  it('shows no rating at all when fewer than five people rated, and no completion for under five people', () => {
    const answers = [held(0, 0, 'm0', 1), held(0, 0, 's0', 1), held(1, 0, 'm1', 5), held(1, 1, 's1', 5)];
    const health = summariseProgramHealth(facts(3, answers), NOW);
    expect(health.feedback.rating.shown).toBe(false);
    expect(JSON.stringify(health)).not.toMatch(/"average"/);
    const small = summariseProgramHealth(facts(2, answers), NOW);
    expect(small.feedback.completion.shown).toBe(false);
  });

  it('flags missed sessions and missing feedback only when feedback is recorded', () => {
    const noShow = (session: number): HealthFeedback => ({ ...held(0, session, 'm0', 3), happened: 'no-show', rating: null });
    const answers = [noShow(0), noShow(1), held(1, 0, 'm1', 4)];
    const health = summariseProgramHealth(facts(3, answers), NOW);
    const reasons = new Map(health.atRisk.pairs.map((p) => [p.pairId, p.reasons]));
    expect(reasons.get('p0')).toEqual(['missed-sessions']);
    expect(reasons.has('p1')).toBe(false);
    expect(reasons.get('p2')).toEqual(['no-feedback']);
    expect(health.atRisk.pairs.find((p) => p.pairId === 'p2')!.people).toEqual(['Name m2', 'Name s2']);

    const unrecorded = summariseProgramHealth(facts(3, null), NOW);
    expect(unrecorded.atRisk.total).toBe(0);
    expect(unrecorded.totals.heldSessions).toBe(0);
    expect(unrecorded.feedback.completion).toEqual({ shown: false, reason: 'Upward does not record session feedback yet' });
  });
});
