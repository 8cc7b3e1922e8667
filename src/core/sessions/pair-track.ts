/**
 * Which of a program's topic tracks a pair follows, with that track's session plan, so that the
 * agenda of session n can show the plan's topic n.
 */
import type { TrackPlan } from '../programs/program.ts';
import { tagKey, tagLabel } from '../programs/topics.ts';
import { planOf } from '../programs/track-plans.ts';
import type { Track } from './agenda.ts';

/** What the choice reads of the program. */
export interface TrackedProgram {
  readonly topicTracks: readonly string[];
  readonly trackPlans?: readonly TrackPlan[] | undefined;
}

/**
 * The pair's track. Pairs are matched on what the junior mentor can teach and the senior mentee
 * wants to learn, so it is the first of the program's tracks (in the program's order, which the
 * admin chose) that is in both; else the first that either of them named; else the only track of
 * a one-track program; else none, and the agenda has no topic. A chosen track without a plan
 * gives its own name as every session's topic. Deterministic, so a refreshed card keeps its topic.
 */
export function pairTrack(
  program: TrackedProgram,
  mentor: { readonly canTeach: readonly string[] } | undefined,
  mentee: { readonly wantsToLearn: readonly string[] } | undefined,
): Track | null {
  const teaches = new Set(mentor?.canTeach.map(tagKey) ?? []);
  const learns = new Set(mentee?.wantsToLearn.map(tagKey) ?? []);
  const tracks = program.topicTracks;
  const chosen =
    tracks.find((track) => teaches.has(tagKey(track)) && learns.has(tagKey(track))) ??
    tracks.find((track) => teaches.has(tagKey(track)) || learns.has(tagKey(track))) ??
    (tracks.length === 1 ? tracks[0] : undefined);
  if (chosen === undefined) return null;
  const plan = planOf(program.trackPlans, chosen);
  return { name: tagLabel(chosen), sessionTopics: plan?.sessionTopics ?? [], reflectionQuestions: plan?.reflectionQuestions ?? [] };
}
