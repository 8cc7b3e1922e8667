import type { Kysely, Selectable } from 'kysely';
import type { TenantId, UserId } from '../core/ids.ts';
import { programId, type Program, type ProgramId, type ProgramState } from '../core/programs/program.ts';
import { epochMs } from '../core/time.ts';
import type { Database, ProgramsTable } from './schema.ts';

/** Programs of one organisation at a time: every method takes the tenant first and filters by it. */
export interface ProgramRepository {
  insert(tenantId: TenantId, program: Program, createdBy: UserId): Promise<void>;
  /**
   * The program, or undefined. `forUpdate` locks its row until the transaction ends, which
   * serialises every change to one program (state moves, enrolments, review edits, publishing).
   */
  get(tenantId: TenantId, id: ProgramId, options?: { forUpdate?: boolean }): Promise<Program | undefined>;
  /** The tenant's programs, newest first, optionally only those in `states`. */
  list(tenantId: TenantId, states?: readonly ProgramState[]): Promise<Program[]>;
  /** Writes settings, state and cycle; false when the tenant has no such program. */
  update(tenantId: TenantId, program: Program): Promise<boolean>;
  count(tenantId: TenantId): Promise<number>;
}

/** Settings kept as one jsonb value: the core validates them together. */
type Settings = Pick<Program, 'objectives' | 'topicTracks' | 'trackPlans' | 'cadence' | 'sessionMinutes' | 'term' | 'organiser' | 'capacityPerPerson' | 'rules'>;

/** The repository over `db` (or a transaction). */
export function programRepository(db: Kysely<Database>): ProgramRepository {
  return {
    async insert(tenantId, program, createdBy) {
      assertTenant(tenantId, program);
      await db
        .insertInto('programs')
        .values({
          tenant_id: tenantId,
          id: program.id,
          name: program.name,
          state: program.state,
          rotation_cycle: program.rotationCycle,
          settings: JSON.stringify(settingsOf(program)),
          created_by: createdBy,
          created_at: new Date(program.createdAt),
          updated_at: new Date(program.updatedAt),
          state_changed_at: new Date(program.stateChangedAt),
        })
        .execute();
    },

    async get(tenantId, id, options = {}) {
      let query = db.selectFrom('programs').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id);
      if (options.forUpdate) query = query.forUpdate();
      const row = await query.executeTakeFirst();
      return row === undefined ? undefined : toProgram(row);
    },

    async list(tenantId, states) {
      let query = db.selectFrom('programs').selectAll().where('tenant_id', '=', tenantId);
      if (states !== undefined) {
        if (states.length === 0) return [];
        query = query.where('state', 'in', [...states]);
      }
      const rows = await query.orderBy('created_at', 'desc').orderBy('id').execute();
      return rows.map(toProgram);
    },

    async update(tenantId, program) {
      assertTenant(tenantId, program);
      const result = await db
        .updateTable('programs')
        .set({
          name: program.name,
          state: program.state,
          rotation_cycle: program.rotationCycle,
          settings: JSON.stringify(settingsOf(program)),
          updated_at: new Date(program.updatedAt),
          state_changed_at: new Date(program.stateChangedAt),
        })
        .where('tenant_id', '=', tenantId)
        .where('id', '=', program.id)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async count(tenantId) {
      const row = await db
        .selectFrom('programs')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('tenant_id', '=', tenantId)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}

/** A program value must name the tenant it is stored under; anything else is a programming error. */
function assertTenant(tenantId: TenantId, program: Program): void {
  if (program.tenantId !== tenantId) throw new Error(`program ${program.id} belongs to another tenant than the one it is written under`);
}

function settingsOf(program: Program): Settings {
  return {
    objectives: program.objectives,
    topicTracks: program.topicTracks,
    trackPlans: program.trackPlans ?? [],
    cadence: program.cadence,
    sessionMinutes: program.sessionMinutes,
    term: program.term,
    organiser: program.organiser,
    capacityPerPerson: program.capacityPerPerson,
    rules: program.rules,
  };
}

function toProgram(row: Selectable<ProgramsTable>): Program {
  const settings = row.settings as Settings;
  return {
    id: programId(row.id),
    tenantId: row.tenant_id,
    name: row.name,
    ...settings,
    // Stored before session plans existed: no plans. (jsonb, so no migration is needed.)
    trackPlans: settings.trackPlans ?? [],
    term: { start: epochMs(settings.term.start), end: epochMs(settings.term.end) },
    rotationCycle: row.rotation_cycle,
    state: row.state as ProgramState,
    createdAt: epochMs(row.created_at.getTime()),
    updatedAt: epochMs(row.updated_at.getTime()),
    stateChangedAt: epochMs(row.state_changed_at.getTime()),
  };
}
