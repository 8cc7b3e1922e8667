/** Published pairings, as the program admin and as one of the pair see them. */
import type { SharedEnrolment } from './enrolments.ts';
import type { PersonLabel } from './matching.ts';
import type { ProgramView } from './programs.ts';

/** How a pairing ended: a no-fault exit, a rotation to new partners, or the program closing. */
export type PairingEndReason = 'no_fault' | 'rotated' | 'closed';

/** A published pairing as the admin sees it. Who ended it is not shown, only how. */
export interface PairingAdmin {
  readonly id: string;
  readonly programId: string;
  readonly cycle: number;
  readonly mentor: PersonLabel;
  readonly mentee: PersonLabel;
  readonly coMentor: PersonLabel | null;
  readonly score: number;
  readonly reasons: readonly string[];
  readonly publishedAt: string;
  readonly endedAt: string | null;
  readonly endReason: PairingEndReason | null;
}

/** A pairing as one of its members sees it: their partners' public profiles and the reasons. */
export interface PairingMember {
  readonly id: string;
  readonly programId: string;
  readonly programName: string;
  readonly cycle: number;
  readonly myRole: 'mentor' | 'mentee' | 'co-mentor';
  /** A partner who has left the program is only their id. */
  readonly partners: readonly (SharedEnrolment | { readonly userId: string })[];
  readonly reasons: readonly string[];
  readonly publishedAt: string;
  readonly endedAt: string | null;
}

/** `POST /api/pairings/:id/leave`. */
export interface PairingLeft {
  readonly pairingId: string;
  readonly ended: true;
}

/** `GET /api/programs/:id/pairings` (admins). */
export interface PairingAdminListResponse {
  readonly pairings: readonly PairingAdmin[];
}

/** `GET /api/me/pairings`. */
export interface MyPairingsResponse {
  readonly pairings: readonly PairingMember[];
}

/** `POST /api/programs/:id/publish`: the program (now active) and the pairs it published. */
export interface PublishResponse {
  readonly program: ProgramView;
  readonly pairings: readonly PairingAdmin[];
}
