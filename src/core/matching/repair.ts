/**
 * No-fault exits and re-pairing. Either side may leave a pair — in reverse mentoring the junior
 * is the mentor, so the junior must have this option as much as the senior. The people left
 * behind get a neutral notice that gives no reason and assigns no blame, the ended pairing goes
 * into the history (so the same two are not paired again), and everyone left without a partner
 * can be re-paired while all other pairs stay as they are.
 */
import { badInput, notFound } from '../errors.ts';
import type { UserId } from '../ids.ts';
import type { Program } from '../programs/program.ts';
import { proposeMatching } from './assign.ts';
import { enrolmentOf, enrolmentsById, type MatchingContext } from './context.ts';
import { recordMet, type MetHistory } from './history.ts';
import { samePair, type PairRef, type Proposal } from './proposal.ts';

/** A pair that is running: published from a proposal in some cycle. */
export interface Pairing extends PairRef {
  readonly coMentorId: UserId | null;
  readonly cycle: number;
}

/** A message for someone whose partner left. Deliberately says nothing about why. */
export interface PartnerNotice {
  readonly recipientId: UserId;
  readonly text: string;
}

export interface PairEnded {
  /** All pairings after the exit (a trio that lost one person continues as a pair). */
  readonly pairings: readonly Pairing[];
  /** The history including the ended pairing, so it is not proposed again. */
  readonly history: MetHistory;
  readonly notices: readonly PartnerNotice[];
  /** People now without any pair, the leaver included (they stay enrolled unless they also leave). */
  readonly needsPartner: readonly UserId[];
}

/** `leaverId` steps out of the pairing `ref`. Their reason, if any, is not an input here on purpose. */
export function endPairNoFault(pairings: readonly Pairing[], ref: PairRef, leaverId: UserId, context: MatchingContext): PairEnded {
  const pairing = pairings.find((p) => samePair(p, ref));
  if (!pairing) throw notFound(`No running pair of ${ref.mentorId} with ${ref.menteeId}`);
  const members = [pairing.mentorId, pairing.menteeId, ...(pairing.coMentorId ? [pairing.coMentorId] : [])];
  if (!members.includes(leaverId)) throw badInput(`${leaverId} is not in this pair`, [{ field: 'leaverId', message: 'Not a member of this pair' }]);
  const byId = enrolmentsById(context);
  const leaverName = enrolmentOf(byId, leaverId).profile.displayName;
  const history = recordMet(context.history, [pairing], pairing.cycle);

  const remaining = members.filter((id) => id !== leaverId);
  const continuing = continuingPairing(pairing, leaverId);
  const others = pairings.filter((p) => p !== pairing);
  const after = continuing ? [...others, continuing] : others;
  const notices = remaining.map((recipientId) => ({
    recipientId,
    text: continuing
      ? groupNotice(leaverName, context.program)
      : pairNotice(leaverName, context.program),
  }));
  const needsPartner = members.filter((id) => !after.some((p) => p.mentorId === id || p.menteeId === id || p.coMentorId === id));
  return { pairings: after, history, notices, needsPartner };
}

/**
 * New partners for everyone with room, keeping every running pairing as it is. The context's
 * history must include ended pairings (use the one {@link endPairNoFault} returns).
 */
export function rePair(context: MatchingContext, pairings: readonly Pairing[]): Proposal {
  return proposeMatching(context, { keep: pairings });
}

/** The pair that goes on without the leaver, if a trio had three people. */
function continuingPairing(pairing: Pairing, leaverId: UserId): Pairing | null {
  if (pairing.coMentorId === null || leaverId === pairing.menteeId) return null;
  const mentorId = leaverId === pairing.mentorId ? pairing.coMentorId : pairing.mentorId;
  return { ...pairing, mentorId, coMentorId: null };
}

/** Neutral by design: no reason, no blame, nothing to do but wait for a new partner. */
export const pairNotice = (partnerName: string, program: Program): string =>
  `Your pairing with ${partnerName} in ${program.name} has ended. ` +
  `There is nothing you need to do: we will suggest a new partner for you soon.`;

/** For the two who continue after a trio member stepped out. */
export const groupNotice = (memberName: string, program: Program): string =>
  `${memberName} is no longer part of your group in ${program.name}. ` +
  `Your sessions continue as planned with the rest of your group.`;
