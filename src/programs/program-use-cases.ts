/** Creating, editing, listing and moving programs through their life cycle (admins only). */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { createProgram, editProgram } from '../core/programs/program-settings.ts';
import { programId, PROGRAM_STATES, type Program, type ProgramState } from '../core/programs/program.ts';
import { transition } from '../core/programs/transitions.ts';
import { parseOrThrow } from '../core/programs/validation.ts';
import type { Database } from '../store/schema.ts';
import { administeredProgram, conflict, requireAdmin } from './access.ts';
import type { Actor, ProgramPorts } from './ports.ts';
import { inTransaction, reposOf } from './repositories.ts';

const transitionSchema = z.strictObject({
  to: z.enum(PROGRAM_STATES, { error: `State must be one of ${PROGRAM_STATES.join(', ')}` }),
});

export interface ProgramUseCases {
  /** Creates the program, owned by the admin who creates it. */
  create(actor: Actor, input: unknown): Promise<Program>;
  /** The programs the caller administers (and unclaimed ones, which any admin may claim). */
  list(actor: Actor): Promise<Program[]>;
  get(actor: Actor, id: string): Promise<Program>;
  edit(actor: Actor, id: string, patch: unknown): Promise<Program>;
  /**
   * Moves the program to `{ to }`. Going `active` is publishing (it needs reviewed pairs) and is
   * refused here; going `closed` ends every running pair; `active` → `matching` starts the next
   * rotation cycle.
   */
  transition(actor: Actor, id: string, body: unknown): Promise<Program>;
}

export function programUseCases(db: Kysely<Database>, ports: ProgramPorts): ProgramUseCases {
  return {
    async create(actor, input) {
      requireAdmin(actor);
      const program = createProgram(input, { id: programId(ports.newId()), tenantId: actor.tenantId }, ports.now());
      await inTransaction(db, async (repos) => {
        await repos.programs.insert(actor.tenantId, program, actor.userId);
        await repos.admins.add(actor.tenantId, {
          programId: program.id,
          userId: actor.userId,
          role: 'owner',
          displayName: actor.displayName ?? null,
          addedBy: actor.userId,
          addedAt: program.createdAt,
        });
      });
      return program;
    },

    async list(actor) {
      requireAdmin(actor);
      const repos = reposOf(db);
      const [programs, claimed] = await Promise.all([repos.programs.list(actor.tenantId), repos.admins.claimedPrograms(actor.tenantId, actor.userId)]);
      return programs.filter((p) => claimed.get(p.id) ?? true);
    },

    async get(actor, id) {
      return administeredProgram(reposOf(db), actor, id);
    },

    async edit(actor, id, patch) {
      requireAdmin(actor);
      return inTransaction(db, async (repos) => {
        const program = await administeredProgram(repos, actor, id, true);
        const edited = editProgram(program, patch, ports.now());
        await repos.programs.update(actor.tenantId, edited);
        return edited;
      });
    },

    async transition(actor, id, body) {
      requireAdmin(actor);
      const { to } = parseOrThrow(transitionSchema, body ?? {}, 'state change');
      return inTransaction(db, async (repos) => {
        const program = await administeredProgram(repos, actor, id, true);
        const now = ports.now();
        // The core decides legality first, so an illegal move is always reported as one.
        const moved = transition(program, to as ProgramState, now);
        if (to === 'active') {
          throw conflict(`"${program.name}" goes active by publishing its reviewed pairs: POST /api/programs/${program.id}/publish`);
        }
        if (to === 'closed') await repos.pairings.endAllRunning(actor.tenantId, program.id, { at: now, reason: 'closed' });
        await repos.programs.update(actor.tenantId, moved);
        return moved;
      });
    },
  };
}
