/** Who may do what with programs. Checked in the use cases, so every surface gets the same rules. */
import { forbidden, notFound, UpwardError } from '../core/errors.ts';
import { programId as toProgramId, type Program } from '../core/programs/program.ts';
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

/** `conflict` with a message; for moves that are legal in general but not right now. */
export const conflict = (message: string): UpwardError => new UpwardError('conflict', message);
