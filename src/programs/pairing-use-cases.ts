/** Running pairs: a participant's own, the admin's list, and the no-fault exit either side may take. */
import type { Kysely } from 'kysely';
import { notFound } from '../core/errors.ts';
import type { UserId } from '../core/ids.ts';
import type { Enrolment } from '../core/programs/enrolment.ts';
import type { Program } from '../core/programs/program.ts';
import { pairingId, type PairingRecord } from '../store/pairings.ts';
import type { Database } from '../store/schema.ts';
import { administeredProgram, conflict, programOf } from './access.ts';
import { deliver } from './deliver.ts';
import type { PairEnded } from './events.ts';
import { exitPairing } from './pairing-exit.ts';
import type { Actor, ProgramPorts } from './ports.ts';
import { inTransaction, reposOf } from './repositories.ts';

/** Pairings with the enrolments (by id) and programs needed to show them. */
export interface PairingsWithPeople {
  readonly pairings: readonly PairingRecord[];
  readonly people: ReadonlyMap<UserId, Enrolment>;
  readonly programs: ReadonlyMap<string, Program>;
}

export interface PairingUseCases {
  /** The caller's pairings in every program, running and ended. */
  mine(actor: Actor): Promise<PairingsWithPeople>;
  /** Admin: the program's pairings of every cycle. */
  list(actor: Actor, programId: string): Promise<PairingsWithPeople>;
  /** The caller steps out of a running pairing, no fault; the others are told neutrally. */
  leave(actor: Actor, pairingId: string): Promise<PairEnded>;
}

export function pairingUseCases(db: Kysely<Database>, ports: ProgramPorts): PairingUseCases {
  return {
    async mine(actor) {
      const repos = reposOf(db);
      const pairings = await repos.pairings.listForUser(actor.tenantId, actor.userId);
      const programs = new Map<string, Program>();
      const people = new Map<UserId, Enrolment>();
      for (const programId of new Set(pairings.map((p) => p.programId))) {
        const program = await programOf(repos, actor, programId);
        programs.set(program.id, program);
        for (const enrolment of await repos.enrolments.listForProgram(actor.tenantId, program.id)) people.set(enrolment.userId, enrolment);
      }
      return { pairings, people, programs };
    },

    async list(actor, programId) {
      const repos = reposOf(db);
      const program = await administeredProgram(repos, actor, programId);
      const [pairings, enrolments] = await Promise.all([
        repos.pairings.listForProgram(actor.tenantId, program.id),
        repos.enrolments.listForProgram(actor.tenantId, program.id),
      ]);
      return { pairings, people: new Map(enrolments.map((e) => [e.userId, e])), programs: new Map([[program.id, program]]) };
    },

    async leave(actor, id) {
      const event = await inTransaction(db, async (repos) => {
        const pairing = await repos.pairings.get(actor.tenantId, pairingId(String(id)));
        const member = pairing && [pairing.mentorId, pairing.menteeId, pairing.coMentorId].includes(actor.userId);
        // Someone else's pairing is reported like a missing one: its existence is not theirs to learn.
        if (!pairing || !member) throw notFound(`You have no pairing ${id}`);
        const program = await programOf(repos, actor, pairing.programId, true);
        const current = await repos.pairings.get(actor.tenantId, pairing.id);
        if (!current || current.endedAt !== null || ![current.mentorId, current.menteeId, current.coMentorId].includes(actor.userId)) {
          throw conflict('This pairing has already ended');
        }
        return exitPairing(repos, program, current, actor.userId, ports.now(), ports.newId);
      });
      await deliver(ports, event);
      return event;
    },
  };
}
