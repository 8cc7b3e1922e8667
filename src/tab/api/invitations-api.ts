import type { Role } from '../../contracts/enrolments.ts';
import type { InvitationListResponse, InvitationResponse } from '../../contracts/invitations.ts';
import type { Caller } from './caller.ts';

const at = (id: string): string => `/programs/${encodeURIComponent(id)}/invitations`;

/** Program admin invitation calls. An invitation never enrols anyone: the person enrols themself. */
export const invitationsApi = {
  list: async (call: Caller, programId: string, signal?: AbortSignal) =>
    (await call<InvitationListResponse>('GET', at(programId), undefined, signal)).invitations,
  invite: async (call: Caller, programId: string, user: string, role: Role) =>
    (await call<InvitationResponse>('POST', at(programId), { user, role })).invitation,
};
