/**
 * The last gate before pairs go live. The proposal was computed from a snapshot; since then
 * people may have paused, left, changed their exclusions or been paired elsewhere. Every new pair
 * is checked again against every hard rule on today's data, and capacity across running and new
 * pairs, so no published pair ever breaks a rule. A failure changes nothing and says which rule.
 */
import type { UserId } from '../core/ids.ts';
import { enrolmentsById, type MatchingContext } from '../core/matching/context.ts';
import { whyNotPaired } from '../core/matching/pair-rules.ts';
import { samePair, type Proposal, type ProposedPair } from '../core/matching/proposal.ts';
import { checkTrio } from '../core/matching/trios.ts';
import type { PairingRecord } from '../store/pairings.ts';
import type { ProposalKind } from '../store/proposals.ts';
import { conflict } from './access.ts';

/** Pairs of the proposal that publishing would create (in a repair, running pairs are kept, not new). */
export function newPairsOf(proposal: Proposal, kind: ProposalKind, running: readonly PairingRecord[]): ProposedPair[] {
  if (kind === 'cycle') return [...proposal.pairs];
  return proposal.pairs.filter((pair) => !running.some((r) => samePair(r, pair) && r.coMentorId === pair.coMentorId));
}

/** Throws `conflict` naming the first problem; returns the new pairs when all is well. */
export function checkPublishable(proposal: Proposal, kind: ProposalKind, context: MatchingContext, running: readonly PairingRecord[]): ProposedPair[] {
  const fresh = newPairsOf(proposal, kind, running);
  if (fresh.length === 0) throw conflict('The proposal has no new pairs to publish');
  const byId = enrolmentsById(context);
  const refuse = (problem: string) => conflict(`The proposal no longer holds: ${problem}. Re-run matching (locked pairs are kept) and publish again`);
  const enrolmentOf = (id: UserId) => {
    const enrolment = byId.get(id);
    if (!enrolment) throw refuse(`${id} is not enrolled in this program`);
    return enrolment;
  };
  const partners = new Map<UserId, number>();
  const count = (id: UserId) => partners.set(id, (partners.get(id) ?? 0) + 1);
  // A new cycle replaces the running pairs; a repair keeps them, and they use up capacity.
  if (kind === 'repair') for (const r of running) [r.mentorId, r.menteeId, ...(r.coMentorId ? [r.coMentorId] : [])].forEach(count);
  const seen: ProposedPair[] = [];
  for (const pair of fresh) {
    const mentor = enrolmentOf(pair.mentorId);
    const mentee = enrolmentOf(pair.menteeId);
    if (seen.some((other) => samePair(other, pair))) throw refuse(`${mentor.profile.displayName} and ${mentee.profile.displayName} are listed twice`);
    seen.push(pair);
    const check = whyNotPaired(mentor, mentee, context, { rejected: proposal.rejected });
    if (!check.ok) throw refuse(check.reason);
    if (pair.coMentorId !== null) {
      const coMentor = enrolmentOf(pair.coMentorId);
      const second = whyNotPaired(coMentor, mentee, context, { rejected: proposal.rejected });
      if (!second.ok) throw refuse(second.reason);
      const trio = checkTrio(coMentor, mentor, mentee, context.program.sessionMinutes);
      if (!trio.ok) throw refuse(trio.reason);
      count(pair.coMentorId);
    }
    count(pair.mentorId);
    count(pair.menteeId);
  }
  for (const [id, n] of partners) {
    if (n > context.program.capacityPerPerson) {
      throw refuse(`${enrolmentOf(id).profile.displayName} would have ${n} partners; the program allows ${context.program.capacityPerPerson}`);
    }
  }
  return fresh;
}
