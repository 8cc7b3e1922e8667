/**
 * The feedback program health reads, on both store backends: one program of one tenant, only
 * pair, session, session start, author, happened, rating, whether it was logged and the session's
 * theme from the pair's track and the plan's topic — never any text anyone wrote.
 */
import { sql, type Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { feedbackKey } from '../../src/core/feedback/feedback.ts';
import { tenantId, userId } from '../../src/core/ids.ts';
import { pairId, sessionId } from '../../src/core/sessions/session.ts';
import { epochMs } from '../../src/core/time.ts';
import { feedbackRepository } from '../../src/store/feedback.ts';
import { programFeedbackReader } from '../../src/store/program-feedback-facts.ts';
import type { Database } from '../../src/store/schema.ts';
import { seedBooking } from '../server/program-health-seed.ts';
import { describeEachBackend } from './each-backend.ts';

const MON = Date.UTC(2026, 0, 5, 9);
const WEEK = 7 * 86_400_000;
const SECRET = 'SECRET TEXT only its author reads';
const SETTINGS = {
  topicTracks: ['GenAI tools', 'Strategy'],
  trackPlans: [{ track: 'GenAI tools', sessionTopics: ['Prompting basics', 'Copilot in meetings'], reflectionQuestions: [] }],
};

async function seedProgram(db: Kysely<Database>, tenant: string, program: string, settings: unknown): Promise<void> {
  await sql`insert into programs (tenant_id, id, name, state, rotation_cycle, settings, created_by, created_at, updated_at, state_changed_at)
            values (${tenant}, ${program}, 'P', 'active', 1, ${JSON.stringify(settings)}::jsonb, 'admin', now(), now(), now())`.execute(db);
}

async function seedPair(db: Kysely<Database>, tenant: string, program: string, pair: string, mentor: { id: string; canTeach: string[] }, mentee: { id: string; wantsToLearn: string[] }): Promise<void> {
  await sql`insert into pairings (tenant_id, id, program_id, cycle, mentor_id, mentee_id, co_mentor_id, score, reasons, published_at, ended_at, end_reason, ended_by)
            values (${tenant}, ${pair}, ${program}, 1, ${mentor.id}, ${mentee.id}, null, 1, '[]'::jsonb, now(), null, null, null)`.execute(db);
  for (const [person, role, answers] of [
    [mentor.id, 'mentor', { canTeach: mentor.canTeach, wantsToLearn: [], goals: [], languages: [] }],
    [mentee.id, 'mentee', { canTeach: [], wantsToLearn: mentee.wantsToLearn, goals: [], languages: [] }],
  ] as const) {
    await sql`insert into enrolments (tenant_id, program_id, user_id, role, profile, answers, do_not_pair_with, paused_until, left_at, left_reason, enrolled_at, updated_at)
              values (${tenant}, ${program}, ${person}, ${role}, '{}'::jsonb, ${JSON.stringify(answers)}::jsonb, '[]'::jsonb, null, null, null, now(), now())`.execute(db);
  }
}

async function answer(
  db: Kysely<Database>, tenant: string, pair: string, session: string, author: string, end: number, happened: 'held' | 'no-show', rating: 1 | 2 | 3 | 4 | 5 | null,
  wrote: { learned?: string; taught?: string } = {},
): Promise<void> {
  const id = sessionId(session);
  const by = userId(author);
  await feedbackRepository(db).insert(tenantId(tenant), {
    key: feedbackKey(id, by), sessionId: id, pairId: pairId(pair), authorId: by, sessionEnd: epochMs(end), happened, rating,
    learned: wrote.learned ?? SECRET, taught: wrote.taught ?? SECRET, action: SECRET, privateNote: SECRET, shareWithPartner: true,
    submittedAt: epochMs(end), updatedAt: epochMs(end), revision: 1,
  });
}

describeEachBackend('program feedback facts', ({ store }) => {
  it('reads one program of one tenant with each session’s start and theme, and no text', async () => {
    const db = store().db;
    const tenant = `t-${crypto.randomUUID()}`;
    const other = `t-${crypto.randomUUID()}`;
    await seedProgram(db, tenant, 'prog', SETTINGS);
    await seedProgram(db, tenant, 'prog-2', SETTINGS);
    await seedProgram(db, other, 'prog', SETTINGS);
    // Pair g follows GenAI tools (planned); pair s follows Strategy (no plan); pair n none of the tracks.
    await seedPair(db, tenant, 'prog', 'g', { id: 'g-mentor', canTeach: ['GenAI tools'] }, { id: 'g-mentee', wantsToLearn: ['genai-tools'] });
    await seedPair(db, tenant, 'prog', 's', { id: 's-mentor', canTeach: ['Strategy'] }, { id: 's-mentee', wantsToLearn: [] });
    await seedPair(db, tenant, 'prog', 'n', { id: 'n-mentor', canTeach: ['Knitting'] }, { id: 'n-mentee', wantsToLearn: [] });
    await seedPair(db, tenant, 'prog-2', 'x', { id: 'x-mentor', canTeach: ['GenAI tools'] }, { id: 'x-mentee', wantsToLearn: [] });
    await seedPair(db, other, 'prog', 'g', { id: 'g-mentor', canTeach: ['GenAI tools'] }, { id: 'g-mentee', wantsToLearn: [] });
    // Stored index order is not time order: occurrence 0 was moved after occurrence 1, and an
    // unplaced one never counted. Session numbers follow time, as the agendas did.
    await seedBooking(db, tenant, 'prog', 'g', 'booked', [{ start: MON + 2 * WEEK }, { start: MON }, { start: MON + WEEK, status: 'unplaced' }]);
    await seedBooking(db, tenant, 'prog', 's', 'booked', [{ start: MON }]);
    await seedBooking(db, tenant, 'prog', 'n', 'booked', [{ start: MON }]);
    const end = (start: number) => start + 45 * 60_000;
    await answer(db, tenant, 'g', 'booking-g#1', 'g-mentor', end(MON), 'held', 4);
    // The senior wrote what they taught and left "what I learned" empty.
    await answer(db, tenant, 'g', 'booking-g#0', 'g-mentee', end(MON + 2 * WEEK), 'held', 5, { learned: '' });
    await answer(db, tenant, 'g', 'logged:abc', 'g-mentor', Date.UTC(2026, 0, 8) + 30 * 60_000, 'held', 3);
    await answer(db, tenant, 's', 'booking-s#0', 's-mentor', end(MON), 'no-show', null);
    await answer(db, tenant, 'n', 'booking-n#0', 'n-mentee', end(MON), 'held', 2);
    // A session whose occurrence is gone from its booking keeps its scheduled end for its week.
    await answer(db, tenant, 'n', 'booking-n#7', 'n-mentor', end(MON + WEEK), 'held', 2);
    await answer(db, tenant, 'x', 'booking-x#0', 'x-mentor', end(MON), 'held', 1);
    await answer(db, other, 'g', 'booking-g#1', 'g-mentor', end(MON), 'held', 1);

    const facts = await programFeedbackReader(db)(tenant, 'prog');
    const bySession = new Map(facts.map((f) => [`${f.sessionId}/${f.authorId}`, f]));
    expect(facts).toHaveLength(6);
    expect(bySession.get('booking-g#1/g-mentor')).toEqual({
      pairId: 'g', sessionId: 'booking-g#1', sessionStart: MON, authorId: 'g-mentor', happened: 'held', rating: 4, logged: false, theme: 'GenAI tools: Prompting basics',
      side: 'mentor', learnedSomething: true, taughtSomething: true,
    });
    expect(bySession.get('booking-g#0/g-mentee')).toMatchObject({
      sessionStart: MON + 2 * WEEK, theme: 'GenAI tools: Copilot in meetings', side: 'mentee', learnedSomething: false, taughtSomething: true,
    });
    expect(bySession.get('logged:abc/g-mentor')).toMatchObject({ sessionStart: Date.UTC(2026, 0, 8), logged: true, theme: 'GenAI tools', rating: 3 });
    expect(bySession.get('booking-s#0/s-mentor')).toMatchObject({ happened: 'no-show', rating: null, theme: 'Strategy' });
    expect(bySession.get('booking-n#0/n-mentee')).toMatchObject({ theme: 'No topic track', sessionStart: MON });
    expect(bySession.get('booking-n#7/n-mentor')).toMatchObject({ sessionStart: end(MON + WEEK) });
    // Of "what I learned" and "what I taught" only whether each is empty, and no other text at all.
    for (const fact of facts) {
      expect(Object.keys(fact).sort()).toEqual(['authorId', 'happened', 'learnedSomething', 'logged', 'pairId', 'rating', 'sessionId', 'sessionStart', 'side', 'taughtSomething', 'theme']);
    }
    expect(JSON.stringify(facts)).not.toContain('SECRET');

    expect(await programFeedbackReader(db)(tenant, 'no-such-program')).toEqual([]);
    expect((await programFeedbackReader(db)(other, 'prog')).map((f) => f.rating)).toEqual([1]);
  });

  it('reads a program stored with no settings, each theme then "No topic track"', async () => {
    const db = store().db;
    const tenant = `t-${crypto.randomUUID()}`;
    await seedProgram(db, tenant, 'bare', {});
    await seedPair(db, tenant, 'bare', 'p', { id: 'a', canTeach: ['GenAI tools'] }, { id: 'b', wantsToLearn: [] });
    await answer(db, tenant, 'p', 'booking-p#0', 'a', MON, 'held', 5);
    expect(await programFeedbackReader(db)(tenant, 'bare')).toMatchObject([{ pairId: 'p', sessionStart: MON, theme: 'No topic track' }]);
  });
});
