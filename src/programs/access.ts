/** Who may do what with programs. Checked in the use cases, so every surface gets the same rules. */
import { forbidden, notFound, UpwardError } from '../core/errors.ts';
import { programId as toProgramId, type Program } from '../core/programs/program.ts';
import type { ProgramAdminRole } from '../store/program-admins.ts';
import type { Actor } from './ports.ts';
import type { ProgramRepos } from './repositories.ts';

/** Throws `forbidden` unless the caller holds the program-admin role. */
export function requireAdmin(actor: Actor): void {
  if (!actor.isAdmin) throw forbidden('Only program admins (the Upward.ProgramAdmin role) can do this');
}

/**
 * The caller's organisation's program, or `not_found`: a program of another tenant is reported
 * exactly like one that does not exist. `lock` holds its row until the transaction ends.
 */
export async function programOf(repos: ProgramRepos, actor: Actor, id: string, lock = false): Promise<Program> {
  if (typeof id !== 'string' || id.trim() === '') throw notFound('No program id given');
  const program = await repos.programs.get(actor.tenantId, toProgramId(id), { forUpdate: lock });
  if (!program) throw notFound(`No program ${id} in your organisation`);
  return program;
}

/** How an admin stands with a program they may manage: one of its admins, or any admin while it is unclaimed. */
export type AdminAccess = ProgramAdminRole | 'unclaimed';

/** The caller's access to a program, or undefined when it is not theirs (or not there). The role is not checked here. */
export async function adminAccessTo(repos: ProgramRepos, actor: Actor, programId: string): Promise<AdminAccess | undefined> {
  const standing = await repos.admins.standing(actor.tenantId, programId, actor.userId);
  return standing.role ?? (standing.claimed ? undefined : 'unclaimed');
}

/**
 * A program the caller administers: `forbidden` without the program-admin role, and `not_found`
 * for a program run by other admins — reported exactly like one that does not exist, as for
 * another organisation's, so an admin learns nothing about programs that are not theirs.
 */
export async function administeredProgram(repos: ProgramRepos, actor: Actor, id: string, lock = false): Promise<Program> {
  requireAdmin(actor);
  const program = await programOf(repos, actor, id, lock);
  if ((await adminAccessTo(repos, actor, program.id)) === undefined) throw notFound(`No program ${id} in your organisation`);
  return program;
}

/** `conflict` with a message; for moves that are legal in general but not right now. */
export const conflict = (message: string): UpwardError => new UpwardError('conflict', message);
