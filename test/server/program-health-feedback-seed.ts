/**
 * A published program's sessions and feedback written into the store as the mentoring loop would
 * have left them, for tests of program health with real stored feedback. Every answer carries
 * private text, so a test can check that none of it reaches the program team.
 *
 * Each pair gets two weekly sessions from `monday` (session 1 "Prompting basics", session 2
 * "Copilot in meetings" of the GenAI tools plan, see HEALTH_PROGRAM). Then:
 * - pairs 0, 1, 2: both rate session 1 (5 4, 4 4, 3 5); the mentor alone rates session 2 (2, 3, 4);
 * - pair 3: both log one meeting outside their series (two logs, one session) two weeks later, 5 and 5;
 * - pair 4: the mentor says session 1 did not happen;
 * - any further pair: no feedback.
 */
import type { Kysely } from 'kysely';
import { sessionLogOver } from '../../src/app/message-extension-wiring.ts';
import { feedbackKey } from '../../src/core/feedback/feedback.ts';
import { tenantId as toTenantId, userId } from '../../src/core/ids.ts';
import { pairId, sessionId } from '../../src/core/sessions/session.ts';
import { epochMs } from '../../src/core/time.ts';
import { feedbackRepository } from '../../src/store/feedback.ts';
import type { Database } from '../../src/store/schema.ts';
import { PROGRAM } from '../programs/program-forms.ts';
import { seedBooking } from './program-health-seed.ts';

export const FEEDBACK_SECRET = 'PRIVATE words only their author reads';
const WEEK = 7 * 86_400_000;

/** The test program with a session plan for the track every test pair follows (GenAI tools). */
export const HEALTH_PROGRAM = {
  ...PROGRAM,
  trackPlans: [{ track: 'GenAI tools', sessionTopics: ['Prompting basics', 'Copilot in meetings'] }],
};

interface SeedPair {
  readonly id: string;
  readonly mentor: { readonly userId: string };
  readonly mentee: { readonly userId: string };
}

/** What program health should then show, for `pairs` pairs (at least five). */
export const expectedHealth = (pairs: number) => ({
  planned: pairs * 2,
  held: 7,
  logged: 1,
  completion: { expected: pairs * 2 * 2, received: 10 },
  rating: { people: 8, ratings: 11, average: 4 },
  prompting: { theme: 'GenAI tools: Prompting basics', people: 6, sessions: 3, average: 4.2 },
  other: { themes: ['GenAI tools', 'GenAI tools: Copilot in meetings'], people: 5, sessions: 4, average: 3.8 },
  // Pairs 0, 1 and 3 both taught; in pair 2 the junior only learned and the senior only taught.
  reciprocity: { pairs: 4, people: 8, bothWays: 3, seniorTaughtOnly: 1, juniorTaughtOnly: 0 },
});

export async function seedProgramFeedback(db: Kysely<Database>, tenant: string, programId: string, pairs: readonly SeedPair[], monday: number): Promise<void> {
  if (pairs.length < 5) throw new Error(`the feedback seed needs five pairs, got ${pairs.length}`);
  const store = feedbackRepository(db);
  const answer = async (pair: SeedPair, index: number, author: string, happened: 'held' | 'no-show', rating: 1 | 2 | 3 | 4 | 5 | null) => {
    // Pair 2 drifted into top-down mentoring: its junior wrote only what they learned, its senior only what they taught.
    const drifted = pair === pairs[2];
    const junior = author === pair.mentor.userId;
    const session = sessionId(`booking-${pair.id}#${index}`);
    const by = userId(author);
    const end = epochMs(monday + index * WEEK + 45 * 60_000);
    await store.insert(toTenantId(tenant), {
      key: feedbackKey(session, by), sessionId: session, pairId: pairId(pair.id), authorId: by, sessionEnd: end, happened, rating,
      learned: drifted && !junior ? '' : FEEDBACK_SECRET, taught: drifted && junior ? '' : FEEDBACK_SECRET, action: FEEDBACK_SECRET, privateNote: FEEDBACK_SECRET, shareWithPartner: false,
      submittedAt: end, updatedAt: end, revision: 1,
    });
  };
  for (const pair of pairs) await seedBooking(db, tenant, programId, pair.id, 'booked', [{ start: monday }, { start: monday + WEEK }]);
  const firstRatings = [[5, 4], [4, 4], [3, 5]] as const;
  const secondRatings = [2, 3, 4] as const;
  for (const [i, [mentor, mentee]] of firstRatings.entries()) {
    const pair = pairs[i]!;
    await answer(pair, 0, pair.mentor.userId, 'held', mentor);
    await answer(pair, 0, pair.mentee.userId, 'held', mentee);
    await answer(pair, 1, pair.mentor.userId, 'held', secondRatings[i]!);
  }
  // Logged through the message extension's own store path, once by each side.
  const log = sessionLogOver(db);
  const day = new Date(monday + 2 * WEEK + 2 * 86_400_000).toISOString().slice(0, 10);
  for (const [n, person] of [pairs[3]!.mentor.userId, pairs[3]!.mentee.userId].entries()) {
    await log.record(toTenantId(tenant), {
      id: `health-log-${n}`, pairId: pairId(pairs[3]!.id), authorId: userId(person), date: day, minutes: 30, loggedAt: epochMs(monday + 3 * WEEK),
      feedback: { happened: 'held', rating: 5, learned: FEEDBACK_SECRET, taught: FEEDBACK_SECRET, action: FEEDBACK_SECRET, privateNote: FEEDBACK_SECRET, shareWithPartner: true },
    });
  }
  await answer(pairs[4]!, 0, pairs[4]!.mentor.userId, 'no-show', null);
}
