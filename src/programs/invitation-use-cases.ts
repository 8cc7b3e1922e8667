/**
 * Invitations and the participant's overview.
 *
 * Consent: an admin's invitation is only a suggestion. It never creates an enrolment and the
 * matcher never sees it; the person becomes a participant only by enrolling themself, with their
 * own signed-in token, which is their consent (and the invitation is then marked accepted). They
 * may also decline. There is no route by which an admin enrols someone else.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { notFound } from '../core/errors.ts';
import { userId as toUserId } from '../core/ids.ts';
import { ROLES, type Enrolment } from '../core/programs/enrolment.ts';
import type { Program } from '../core/programs/program.ts';
import { parseOrThrow } from '../core/programs/validation.ts';
import type { Invitation } from '../store/invitations.ts';
import type { Database } from '../store/schema.ts';
import { administeredProgram, conflict, programOf, requireAdmin } from './access.ts';
import { ENROLMENT_OPEN } from './enrolment-use-cases.ts';
import type { Actor, ProgramPorts } from './ports.ts';
import { inTransaction, reposOf } from './repositories.ts';

const inviteSchema = z.strictObject({
  user: z.string({ error: 'Name the person by directory id or user principal name' }).trim().min(1, { error: 'Name the person by directory id or user principal name' }),
  role: z.enum(ROLES, { error: 'Role must be mentor (the junior who teaches) or mentee (the senior who learns)' }),
});

/** A program as one participant sees it in their overview. */
export interface MyProgram {
  readonly program: Program;
  readonly enrolment: Enrolment | null;
  readonly invitation: Invitation | null;
}

export interface InvitationUseCases {
  invite(actor: Actor, programId: string, body: unknown): Promise<Invitation>;
  list(actor: Actor, programId: string): Promise<Invitation[]>;
  decline(actor: Actor, programId: string): Promise<Invitation>;
  /** Programs the caller can enrol in or is part of, with their enrolment and invitation. */
  mine(actor: Actor): Promise<MyProgram[]>;
}

export function invitationUseCases(db: Kysely<Database>, ports: ProgramPorts): InvitationUseCases {
  return {
    async invite(actor, programId, body) {
      requireAdmin(actor);
      const { user, role } = parseOrThrow(inviteSchema, body ?? {}, 'invitation');
      const program = await administeredProgram(reposOf(db), actor, programId);
      if (program.state === 'closed') throw conflict(`"${program.name}" is closed`);
      // Resolves a UPN to the object id and proves the person is in this organisation.
      const person = await ports.directoryFor(actor.tenantId).readProfile(toUserId(user));
      return inTransaction(db, async (repos) => {
        await administeredProgram(repos, actor, programId, true);
        const enrolled = await repos.enrolments.get(actor.tenantId, program.id, person.id);
        if (enrolled) throw conflict(`${person.displayName} is already enrolled in "${program.name}"`);
        return repos.invitations.upsertPending(actor.tenantId, {
          programId: program.id,
          userId: person.id,
          role,
          displayName: person.displayName,
          invitedBy: actor.userId,
          invitedAt: ports.now(),
        });
      });
    },

    async list(actor, programId) {
      const repos = reposOf(db);
      const program = await administeredProgram(repos, actor, programId);
      return repos.invitations.listForProgram(actor.tenantId, program.id);
    },

    async decline(actor, programId) {
      return inTransaction(db, async (repos) => {
        const program = await programOf(repos, actor, programId, true);
        const invitation = await repos.invitations.get(actor.tenantId, program.id, actor.userId);
        if (!invitation) throw notFound(`You have no invitation to "${program.name}"`);
        if (invitation.status !== 'pending') throw conflict(`Your invitation to "${program.name}" was already ${invitation.status}`);
        const now = ports.now();
        await repos.invitations.respond(actor.tenantId, program.id, actor.userId, 'declined', now);
        return { ...invitation, status: 'declined', respondedAt: now };
      });
    },

    async mine(actor) {
      const repos = reposOf(db);
      const [open, enrolments, invitations] = await Promise.all([
        repos.programs.list(actor.tenantId, ENROLMENT_OPEN),
        repos.enrolments.listForUser(actor.tenantId, actor.userId),
        repos.invitations.listForUser(actor.tenantId, actor.userId),
      ]);
      const involved = new Set<string>([...enrolments.map((e) => e.programId), ...invitations.map((i) => i.programId)]);
      const others = (await repos.programs.list(actor.tenantId)).filter((p) => involved.has(p.id) && !open.some((o) => o.id === p.id));
      const enrolmentOf = (id: string) => enrolments.find((e) => e.programId === id) ?? null;
      const invitationOf = (id: string) => invitations.find((i) => i.programId === id) ?? null;
      return [...open, ...others]
        .filter((program) => program.state !== 'draft' || involved.has(program.id))
        .map((program) => ({ program, enrolment: enrolmentOf(program.id), invitation: invitationOf(program.id) }));
    },
  };
}

