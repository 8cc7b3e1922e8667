import type { Caller } from './caller.ts';
import type { Role } from './program-types.ts';

/** Where an invitation stands: waiting for the person, enrolled (accepted) or declined. */
export type InvitationStatus = 'pending' | 'accepted' | 'declined';

/** An invitation as the program admin sees it (ISO instants). */
export interface InvitationView {
  readonly programId: string;
  readonly userId: string;
  readonly displayName: string;
  readonly role: Role;
  readonly status: InvitationStatus;
  readonly invitedAt: string;
  readonly respondedAt: string | null;
}

const at = (id: string): string => `/programs/${encodeURIComponent(id)}/invitations`;

/** Program admin invitation calls. An invitation never enrols anyone: the person enrols themself. */
export const invitationsApi = {
  list: async (call: Caller, programId: string, signal?: AbortSignal) =>
    (await call<{ invitations: InvitationView[] }>('GET', at(programId), undefined, signal)).invitations,
  invite: async (call: Caller, programId: string, user: string, role: Role) =>
    (await call<{ invitation: InvitationView }>('POST', at(programId), { user, role })).invitation,
};
