/**
 * A participant's own enrolment: the directory prefill, enrolling, editing answers, pausing,
 * resuming and leaving (no fault; their running pairs end and partners are told neutrally).
 * Admins read enrolments only through the shared view (no `doNotPairWith`, no leaving note).
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { notFound } from '../core/errors.ts';
import { userId as toUserId } from '../core/ids.ts';
import { editEnrolment, parseEnrolment } from '../core/programs/enrolment-schema.ts';
import { leaveProgram, pauseEnrolment, resumeEnrolment } from '../core/programs/enrolment-status.ts';
import type { DirectoryProfile, Enrolment } from '../core/programs/enrolment.ts';
import type { Program, ProgramState } from '../core/programs/program.ts';
import { timestampSchema } from '../core/programs/timestamp-schema.ts';
import { parseOrThrow } from '../core/programs/validation.ts';
import { isUniqueViolation } from '../store/store-errors.ts';
import type { Database } from '../store/schema.ts';
import { administeredProgram, conflict, programOf } from './access.ts';
import { deliver } from './deliver.ts';
import { readDirectoryProfile } from './directory-profile.ts';
import type { PairEnded } from './events.ts';
import { exitPairing } from './pairing-exit.ts';
import type { Actor, ProgramPorts } from './ports.ts';
import { inTransaction, reposOf, type ProgramRepos } from './repositories.ts';

/** States in which people may enrol; later joiners are matched at the next run. */
export const ENROLMENT_OPEN: readonly ProgramState[] = ['enrolling', 'matching', 'active'];

const pauseSchema = z.strictObject({ pausedUntil: timestampSchema });
const leaveSchema = z.strictObject({ reason: z.string({ error: 'The note must be text' }).optional() });

export interface EnrolmentUseCases {
  /** What the directory says about the caller, as their enrolment would hold it. */
  prefill(actor: Actor, programId: string): Promise<DirectoryProfile>;
  enrol(actor: Actor, programId: string, form: unknown): Promise<Enrolment>;
  own(actor: Actor, programId: string): Promise<Enrolment>;
  edit(actor: Actor, programId: string, changes: unknown): Promise<Enrolment>;
  pause(actor: Actor, programId: string, body: unknown): Promise<Enrolment>;
  resume(actor: Actor, programId: string): Promise<Enrolment>;
  leave(actor: Actor, programId: string, body: unknown): Promise<Enrolment>;
  /** Admin: everyone enrolled in the program. */
  list(actor: Actor, programId: string): Promise<Enrolment[]>;
  /** Admin: one person's enrolment. */
  get(actor: Actor, programId: string, userId: string): Promise<Enrolment>;
}

export function enrolmentUseCases(db: Kysely<Database>, ports: ProgramPorts): EnrolmentUseCases {
  const ownOf = async (repos: ProgramRepos, actor: Actor, program: Program): Promise<Enrolment> => {
    const enrolment = await repos.enrolments.get(actor.tenantId, program.id, actor.userId);
    if (!enrolment) throw notFound(`You are not enrolled in "${program.name}"`);
    return enrolment;
  };

  /** Applies `change` to the caller's enrolment in one transaction and stores the result. */
  const changeOwn = (actor: Actor, programId: string, change: (enrolment: Enrolment, program: Program) => Enrolment) =>
    inTransaction(db, async (repos) => {
      const program = await programOf(repos, actor, programId, true);
      const changed = change(await ownOf(repos, actor, program), program);
      await repos.enrolments.update(actor.tenantId, changed);
      return changed;
    });

  return {
    async prefill(actor, programId) {
      const program = await programOf(reposOf(db), actor, programId);
      return readDirectoryProfile(ports.directoryFor(actor.tenantId), actor.userId, program);
    },

    async enrol(actor, programId, form) {
      const repos = reposOf(db);
      const program = await programOf(repos, actor, programId);
      assertOpen(program);
      await assertNotEnrolled(repos, actor, program);
      const invitation = await repos.invitations.get(actor.tenantId, program.id, actor.userId);
      // An invited person who does not say otherwise takes the role they were invited for.
      const answers = invitation && isPlainObject(form) && form['role'] === undefined ? { ...form, role: invitation.role } : form;
      // The directory is read before the transaction: no network wait while the program is locked.
      const directory = await readDirectoryProfile(ports.directoryFor(actor.tenantId), actor.userId, program);
      const enrolment = parseEnrolment(answers, { program, tenantId: actor.tenantId, userId: actor.userId, directory }, ports.now());
      try {
        return await inTransaction(db, async (trx) => {
          const locked = await programOf(trx, actor, programId, true);
          assertOpen(locked);
          await assertNotEnrolled(trx, actor, locked);
          await trx.enrolments.insert(actor.tenantId, enrolment);
          if (invitation) await trx.invitations.respond(actor.tenantId, program.id, actor.userId, 'accepted', enrolment.enrolledAt);
          return enrolment;
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw conflict(`You are already enrolled in "${program.name}"`);
        throw error;
      }
    },

    async own(actor, programId) {
      const repos = reposOf(db);
      return ownOf(repos, actor, await programOf(repos, actor, programId));
    },

    edit: (actor, programId, changes) =>
      changeOwn(actor, programId, (enrolment, program) => {
        if (enrolment.left !== null) throw conflict(`You have left "${program.name}"; there is nothing to edit`);
        return editEnrolment(enrolment, changes ?? {}, program);
      }),

    pause: (actor, programId, body) => {
      const { pausedUntil } = parseOrThrow(pauseSchema, body ?? {}, 'pause');
      return changeOwn(actor, programId, (enrolment) => pauseEnrolment(enrolment, pausedUntil, ports.now()));
    },

    resume: (actor, programId) => changeOwn(actor, programId, (enrolment) => resumeEnrolment(enrolment)),

    async leave(actor, programId, body) {
      const { reason } = parseOrThrow(leaveSchema, body ?? {}, 'leave');
      const events: PairEnded[] = [];
      const left = await inTransaction(db, async (repos) => {
        const program = await programOf(repos, actor, programId, true);
        const now = ports.now();
        const enrolment = leaveProgram(await ownOf(repos, actor, program), reason ?? '', now);
        // Leaving the program ends the person's running pairs, each as a no-fault exit.
        const running = await repos.pairings.listForUser(actor.tenantId, actor.userId, { runningOnly: true });
        for (const pairing of running.filter((p) => p.programId === program.id)) {
          events.push(await exitPairing(repos, program, pairing, actor.userId, now, ports.newId));
        }
        await repos.enrolments.update(actor.tenantId, enrolment);
        return enrolment;
      });
      for (const event of events) await deliver(ports, event);
      return left;
    },

    async list(actor, programId) {
      const repos = reposOf(db);
      const program = await administeredProgram(repos, actor, programId);
      return repos.enrolments.listForProgram(actor.tenantId, program.id);
    },

    async get(actor, programId, userId) {
      const repos = reposOf(db);
      const program = await administeredProgram(repos, actor, programId);
      const enrolment = await repos.enrolments.get(actor.tenantId, program.id, toUserId(userId));
      if (!enrolment) throw notFound(`${userId} is not enrolled in "${program.name}"`);
      return enrolment;
    },
  };
}

function assertOpen(program: Program): void {
  if (!ENROLMENT_OPEN.includes(program.state)) {
    throw conflict(`Enrolment in "${program.name}" is not open: the program is ${program.state} (people can enrol while it is ${ENROLMENT_OPEN.join(', ')})`);
  }
}

async function assertNotEnrolled(repos: ProgramRepos, actor: Actor, program: Program): Promise<void> {
  const existing = await repos.enrolments.get(actor.tenantId, program.id, actor.userId);
  if (!existing) return;
  if (existing.left !== null) {
    throw conflict(`You left "${program.name}" on ${new Date(existing.left.at).toISOString().slice(0, 10)}; a program admin can tell you how to rejoin`);
  }
  throw conflict(`You are already enrolled in "${program.name}" as ${existing.role}; edit your enrolment instead`);
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
