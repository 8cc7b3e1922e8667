/** A pair as the admin sees it in a proposal: its score and the reasons behind it. */
import type { UserId } from '../ids.ts';
import type { Enrolment } from '../programs/enrolment.ts';
import { enrolmentOf, type MatchingContext } from './context.ts';
import { explainScore } from './explain.ts';
import type { PairLike } from './history.ts';
import type { ProposedPair } from './proposal.ts';
import { scorePair } from './soft-score.ts';

/** Scores and explains `pair` afresh from the current enrolments. */
export function describePair(
  pair: PairLike,
  byId: ReadonlyMap<UserId, Enrolment>,
  context: MatchingContext,
  locked: boolean,
): ProposedPair {
  const mentor = enrolmentOf(byId, pair.mentorId);
  const mentee = enrolmentOf(byId, pair.menteeId);
  const breakdown = scorePair(mentor, mentee, context.program.sessionMinutes);
  const reasons = explainScore(mentor, mentee, breakdown);
  const coMentorId = pair.coMentorId ?? null;
  if (coMentorId !== null) {
    reasons.push(`${enrolmentOf(byId, coMentorId).profile.displayName} joins as a second mentor`);
  }
  return { mentorId: pair.mentorId, menteeId: pair.menteeId, coMentorId, score: breakdown.total, reasons, locked };
}
