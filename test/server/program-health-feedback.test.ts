/**
 * Program health over HTTP against Upward started as `npm start` runs it, with feedback stored
 * for a published program: held sessions per week (logged ones included once), feedback
 * completion, the average rating and ratings by theme in aggregate, and no text anyone wrote.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DevPerson } from '../../src/devtenant/dev-tenant.ts';
import type { PairingAdmin } from '../../src/contracts/pairings.ts';
import { pickCohort, publishProgram, startAppFixture, type AppFixture } from '../programs/app-fixture.ts';
import { expectedHealth, FEEDBACK_SECRET, HEALTH_PROGRAM, seedProgramFeedback } from './program-health-feedback-seed.ts';

let fx: AppFixture;
let admin: DevPerson;
let id: string;
let pairs: readonly PairingAdmin[];
const MONDAY = Date.UTC(2025, 0, 6, 10);

beforeAll(async () => {
  fx = await startAppFixture();
  admin = fx.admins()[0]!;
  const cohort = pickCohort(fx.people(), 6);
  ({ id, pairings: pairs } = await publishProgram(fx, admin, { ...HEALTH_PROGRAM, name: 'Health with feedback' }, { mentees: cohort.seniors, mentors: cohort.juniors }));
  await seedProgramFeedback(fx.app.store.db, fx.tenantId, id, pairs, MONDAY);
}, 120_000);
afterAll(() => fx?.close());

describe('program health with stored feedback', () => {
  it('counts held sessions per week, feedback completion and the average rating from the stored answers', async () => {
    const expected = expectedHealth(pairs.length);
    const { health } = (await fx.call(admin, 'GET', `/programs/${id}/health`)).body;
    expect(health.feedback.recorded).toBe(true);
    expect(health.totals).toMatchObject({ plannedSessions: expected.planned, heldSessions: expected.held, loggedSessions: expected.logged });
    expect(health.weeks).toEqual([
      { week: '2025-01-06', planned: pairs.length, held: 3 },
      { week: '2025-01-13', planned: pairs.length, held: 3 },
      // Pair 3's logged meeting: held, never planned.
      { week: '2025-01-20', planned: 0, held: 1 },
    ]);
    const { expected: answersExpected, received } = expected.completion;
    expect(health.feedback.completion).toEqual({ shown: true, expected: answersExpected, received, rate: Math.round((received / answersExpected) * 1000) / 10 });
    expect(health.feedback.rating).toMatchObject({ shown: true, aggregate: expected.rating });
  });

  it('shows ratings by theme from the track and the plan’s topic, small themes only together in "Other themes"', async () => {
    const expected = expectedHealth(pairs.length);
    const { health } = (await fx.call(admin, 'GET', `/programs/${id}/health`)).body;
    expect(health.feedback.themes).toEqual({ shown: true, themes: [expected.prompting], other: expected.other });
    // The groups shown add up to the program's held, rated sessions: nothing is left to subtract.
    expect(expected.prompting.sessions + expected.other.sessions).toBe(health.totals.heldSessions);
  });

  it('counts pairs where learning ran both ways from which questions people answered, not what they wrote', async () => {
    const { health } = (await fx.call(admin, 'GET', `/programs/${id}/health`)).body;
    expect(health.feedback.reciprocity).toEqual({ shown: true, figures: expectedHealth(pairs.length).reciprocity });
  });

  it('sends no text anyone wrote, and nothing tied to one person’s answer', async () => {
    const body = JSON.stringify((await fx.call(admin, 'GET', `/programs/${id}/health`)).body);
    expect(body).not.toContain(FEEDBACK_SECRET);
    expect(body).not.toMatch(/"(authorId|sessionId)"/);
    // No theme carries a spread of ratings that could single out one rating.
    expect(JSON.stringify((JSON.parse(body) as { health: { feedback: { themes: unknown } } }).health.feedback.themes)).not.toContain('distribution');
  });

  it('lists the pair with past sessions and no feedback at all as at risk', async () => {
    const { atRisk } = (await fx.call(admin, 'GET', `/programs/${id}/health`)).body.health;
    const flagged = new Set(atRisk.pairs.filter((p: { reasons: string[] }) => p.reasons.includes('no-feedback')).map((p: { pairId: string }) => p.pairId));
    expect(flagged).toEqual(new Set(pairs.slice(5).map((p) => p.id)));
  });
});
