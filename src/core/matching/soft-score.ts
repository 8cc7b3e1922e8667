/**
 * The soft score of a feasible pair: how well two people fit, both directions, with every point
 * traceable to a sentence. Integer points, so totals compare exactly across solvers.
 *
 * This is the readable version, used to explain a pair. `score-matrix.ts` computes the same
 * numbers for a whole cohort with bitsets; a test keeps the two equal.
 */
import type { Enrolment } from '../programs/enrolment.ts';
import { tagKey } from '../programs/topics.ts';
import { longestSharedMinutes } from './working-hours.ts';

/** Points per signal. The junior→senior direction is the program's purpose, so it weighs most. */
export const WEIGHTS = {
  /** Per topic the mentor can teach and the mentee wants to learn. */
  teachForwardPerTopic: 30,
  /** Per topic the mentee can teach and the mentor wants to learn. */
  teachBackPerTopic: 20,
  /** Topics counted per direction; beyond this a pair already has plenty to talk about. */
  topicsCounted: 3,
  /** Both directions have at least one topic: learning really runs both ways. */
  reciprocity: 20,
  sharedGoalPerGoal: 10,
  goalsCounted: 3,
  /** Different departments bring more perspectives. */
  differentDepartments: 15,
  /** At least one language in common. */
  sharedLanguage: 30,
  /** Longest shared stretch ≥ 3 sessions: easy to find and move a slot. */
  roomyHours: 20,
  /** ≥ 2 sessions. */
  comfortableHours: 12,
  /** At least one session (less is a hard-constraint failure). */
  tightHours: 5,
} as const;

/** Highest score any pair can reach. */
export const MAX_SCORE =
  WEIGHTS.topicsCounted * (WEIGHTS.teachForwardPerTopic + WEIGHTS.teachBackPerTopic) +
  WEIGHTS.reciprocity +
  WEIGHTS.goalsCounted * WEIGHTS.sharedGoalPerGoal +
  WEIGHTS.differentDepartments +
  WEIGHTS.sharedLanguage +
  WEIGHTS.roomyHours;

/** Time-zone comfort points for a longest shared stretch, given the session length. */
export function hoursPoints(sharedMinutes: number, sessionMinutes: number): number {
  if (sharedMinutes >= 3 * sessionMinutes) return WEIGHTS.roomyHours;
  if (sharedMinutes >= 2 * sessionMinutes) return WEIGHTS.comfortableHours;
  return sharedMinutes >= sessionMinutes ? WEIGHTS.tightHours : 0;
}

/** Everything the score of one pair is made of. */
export interface ScoreBreakdown {
  readonly total: number;
  /** Labels (in the mentor's spelling) the mentor can teach and the mentee wants to learn. */
  readonly mentorTeaches: readonly string[];
  readonly menteeTeaches: readonly string[];
  readonly sharedGoals: readonly string[];
  readonly differentDepartments: boolean;
  readonly sharedLanguages: readonly string[];
  /** Longest stretch of shared working time, minutes. */
  readonly sharedMinutes: number;
}

/** Scores mentor with mentee (assumed to pass the hard constraints). */
export function scorePair(mentor: Enrolment, mentee: Enrolment, sessionMinutes: number): ScoreBreakdown {
  const mentorTeaches = common(mentor.canTeach, mentee.wantsToLearn);
  const menteeTeaches = common(mentee.canTeach, mentor.wantsToLearn);
  const sharedGoals = common(mentor.goals, mentee.goals);
  const sharedLanguages = common(mentor.languages, mentee.languages);
  const mentorDepartment = tagKey(mentor.profile.department);
  const menteeDepartment = tagKey(mentee.profile.department);
  const differentDepartments = mentorDepartment !== '' && menteeDepartment !== '' && mentorDepartment !== menteeDepartment;
  const sharedMinutes = longestSharedMinutes(mentor.profile.weeklyWorkingMinutesUtc, mentee.profile.weeklyWorkingMinutesUtc);
  const total =
    Math.min(mentorTeaches.length, WEIGHTS.topicsCounted) * WEIGHTS.teachForwardPerTopic +
    Math.min(menteeTeaches.length, WEIGHTS.topicsCounted) * WEIGHTS.teachBackPerTopic +
    (mentorTeaches.length > 0 && menteeTeaches.length > 0 ? WEIGHTS.reciprocity : 0) +
    Math.min(sharedGoals.length, WEIGHTS.goalsCounted) * WEIGHTS.sharedGoalPerGoal +
    (differentDepartments ? WEIGHTS.differentDepartments : 0) +
    (sharedLanguages.length > 0 ? WEIGHTS.sharedLanguage : 0) +
    hoursPoints(sharedMinutes, sessionMinutes);
  return { total, mentorTeaches, menteeTeaches, sharedGoals, differentDepartments, sharedLanguages, sharedMinutes };
}

/** Items of `from` (kept in its order and spelling) whose key also appears in `other`. */
function common(from: readonly string[], other: readonly string[]): string[] {
  const keys = new Set(other.map(tagKey));
  const seen = new Set<string>();
  return from.filter((item) => {
    const key = tagKey(item);
    if (!keys.has(key) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
