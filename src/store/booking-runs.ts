import type { Kysely, Selectable } from 'kysely';
import type { TenantId, UserId } from '../core/ids.ts';
import type { Cadence, SessionMinutes } from '../core/scheduling/types.ts';
import { epochMs, type EpochMs } from '../core/time.ts';
import type { BookingRunsTable, Database } from './schema.ts';

/** `queued` until its job starts; `failed` between a failed attempt and the retry that resumes it. */
export type BookingRunStatus = 'queued' | 'running' | 'done' | 'failed';
/** Where a run is: reading free/busy, searching, creating series, moving single sessions, done. */
export type BookingRunPhase = 'queued' | 'availability' | 'planning' | 'booking' | 'moving' | 'done';

/** Who organises the series: the senior mentee by default, so the junior never writes into an executive's calendar. */
export type OrganiserRule = 'mentee' | 'mentor';

/** The settings every pair of a run is booked with. */
export interface BookingRunSettings {
  readonly cadence: Cadence;
  readonly durationMinutes: SessionMinutes;
  /** `YYYY-MM-DD`, both inclusive. */
  readonly term: { readonly start: string; readonly end: string };
  readonly organiser: OrganiserRule;
  readonly programName: string;
  readonly agenda: readonly string[];
}

/** A cohort run as stored. */
export interface BookingRunRecord {
  readonly tenantId: TenantId;
  readonly id: string;
  readonly programId: string;
  readonly cycle: number;
  readonly status: BookingRunStatus;
  readonly phase: BookingRunPhase;
  readonly total: number;
  readonly settings: BookingRunSettings;
  /** Graph requests the run has sent so far (batch members count one each, retries included). */
  readonly graphRequests: number;
  /** Times the run has been started (a resume after a crash is a second attempt). */
  readonly attempts: number;
  readonly error: string | null;
  readonly createdBy: UserId;
  readonly createdAt: EpochMs;
  readonly startedAt: EpochMs | null;
  readonly updatedAt: EpochMs;
  readonly finishedAt: EpochMs | null;
}

/** A change to a run's progress fields. */
export interface BookingRunChange {
  readonly status?: BookingRunStatus;
  readonly phase?: BookingRunPhase;
  readonly error?: string | null;
  readonly startedAt?: EpochMs | null;
  readonly finishedAt?: EpochMs | null;
  readonly total?: number;
  /** Added to the stored count (so concurrent writers never lose requests). */
  readonly addGraphRequests?: number;
  readonly addAttempt?: boolean;
}

/** Cohort runs of one organisation at a time; every statement is filtered by the tenant. */
export interface BookingRunRepository {
  /** Inserts the run; false when the tenant already has one for that program cycle (or that id). */
  insert(tenantId: TenantId, run: BookingRunRecord): Promise<boolean>;
  get(tenantId: TenantId, id: string): Promise<BookingRunRecord | undefined>;
  getForProgramCycle(tenantId: TenantId, programId: string, cycle: number): Promise<BookingRunRecord | undefined>;
  /** The tenant's runs, newest first, optionally of one program. */
  list(tenantId: TenantId, programId?: string): Promise<BookingRunRecord[]>;
  /** Applies the change; false when the run does not exist. */
  update(tenantId: TenantId, id: string, change: BookingRunChange, at: EpochMs): Promise<boolean>;
}

/** The repository over `db` (or a transaction). */
export function bookingRunRepository(db: Kysely<Database>): BookingRunRepository {
  const table = 'booking_runs';
  return {
    async insert(tenantId, run) {
      if (run.tenantId !== tenantId) throw new Error(`run ${run.id} belongs to another tenant than the one it is written under`);
      const result = await db
        .insertInto(table)
        .values({
          tenant_id: tenantId,
          id: run.id,
          program_id: run.programId,
          cycle: run.cycle,
          status: run.status,
          phase: run.phase,
          total: run.total,
          settings: JSON.stringify(run.settings),
          graph_requests: run.graphRequests,
          attempts: run.attempts,
          error: run.error,
          created_by: run.createdBy,
          created_at: new Date(run.createdAt),
          started_at: run.startedAt === null ? null : new Date(run.startedAt),
          updated_at: new Date(run.updatedAt),
          finished_at: run.finishedAt === null ? null : new Date(run.finishedAt),
        })
        .onConflict((c) => c.doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
    },

    async get(tenantId, id) {
      const row = await db.selectFrom(table).selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
      return row === undefined ? undefined : toRecord(row);
    },

    async getForProgramCycle(tenantId, programId, cycle) {
      const row = await db
        .selectFrom(table)
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('program_id', '=', programId)
        .where('cycle', '=', cycle)
        .executeTakeFirst();
      return row === undefined ? undefined : toRecord(row);
    },

    async list(tenantId, programId) {
      let query = db.selectFrom(table).selectAll().where('tenant_id', '=', tenantId);
      if (programId !== undefined) query = query.where('program_id', '=', programId);
      const rows = await query.orderBy('created_at', 'desc').orderBy('id').execute();
      return rows.map(toRecord);
    },

    async update(tenantId, id, change, at) {
      const result = await db
        .updateTable(table)
        .set((eb) => ({
          ...(change.status === undefined ? {} : { status: change.status }),
          ...(change.phase === undefined ? {} : { phase: change.phase }),
          ...(change.error === undefined ? {} : { error: change.error }),
          ...(change.startedAt === undefined ? {} : { started_at: change.startedAt === null ? null : new Date(change.startedAt) }),
          ...(change.finishedAt === undefined ? {} : { finished_at: change.finishedAt === null ? null : new Date(change.finishedAt) }),
          ...(change.total === undefined ? {} : { total: change.total }),
          ...(change.addGraphRequests ? { graph_requests: eb('graph_requests', '+', change.addGraphRequests) } : {}),
          ...(change.addAttempt ? { attempts: eb('attempts', '+', 1) } : {}),
          updated_at: new Date(at),
        }))
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
  };
}

function toRecord(row: Selectable<BookingRunsTable>): BookingRunRecord {
  const time = (d: Date | null): EpochMs | null => (d === null ? null : epochMs(d.getTime()));
  return {
    tenantId: row.tenant_id,
    id: row.id,
    programId: row.program_id,
    cycle: row.cycle,
    status: row.status as BookingRunStatus,
    phase: row.phase as BookingRunPhase,
    total: row.total,
    settings: row.settings as BookingRunSettings,
    graphRequests: row.graph_requests,
    attempts: row.attempts,
    error: row.error,
    createdBy: row.created_by,
    createdAt: epochMs(row.created_at.getTime()),
    startedAt: time(row.started_at),
    updatedAt: epochMs(row.updated_at.getTime()),
    finishedAt: time(row.finished_at),
  };
}
