import type { Kysely, Selectable } from 'kysely';
import type { TenantId } from '../core/ids.ts';
import { programId, type ProgramId } from '../core/programs/program.ts';
import { epochMs, type EpochMs } from '../core/time.ts';
import type { Database, ProgramEventsTable } from './schema.ts';

/**
 * A recorded program event. Written in the same transaction as the change it describes, so the
 * record and the change cannot disagree; consumers (the bot's pair introductions) can catch up
 * from here after a restart.
 */
export interface ProgramEventRecord {
  readonly tenantId: TenantId;
  readonly id: string;
  readonly programId: ProgramId;
  readonly type: string;
  readonly payload: unknown;
  readonly occurredAt: EpochMs;
}

/** Program events of one organisation at a time; every statement is filtered by the tenant. */
export interface ProgramEventRepository {
  append(tenantId: TenantId, event: ProgramEventRecord): Promise<void>;
  /** The program's events in the order they were recorded, optionally of one type. */
  listForProgram(tenantId: TenantId, programId: ProgramId, type?: string): Promise<ProgramEventRecord[]>;
}

/** The repository over `db` (or a transaction). */
export function programEventRepository(db: Kysely<Database>): ProgramEventRepository {
  return {
    async append(tenantId, event) {
      if (event.tenantId !== tenantId) throw new Error('event belongs to another tenant than the one it is written under');
      await db
        .insertInto('program_events')
        .values({
          tenant_id: tenantId,
          id: event.id,
          program_id: event.programId,
          type: event.type,
          payload: JSON.stringify(event.payload),
          occurred_at: new Date(event.occurredAt),
        })
        .execute();
    },

    async listForProgram(tenantId, program, type) {
      let query = db.selectFrom('program_events').selectAll().where('tenant_id', '=', tenantId).where('program_id', '=', program);
      if (type !== undefined) query = query.where('type', '=', type);
      const rows = await query.orderBy('seq').execute();
      return rows.map(toRecord);
    },
  };
}

function toRecord(row: Selectable<ProgramEventsTable>): ProgramEventRecord {
  return {
    tenantId: row.tenant_id,
    id: row.id,
    programId: programId(row.program_id),
    type: row.type,
    payload: row.payload,
    occurredAt: epochMs(row.occurred_at.getTime()),
  };
}
