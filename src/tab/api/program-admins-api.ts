import type { ProgramAdminList } from '../../contracts/program-admins.ts';
import type { Caller } from './caller.ts';

const at = (id: string): string => `/programs/${encodeURIComponent(id)}`;

/** Who runs a program: only the owner adds and removes co-admins; any admin may claim an unclaimed program. */
export const programAdminsApi = {
  list: (call: Caller, programId: string, signal?: AbortSignal) => call<ProgramAdminList>('GET', `${at(programId)}/admins`, undefined, signal),
  add: (call: Caller, programId: string, user: string) => call<ProgramAdminList>('POST', `${at(programId)}/admins`, { user }),
  remove: (call: Caller, programId: string, userId: string) => call<ProgramAdminList>('DELETE', `${at(programId)}/admins/${encodeURIComponent(userId)}`),
  claim: (call: Caller, programId: string) => call<ProgramAdminList>('POST', `${at(programId)}/claim`),
};
