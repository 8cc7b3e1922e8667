/**
 * A program's session plans as an admin sends them: each names one of the program's topic tracks
 * and lists the topic of each session, optionally with the track's own reflection questions.
 * Errors name the field (`trackPlans.1.sessionTopics.3`, `trackPlans.0.track`).
 */
import { z } from 'zod';
import type { TrackPlan } from './program.ts';
import { tagKey, tagLabel } from './topics.ts';

/** A year of weekly sessions; a longer series starts the plan again. */
export const MAX_PLANNED_SESSIONS = 52;
export const MAX_SESSION_TOPIC_LENGTH = 200;
export const MAX_TRACK_QUESTIONS = 10;
export const MAX_TRACK_QUESTION_LENGTH = 300;

const trackPlanSchema = z.strictObject({
  track: z
    .string({ error: 'Name the topic track this plan is for' })
    .trim()
    .min(1, { error: 'Name the topic track this plan is for' }),
  sessionTopics: z
    .array(
      z
        .string({ error: 'A session topic must be text' })
        .trim()
        .min(1, { error: 'A session topic cannot be empty' })
        .max(MAX_SESSION_TOPIC_LENGTH, { error: `A session topic can be at most ${MAX_SESSION_TOPIC_LENGTH} characters` }),
      { error: 'Session topics must be a list' },
    )
    .min(1, { error: 'Add the topic of at least the first session' })
    .max(MAX_PLANNED_SESSIONS, { error: `At most ${MAX_PLANNED_SESSIONS} session topics per track` }),
  reflectionQuestions: z
    .array(
      z
        .string({ error: 'A reflection question must be text' })
        .trim()
        .min(1, { error: 'A reflection question cannot be empty' })
        .max(MAX_TRACK_QUESTION_LENGTH, { error: `A reflection question can be at most ${MAX_TRACK_QUESTION_LENGTH} characters` }),
      { error: 'Reflection questions must be a list' },
    )
    .max(MAX_TRACK_QUESTIONS, { error: `At most ${MAX_TRACK_QUESTIONS} reflection questions per track` })
    .default([]),
});

/** The plans on their own; `checkPlansAgainstTracks` relates them to the program's tracks. */
export const trackPlansSchema = z
  .array(trackPlanSchema, { error: 'Session plans must be a list of { track, sessionTopics }' })
  .max(50, { error: 'At most 50 session plans' })
  .default([]);

/** Where a plan breaks the program's tracks, as zod issues under `trackPlans.<i>.track`. */
export function planTrackProblems(plans: readonly Pick<TrackPlan, 'track'>[], topicTracks: readonly string[]): { index: number; message: string }[] {
  const tracks = new Set(topicTracks.map(tagKey));
  const seen = new Set<string>();
  const problems: { index: number; message: string }[] = [];
  plans.forEach((plan, index) => {
    const key = tagKey(plan.track);
    if (!tracks.has(key)) problems.push({ index, message: `"${plan.track}" is not one of the program's topic tracks` });
    else if (seen.has(key)) problems.push({ index, message: `"${plan.track}" has two session plans` });
    seen.add(key);
  });
  return problems;
}

/** Plans with each track spelled as the program spells it (checked plans only). */
export function alignPlansToTracks(plans: readonly TrackPlan[], topicTracks: readonly string[]): TrackPlan[] {
  const labels = new Map(topicTracks.map((track) => [tagKey(track), tagLabel(track)]));
  return plans.map((plan) => ({ ...plan, track: labels.get(tagKey(plan.track)) ?? plan.track }));
}

/** The plan of `track` (compared by key), if the program has one. */
export function planOf(plans: readonly TrackPlan[] | undefined, track: string): TrackPlan | undefined {
  const key = tagKey(track);
  return plans?.find((plan) => tagKey(plan.track) === key);
}
