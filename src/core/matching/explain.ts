/**
 * Reasons in words for a proposed pair, e.g. "Priya can teach GenAI prompting, which Martin wants
 * to learn; Martin can teach board communication, which Priya wants to learn; 3 h of shared
 * working hours". Built only from what both people may see about each other — never from
 * do-not-pair lists.
 */
import type { Enrolment } from '../programs/enrolment.ts';
import type { ScoreBreakdown } from './soft-score.ts';
import { formatMinutes, joinList } from './wording.ts';

/**
 * Sentences for a pair's score, the teaching directions first. `withHours: false` leaves out the
 * shared-hours sentence (a trio states the three-way figure instead).
 */
export function explainScore(mentor: Enrolment, mentee: Enrolment, score: ScoreBreakdown, withHours = true): string[] {
  const mentorName = mentor.profile.displayName;
  const menteeName = mentee.profile.displayName;
  const reasons: string[] = [];
  if (score.mentorTeaches.length > 0) {
    reasons.push(`${mentorName} can teach ${joinList(score.mentorTeaches)}, which ${menteeName} wants to learn`);
  }
  if (score.menteeTeaches.length > 0) {
    reasons.push(`${menteeName} can teach ${joinList(score.menteeTeaches)}, which ${mentorName} wants to learn`);
  }
  if (score.mentorTeaches.length === 0 && score.menteeTeaches.length === 0) {
    reasons.push(`Neither lists a topic the other wants to learn`);
  }
  if (withHours) reasons.push(`${formatMinutes(score.sharedMinutes)} of shared working hours`);
  if (score.sharedGoals.length > 0) {
    reasons.push(`Both have the ${score.sharedGoals.length === 1 ? 'goal' : 'goals'} ${joinList(score.sharedGoals)}`);
  }
  if (score.differentDepartments) {
    reasons.push(
      `Different departments (${mentor.profile.department} and ${mentee.profile.department}) bring more perspectives`,
    );
  }
  reasons.push(
    score.sharedLanguages.length > 0
      ? `Both speak ${joinList(score.sharedLanguages)}`
      : `They list no language in common`,
  );
  return reasons;
}
