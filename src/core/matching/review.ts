/**
 * The admin's review of a proposal, as pure functions: lock or unlock a pair, remove one, swap
 * partners between two pairs, accept a trio suggestion, and re-run everything not locked. Each
 * returns a new proposal; an edit that would break a hard rule throws a `PairingRuleError` naming
 * the rule, and nothing changes.
 */
import { notFound, UpwardError } from '../errors.ts';
import type { UserId } from '../ids.ts';
import { proposeMatching } from './assign.ts';
import { enrolmentOf, enrolmentsById, type MatchingContext } from './context.ts';
import { describePair } from './pair-explanation.ts';
import { assertPairAllowed, PairingRuleError } from './pair-rules.ts';
import { samePair, type PairRef, type Proposal, type ProposedPair, type TrioSuggestion, type Unmatched } from './proposal.ts';
import { checkTrio } from './trios.ts';

/** The pair keeps its people whatever else is re-run. */
export const lockPair = (proposal: Proposal, ref: PairRef): Proposal => setLocked(proposal, ref, true);

/** The pair may be changed by a re-run again. */
export const unlockPair = (proposal: Proposal, ref: PairRef): Proposal => setLocked(proposal, ref, false);

/**
 * Removes an unlocked pair. Its people become unmatched (unless they have another pair) and the
 * pair is remembered as rejected, so a re-run does not propose it again.
 */
export function removePair(proposal: Proposal, ref: PairRef, context: MatchingContext): Proposal {
  const pair = findPair(proposal, ref);
  assertUnlocked(pair, 'Removing this pair');
  const byId = enrolmentsById(context);
  const pairs = proposal.pairs.filter((p) => p !== pair);
  const people = [pair.mentorId, pair.menteeId, ...(pair.coMentorId ? [pair.coMentorId] : [])];
  const nowUnmatched: Unmatched[] = people
    .filter((id) => !pairs.some((p) => involves(p, id)))
    .map((id) => {
      const person = enrolmentOf(byId, id);
      return {
        userId: id,
        role: person.role,
        reason: `${person.profile.displayName}'s proposed pair was removed during review; re-run matching to find another partner`,
      };
    });
  return {
    ...proposal,
    pairs,
    unmatched: [...proposal.unmatched, ...nowUnmatched],
    trioSuggestions: proposal.trioSuggestions.filter((s) => !samePair(s.pair, ref)),
    rejected: [...proposal.rejected, { mentorId: pair.mentorId, menteeId: pair.menteeId }],
    totalScore: proposal.totalScore - pair.score,
  };
}

/**
 * Exchanges the mentees of two unlocked pairs: (a.mentor, b.mentee) and (b.mentor, a.mentee).
 * Both new pairs are checked against every hard rule first.
 */
export function swapPartners(proposal: Proposal, a: PairRef, b: PairRef, context: MatchingContext): Proposal {
  const first = findPair(proposal, a);
  const second = findPair(proposal, b);
  if (first === second) throw new UpwardError('bad_input', 'Choose two different pairs to swap');
  assertUnlocked(first, 'Swapping partners');
  assertUnlocked(second, 'Swapping partners');
  if (first.coMentorId !== null || second.coMentorId !== null) {
    throw new UpwardError('conflict', 'Swapping partners is not possible for a trio; remove its second mentor first');
  }
  if (first.mentorId === second.mentorId || first.menteeId === second.menteeId) {
    throw new UpwardError('bad_input', 'These two pairs share a person, so swapping would change nothing');
  }
  const byId = enrolmentsById(context);
  const others = proposal.pairs.filter((p) => p !== first && p !== second);
  const swapped: PairRef[] = [
    { mentorId: first.mentorId, menteeId: second.menteeId },
    { mentorId: second.mentorId, menteeId: first.menteeId },
  ];
  for (const ref of swapped) {
    const mentor = enrolmentOf(byId, ref.mentorId);
    const mentee = enrolmentOf(byId, ref.menteeId);
    if (others.some((p) => samePair(p, ref))) {
      throw new PairingRuleError(
        'Swapping partners',
        'already_paired',
        `${mentor.profile.displayName} and ${mentee.profile.displayName} are already a pair`,
      );
    }
    assertPairAllowed('Swapping partners', mentor, mentee, context, { rejected: proposal.rejected });
  }
  const replaced = swapped.map((ref) => describePair(ref, byId, context, false));
  const pairs = proposal.pairs.flatMap((p) => (p === first ? [replaced[0]!] : p === second ? [replaced[1]!] : [p]));
  return {
    ...proposal,
    pairs,
    trioSuggestions: proposal.trioSuggestions.filter((s) => !samePair(s.pair, first) && !samePair(s.pair, second)),
    totalScore: pairs.reduce((sum, pair) => sum + pair.score, 0),
  };
}

/** Makes a suggested trio real: the mentor joins the pair as its second mentor. */
export function acceptTrio(proposal: Proposal, suggestion: TrioSuggestion, context: MatchingContext): Proposal {
  if (!context.program.rules.allowTrios) throw new UpwardError('conflict', `${context.program.name} does not allow trios`);
  const pair = findPair(proposal, suggestion.pair);
  const byId = enrolmentsById(context);
  const mentor = enrolmentOf(byId, suggestion.mentorId);
  if (pair.coMentorId !== null) {
    throw new PairingRuleError('Adding a second mentor', 'capacity', 'This pair already has a second mentor');
  }
  if (proposal.pairs.some((p) => involves(p, mentor.userId))) {
    throw new PairingRuleError('Adding a second mentor', 'already_paired', `${mentor.profile.displayName} already has a pair`);
  }
  const mentee = enrolmentOf(byId, pair.menteeId);
  assertPairAllowed('Adding a second mentor', mentor, mentee, context, { rejected: proposal.rejected });
  const trio = checkTrio(mentor, enrolmentOf(byId, pair.mentorId), mentee, context.program.sessionMinutes);
  if (!trio.ok) throw new PairingRuleError('Adding a second mentor', trio.rule, trio.reason);
  const updated = describePair({ ...pair, coMentorId: mentor.userId }, byId, context, pair.locked);
  return {
    ...proposal,
    pairs: proposal.pairs.map((p) => (p === pair ? updated : p)),
    unmatched: proposal.unmatched.filter((u) => u.userId !== mentor.userId),
    trioSuggestions: proposal.trioSuggestions.filter(
      (s) => s.mentorId !== mentor.userId && !samePair(s.pair, suggestion.pair),
    ),
  };
}

/** Matches everyone again except the locked pairs, which stay exactly as they are. */
export function rerunKeepingLocked(proposal: Proposal, context: MatchingContext): Proposal {
  return proposeMatching(context, {
    keep: proposal.pairs.filter((pair) => pair.locked),
    rejected: proposal.rejected,
  });
}

function setLocked(proposal: Proposal, ref: PairRef, locked: boolean): Proposal {
  const pair = findPair(proposal, ref);
  return { ...proposal, pairs: proposal.pairs.map((p) => (p === pair ? { ...p, locked } : p)) };
}

function findPair(proposal: Proposal, ref: PairRef): ProposedPair {
  const pair = proposal.pairs.find((p) => samePair(p, ref));
  if (!pair) throw notFound(`No proposed pair of ${ref.mentorId} with ${ref.menteeId}`);
  return pair;
}

function assertUnlocked(pair: ProposedPair, action: string): void {
  if (pair.locked) throw new UpwardError('conflict', `${action} is not possible: the pair is locked; unlock it first`);
}

const involves = (pair: ProposedPair, id: UserId): boolean =>
  pair.mentorId === id || pair.menteeId === id || pair.coMentorId === id;
