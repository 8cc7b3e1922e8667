/** The matching proposal an admin reviews before publishing. */
import type { Role } from './enrolments.ts';

/** A person named in a proposal or pairing. */
export interface PersonLabel {
  readonly userId: string;
  readonly displayName: string;
  readonly role: Role | null;
  readonly department: string;
  readonly jobTitle: string;
}

/** Identifies a proposed pair in review edits. */
export interface PairRef {
  readonly mentorId: string;
  readonly menteeId: string;
}

export interface ProposedPair extends PairRef {
  readonly coMentorId: string | null;
  readonly mentor: PersonLabel;
  readonly mentee: PersonLabel;
  readonly coMentor: PersonLabel | null;
  readonly score: number;
  /** Why these two fit, strongest first. Never mentions private exclusions. */
  readonly reasons: readonly string[];
  /** Kept as is when the rest is re-run. */
  readonly locked: boolean;
}

/** An unmatched mentor who could join an existing pair as its second mentor. */
export interface TrioSuggestion {
  readonly mentorId: string;
  readonly pair: PairRef;
  readonly score: number;
  readonly reasons: readonly string[];
  readonly mentor: PersonLabel;
}

export type ProposalStatus = 'running' | 'ready' | 'failed' | 'published';

/** The proposal under review with names beside the ids. */
export interface ProposalView {
  readonly programId: string;
  /** A new cycle of pairs, or new partners for those left without one. */
  readonly kind: 'cycle' | 'repair';
  readonly cycle: number;
  readonly status: ProposalStatus;
  readonly startedAt: string;
  readonly updatedAt: string;
  readonly error: { readonly code: string; readonly message: string; readonly fields?: readonly { readonly field: string; readonly message: string }[] } | null;
  readonly pairs: readonly ProposedPair[];
  readonly unmatched: readonly (PersonLabel & { readonly role: Role; readonly reason: string })[];
  readonly trioSuggestions: readonly TrioSuggestion[];
  /** Pairs the admin removed during review; re-runs do not propose them again. */
  readonly rejected: readonly PairRef[];
  readonly totalScore: number;
}

/** Starting, reading and editing the proposal all answer with it. */
export interface ProposalResponse {
  readonly proposal: ProposalView;
}
