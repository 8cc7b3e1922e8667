/** Invitations to a program, as its admins and the invited person see them. */
import type { Role } from './enrolments.ts';

/** Where an invitation stands: waiting for the person, enrolled (accepted) or declined. */
export type InvitationStatus = 'pending' | 'accepted' | 'declined';

export interface InvitationView {
  readonly programId: string;
  readonly userId: string;
  readonly displayName: string;
  readonly role: Role;
  readonly status: InvitationStatus;
  readonly invitedAt: string;
  readonly respondedAt: string | null;
}

/** `POST /api/programs/:id/invitations` and `POST …/invitation/decline`. */
export interface InvitationResponse {
  readonly invitation: InvitationView;
}

/** `GET /api/programs/:id/invitations`. */
export interface InvitationListResponse {
  readonly invitations: readonly InvitationView[];
}
