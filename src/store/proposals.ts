import type { Kysely, Selectable } from 'kysely';
import type { FieldError } from '../core/errors.ts';
import type { TenantId } from '../core/ids.ts';
import type { Proposal } from '../core/matching/proposal.ts';
import { programId, type ProgramId } from '../core/programs/program.ts';
import { epochMs, type EpochMs } from '../core/time.ts';
import type { Database, ProposalsTable } from './schema.ts';

/**
 * What a matching run is for: a new `cycle` (everyone gets new partners; the program is in
 * `matching`), or a `repair` of a running cycle (people without a partner are matched while every
 * running pair stays; the program is `active`).
 */
export type ProposalKind = 'cycle' | 'repair';

/** `running` while the matcher works; `ready` for review; `failed` with an error; `published` once used. */
export type ProposalStatus = 'running' | 'ready' | 'failed' | 'published';

/** Why a run failed, as the error's code and words. */
export interface RunFailure {
  readonly code: string;
  readonly message: string;
  readonly fields?: readonly FieldError[];
}

/** The program's current proposal (or the run producing it). */
export interface ProposalRecord {
  readonly tenantId: TenantId;
  readonly programId: ProgramId;
  readonly kind: ProposalKind;
  readonly cycle: number;
  readonly status: ProposalStatus;
  /** Identifies the run; a result from an older run than the one recorded here is dropped. */
  readonly runId: string;
  readonly proposal: Proposal | null;
  readonly error: RunFailure | null;
  readonly startedAt: EpochMs;
  readonly updatedAt: EpochMs;
}

/** The one proposal per program, per tenant; every statement is filtered by the tenant. */
export interface ProposalRepository {
  get(tenantId: TenantId, programId: ProgramId): Promise<ProposalRecord | undefined>;
  /** Stores the record, replacing the program's previous one. */
  put(tenantId: TenantId, record: ProposalRecord): Promise<void>;
}

/** The repository over `db` (or a transaction). */
export function proposalRepository(db: Kysely<Database>): ProposalRepository {
  const table = 'proposals';
  return {
    async get(tenantId, program) {
      const row = await db
        .selectFrom(table)
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('program_id', '=', program)
        .executeTakeFirst();
      return row === undefined ? undefined : toRecord(row);
    },

    async put(tenantId, record) {
      if (record.tenantId !== tenantId) throw new Error('proposal belongs to another tenant than the one it is written under');
      const columns = {
        kind: record.kind,
        cycle: record.cycle,
        status: record.status,
        run_id: record.runId,
        proposal: record.proposal === null ? null : JSON.stringify(record.proposal),
        error: record.error === null ? null : JSON.stringify(record.error),
        started_at: new Date(record.startedAt),
        updated_at: new Date(record.updatedAt),
      };
      await db
        .insertInto(table)
        .values({ tenant_id: tenantId, program_id: record.programId, ...columns })
        // The conflict target includes tenant_id, so the update can only reach this tenant's row.
        .onConflict((conflict) => conflict.columns(['tenant_id', 'program_id']).doUpdateSet(columns))
        .execute();
    },
  };
}

function toRecord(row: Selectable<ProposalsTable>): ProposalRecord {
  return {
    tenantId: row.tenant_id,
    programId: programId(row.program_id),
    kind: row.kind as ProposalKind,
    cycle: row.cycle,
    status: row.status as ProposalStatus,
    runId: row.run_id,
    proposal: (row.proposal as Proposal | null) ?? null,
    error: (row.error as RunFailure | null) ?? null,
    startedAt: epochMs(row.started_at.getTime()),
    updatedAt: epochMs(row.updated_at.getTime()),
  };
}
