/**
 * Domain events of programs. Each is recorded in the same transaction as its change and then
 * handed to the `publish` port once. Payloads carry ids and the words people will read, never a
 * private field (do-not-pair lists, leaving notes).
 */
import type { TenantId, UserId } from '../core/ids.ts';
import type { PartnerNotice } from '../core/matching/repair.ts';
import type { ProgramId } from '../core/programs/program.ts';
import type { EpochMs } from '../core/time.ts';
import type { PairingId } from '../store/pairings.ts';
import type { ProposalKind } from '../store/proposals.ts';

/** One pair as its introduction needs it. */
export interface PublishedPair {
  readonly pairingId: PairingId;
  readonly mentorId: UserId;
  readonly menteeId: UserId;
  readonly coMentorId: UserId | null;
  /** Why these people fit, in words both of them may read. */
  readonly reasons: readonly string[];
}

/** Reviewed pairs went live: send each pair its introduction. */
export interface PairsPublished {
  readonly type: 'pairs.published';
  readonly id: string;
  readonly tenantId: TenantId;
  readonly programId: ProgramId;
  readonly programName: string;
  readonly cycle: number;
  /** `cycle` for a new round of pairs, `repair` for new partners of people whose pair ended. */
  readonly kind: ProposalKind;
  readonly pairs: readonly PublishedPair[];
  readonly occurredAt: EpochMs;
}

/** Someone left a pair, no fault: tell the others neutrally; they get a partner at the next run. */
export interface PairEnded {
  readonly type: 'pair.ended';
  readonly id: string;
  readonly tenantId: TenantId;
  readonly programId: ProgramId;
  readonly pairingId: PairingId;
  /** The neutral notices for the people left behind (no reason, no blame). */
  readonly notices: readonly PartnerNotice[];
  /** People now without a partner, to be matched at the next run. */
  readonly needsPartner: readonly UserId[];
  readonly occurredAt: EpochMs;
}

export type ProgramEvent = PairsPublished | PairEnded;
