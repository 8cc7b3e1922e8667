/**
 * Trios: when the program allows them, a mentor left without a partner may join a proposed
 * pair as a second junior mentor. Suggested only — the admin accepts or ignores each one.
 * A trio must satisfy the hard rules between the new mentor and the mentee, keep the two mentors
 * out of one management chain and out of each other's exclusions, and leave all three a shared
 * stretch of working time at least one session long.
 */
import type { UserId } from '../ids.ts';
import type { Enrolment } from '../programs/enrolment.ts';
import { checkManagementChain, checkNotExcluded, OK, type RuleCheck } from './hard-constraints.ts';
import { explainScore } from './explain.ts';
import type { ProposedPair, TrioSuggestion } from './proposal.ts';
import { FORBIDDEN, type ScoreMatrix } from './score-matrix.ts';
import { scorePair } from './soft-score.ts';
import { maximumWeightAssignment, NOT_ALLOWED } from './solver.ts';
import { intersectTimelines, longestSharedStretch, workingTimeline } from './working-hours.ts';
import { formatMinutes } from './wording.ts';

/** Rules between the two mentors of a trio, and the three-way working-hours overlap. */
export function checkTrio(newMentor: Enrolment, pairMentor: Enrolment, mentee: Enrolment, sessionMinutes: number): RuleCheck {
  const chain = checkManagementChain(newMentor, pairMentor);
  if (!chain.ok) return chain;
  const shared = sharedByThree(newMentor, pairMentor, mentee);
  if (shared < sessionMinutes) {
    return {
      ok: false,
      rule: 'working_hours',
      reason:
        `${newMentor.profile.displayName}, ${pairMentor.profile.displayName} and ${mentee.profile.displayName} ` +
        `share at most ${formatMinutes(shared)} of working hours in a row; a session needs ${formatMinutes(sessionMinutes)}`,
    };
  }
  const excluded = checkNotExcluded(newMentor, pairMentor);
  return excluded.ok ? OK : excluded;
}

/** Longest stretch of working time all three share, minutes. */
export function sharedByThree(a: Enrolment, b: Enrolment, c: Enrolment): number {
  const ab = intersectTimelines(workingTimeline(a.profile.weeklyWorkingMinutesUtc), workingTimeline(b.profile.weeklyWorkingMinutesUtc));
  return longestSharedStretch(ab, workingTimeline(c.profile.weeklyWorkingMinutesUtc));
}

export interface TrioInput {
  readonly matrix: ScoreMatrix;
  /** Row indices (into `matrix.mentors`) of available mentors left without a partner. */
  readonly candidates: readonly number[];
  readonly pairs: readonly ProposedPair[];
  readonly byId: ReadonlyMap<UserId, Enrolment>;
  readonly sessionMinutes: number;
}

/**
 * At most one suggestion per mentor and per pair, chosen together as one assignment (most trios,
 * then the best fit of each new mentor with the mentee), like the pairs themselves.
 */
export function suggestTrios(input: TrioInput): TrioSuggestion[] {
  const { matrix, candidates, sessionMinutes } = input;
  const cols = matrix.mentees.length;
  const menteeIndex = new Map(matrix.mentees.map((person, index) => [person.userId, index]));
  const open = input.pairs.flatMap((pair) => {
    const e = menteeIndex.get(pair.menteeId);
    const pairMentor = input.byId.get(pair.mentorId);
    const mentee = input.byId.get(pair.menteeId);
    if (pair.coMentorId !== null || e === undefined || !pairMentor || !mentee) return [];
    const together = intersectTimelines(
      workingTimeline(pairMentor.profile.weeklyWorkingMinutesUtc),
      workingTimeline(mentee.profile.weeklyWorkingMinutesUtc),
    );
    return [{ pair, e, pairMentor, together }];
  });
  if (candidates.length === 0 || open.length === 0) return [];
  const values = new Int32Array(candidates.length * open.length);
  candidates.forEach((m, row) => {
    const mentor = matrix.mentors[m]!;
    const timeline = workingTimeline(mentor.profile.weeklyWorkingMinutesUtc);
    open.forEach((option, col) => {
      const score = matrix.score[m * cols + option.e]!;
      const allowed =
        score !== FORBIDDEN &&
        checkManagementChain(mentor, option.pairMentor).ok &&
        checkNotExcluded(mentor, option.pairMentor).ok &&
        longestSharedStretch(timeline, option.together) >= sessionMinutes;
      values[row * open.length + col] = allowed ? score : NOT_ALLOWED;
    });
  });
  const colForRow = maximumWeightAssignment(values, candidates.length, open.length);
  const suggestions: TrioSuggestion[] = [];
  colForRow.forEach((col, row) => {
    if (col < 0) return;
    suggestions.push(describeTrio(matrix.mentors[candidates[row]!]!, open[col]!.pair, input.byId, sessionMinutes));
  });
  return suggestions.sort((a, b) => b.score - a.score);
}

/** The suggestion with its reasons in words. */
export function describeTrio(
  mentor: Enrolment,
  pair: ProposedPair,
  byId: ReadonlyMap<UserId, Enrolment>,
  sessionMinutes: number,
): TrioSuggestion {
  const mentee = byId.get(pair.menteeId)!;
  const pairMentor = byId.get(pair.mentorId)!;
  const breakdown = scorePair(mentor, mentee, sessionMinutes);
  const reasons = [
    `${mentor.profile.displayName} could join ${pairMentor.profile.displayName} and ${mentee.profile.displayName} as a second mentor`,
    ...explainScore(mentor, mentee, breakdown, false),
    `${formatMinutes(sharedByThree(mentor, pairMentor, mentee))} of working hours shared by all three`,
  ];
  return { mentorId: mentor.userId, pair: { mentorId: pair.mentorId, menteeId: pair.menteeId }, score: breakdown.total, reasons };
}
