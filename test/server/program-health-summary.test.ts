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

const held = (pair: number, session: number, author: string, rating: 1 | 2 | 3 | 4 | 5): HealthFeedback => ({
  pairId: `p${pair}`,
  sessionId: `p${pair}-s${session}`,
  sessionStart: MON + session * WEEK,
  authorId: author,
  happened: 'held',
  rating,
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
