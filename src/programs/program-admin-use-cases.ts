/**
 * Who runs a program. The admin who creates a program owns it; the owner adds and removes
 * co-admins, who may do everything else. An unclaimed program (no admin recorded, see migration
 * 0010) is open to every program admin until one claims it and so becomes its owner.
 *
 * A co-admin also needs the Upward.ProgramAdmin role in Entra ID: being on a program's list does
 * not make anyone an admin, it only says which programs an admin may manage.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { forbidden, notFound } from '../core/errors.ts';
import { userId as toUserId } from '../core/ids.ts';
import { parseOrThrow } from '../core/programs/validation.ts';
import type { ProgramAdmin } from '../store/program-admins.ts';
import type { Database } from '../store/schema.ts';
import { adminAccessTo, administeredProgram, conflict, programOf, requireAdmin, type AdminAccess } from './access.ts';
import type { Actor, ProgramPorts } from './ports.ts';
import { inTransaction, reposOf, type ProgramRepos } from './repositories.ts';

const addSchema = z.strictObject({
  user: z.string({ error: 'Name the person by directory id or user principal name' }).trim().min(1, { error: 'Name the person by directory id or user principal name' }),
});

/** A program's admins and how the caller stands with it. */
export interface ProgramAdminList {
  readonly admins: readonly ProgramAdmin[];
  readonly myAccess: AdminAccess;
}

export interface ProgramAdminUseCases {
  list(actor: Actor, programId: string): Promise<ProgramAdminList>;
  /** Owner only: adds a co-admin (a person of the organisation's directory). */
  add(actor: Actor, programId: string, body: unknown): Promise<ProgramAdminList>;
  /** Owner only: removes a co-admin. The owner cannot be removed. */
  remove(actor: Actor, programId: string, userId: string): Promise<ProgramAdminList>;
  /** Any program admin, for an unclaimed program: the caller becomes its owner. */
  claim(actor: Actor, programId: string): Promise<ProgramAdminList>;
}

export function programAdminUseCases(db: Kysely<Database>, ports: ProgramPorts): ProgramAdminUseCases {
  const listOf = async (repos: ProgramRepos, actor: Actor, programId: string): Promise<ProgramAdminList> => ({
    admins: await repos.admins.list(actor.tenantId, programId),
    myAccess: (await adminAccessTo(repos, actor, programId)) ?? 'unclaimed',
  });
  const requireOwner = async (repos: ProgramRepos, actor: Actor, programId: string): Promise<void> => {
    // Someone who runs the program knows it exists, so this is a 403, not a 404.
    if ((await adminAccessTo(repos, actor, programId)) !== 'owner') throw forbidden("Only the program's owner can add or remove its admins");
  };

  return {
    async list(actor, programId) {
      const repos = reposOf(db);
      const program = await administeredProgram(repos, actor, programId);
      return listOf(repos, actor, program.id);
    },

    async add(actor, programId, body) {
      requireAdmin(actor);
      const { user } = parseOrThrow(addSchema, body ?? {}, 'program admin');
      const program = await administeredProgram(reposOf(db), actor, programId);
      await requireOwner(reposOf(db), actor, program.id);
      // Resolves a UPN to the object id and proves the person is in this organisation.
      const person = await ports.directoryFor(actor.tenantId).readProfile(toUserId(user));
      return inTransaction(db, async (repos) => {
        await administeredProgram(repos, actor, program.id, true);
        await requireOwner(repos, actor, program.id);
        const added = await repos.admins.add(actor.tenantId, {
          programId: program.id,
          userId: person.id,
          role: 'co-admin',
          displayName: person.displayName,
          addedBy: actor.userId,
          addedAt: ports.now(),
        });
        if (!added) throw conflict(`${person.displayName} already runs "${program.name}"`);
        return listOf(repos, actor, program.id);
      });
    },

    async remove(actor, programId, userId) {
      return inTransaction(db, async (repos) => {
        const program = await administeredProgram(repos, actor, programId, true);
        await requireOwner(repos, actor, program.id);
        const admin = (await repos.admins.list(actor.tenantId, program.id)).find((a) => a.userId.toLowerCase() === userId.toLowerCase());
        if (admin === undefined) throw notFound(`${userId} does not run "${program.name}"`);
        if (admin.role === 'owner') throw conflict(`The owner of "${program.name}" cannot be removed`);
        await repos.admins.removeCoAdmin(actor.tenantId, program.id, admin.userId);
        return listOf(repos, actor, program.id);
      });
    },

    async claim(actor, programId) {
      requireAdmin(actor);
      return inTransaction(db, async (repos) => {
        // The program row's lock makes two admins claiming at once take turns: the second finds it claimed.
        const program = await programOf(repos, actor, programId, true);
        const access = await adminAccessTo(repos, actor, program.id);
        if (access === undefined) throw notFound(`No program ${programId} in your organisation`);
        if (access !== 'unclaimed') throw conflict(`"${program.name}" already has an owner`);
        await repos.admins.add(actor.tenantId, {
          programId: program.id,
          userId: actor.userId,
          role: 'owner',
          displayName: actor.displayName ?? null,
          addedBy: actor.userId,
          addedAt: ports.now(),
        });
        return listOf(repos, actor, program.id);
      });
    },
  };
}
