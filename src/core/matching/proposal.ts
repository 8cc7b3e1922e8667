/**
 * What the matcher hands the program admin: proposed pairs with their reasons, everyone it could
 * not pair with the reason in words, and — where the program allows — trio suggestions.
 */
import type { UserId } from '../ids.ts';
import type { Role } from '../programs/enrolment.ts';
import type { ProgramId } from '../programs/program.ts';

/** Names one pair: a mentor (junior) with a mentee (senior). */
export interface PairRef {
  readonly mentorId: UserId;
  readonly menteeId: UserId;
}

export interface ProposedPair extends PairRef {
  /** A second mentor when the admin accepted a trio suggestion; otherwise null. */
  readonly coMentorId: UserId | null;
  /** Soft score of mentor with mentee (higher fits better); see `soft-score.ts`. */
  readonly score: number;
  /** Why these two fit, in words, strongest first. Never mentions private exclusions. */
  readonly reasons: readonly string[];
  /** Locked by the admin: kept as is when the rest is re-run. */
  readonly locked: boolean;
}

/** Someone the matcher could not pair, and why, in words an admin can act on. */
export interface Unmatched {
  readonly userId: UserId;
  readonly role: Role;
  readonly reason: string;
}

/** An unmatched mentor who could join an existing pair as its second mentor. */
export interface TrioSuggestion {
  readonly mentorId: UserId;
  readonly pair: PairRef;
  readonly score: number;
  readonly reasons: readonly string[];
}

export interface Proposal {
  readonly programId: ProgramId;
  readonly cycle: number;
  readonly pairs: readonly ProposedPair[];
  readonly unmatched: readonly Unmatched[];
  readonly trioSuggestions: readonly TrioSuggestion[];
  /** Pairs the admin removed during review; re-runs do not propose them again. */
  readonly rejected: readonly PairRef[];
  /** Sum of the pairs' scores. */
  readonly totalScore: number;
}

export const samePair = (a: PairRef, b: PairRef): boolean => a.mentorId === b.mentorId && a.menteeId === b.menteeId;
