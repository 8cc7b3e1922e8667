import type { Caller } from './caller.ts';

/** How the signed-in admin stands with a program: its owner, a co-admin, or any admin while nobody has claimed it. */
export type AdminAccess = 'owner' | 'co-admin' | 'unclaimed';

/** One person who runs a program. */
export interface ProgramAdminView {
  readonly userId: string;
  /** The directory name when they were added; null for programs that predate ownership. */
  readonly displayName: string | null;
  readonly role: 'owner' | 'co-admin';
  readonly addedAt: string;
}

export interface ProgramAdminList {
  readonly myAccess: AdminAccess;
  readonly admins: readonly ProgramAdminView[];
}

const at = (id: string): string => `/programs/${encodeURIComponent(id)}`;

/** Who runs a program: only the owner adds and removes co-admins; any admin may claim an unclaimed program. */
export const programAdminsApi = {
  list: (call: Caller, programId: string, signal?: AbortSignal) => call<ProgramAdminList>('GET', `${at(programId)}/admins`, undefined, signal),
  add: (call: Caller, programId: string, user: string) => call<ProgramAdminList>('POST', `${at(programId)}/admins`, { user }),
  remove: (call: Caller, programId: string, userId: string) => call<ProgramAdminList>('DELETE', `${at(programId)}/admins/${encodeURIComponent(userId)}`),
  claim: (call: Caller, programId: string) => call<ProgramAdminList>('POST', `${at(programId)}/claim`),
};
