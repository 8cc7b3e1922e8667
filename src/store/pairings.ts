import type { Kysely, Selectable } from 'kysely';
import type { Brand, TenantId, UserId } from '../core/ids.ts';
import type { Pairing } from '../core/matching/repair.ts';
import { programId, type ProgramId } from '../core/programs/program.ts';
import { epochMs, type EpochMs } from '../core/time.ts';
import type { Database, PairingsTable } from './schema.ts';

/** Upward's id of a published pair. */
export type PairingId = Brand<string, 'PairingId'>;
export const pairingId = (value: string): PairingId => value as PairingId;

/** Why a pairing stopped: one side left (no fault), a new cycle rotated everyone, or the program closed. */
export type PairingEndReason = 'no_fault' | 'rotated' | 'closed';

/** A published pair and, once it ended, when and why. Every pairing ever published is history. */
export interface PairingRecord extends Pairing {
  readonly tenantId: TenantId;
  readonly id: PairingId;
  readonly programId: ProgramId;
  readonly score: number;
  readonly reasons: readonly string[];
  readonly publishedAt: EpochMs;
  readonly endedAt: EpochMs | null;
  readonly endReason: PairingEndReason | null;
  /** Who stepped out, for a no-fault exit. */
  readonly endedBy: UserId | null;
}

/** Pairings of one organisation at a time; every statement is filtered by the tenant. */
export interface PairingRepository {
  insertMany(tenantId: TenantId, pairings: readonly PairingRecord[]): Promise<void>;
  get(tenantId: TenantId, id: PairingId): Promise<PairingRecord | undefined>;
  /** The program's pairings of every cycle, ended ones included, oldest first. */
  listForProgram(tenantId: TenantId, programId: ProgramId, options?: { runningOnly?: boolean }): Promise<PairingRecord[]>;
  /** Pairings the person is (or was) in, in any program of the tenant. */
  listForUser(tenantId: TenantId, userId: UserId, options?: { runningOnly?: boolean }): Promise<PairingRecord[]>;
  /** Ends a running pairing; false when it does not exist or has already ended. */
  end(tenantId: TenantId, id: PairingId, ending: { at: EpochMs; reason: PairingEndReason; by: UserId | null }): Promise<boolean>;
  /**
   * Changes who is in a running pairing (a trio continuing as a pair after a mentor left); false
   * when it does not exist or has ended.
   */
  replaceMembers(tenantId: TenantId, id: PairingId, members: { mentorId: UserId; coMentorId: UserId | null }): Promise<boolean>;
  /** Ends every running pairing of the program; returns how many. */
  endAllRunning(tenantId: TenantId, programId: ProgramId, ending: { at: EpochMs; reason: PairingEndReason }): Promise<number>;
  count(tenantId: TenantId, programId: ProgramId): Promise<number>;
}

/** The repository over `db` (or a transaction). */
export function pairingRepository(db: Kysely<Database>): PairingRepository {
  const table = 'pairings';
  return {
    async insertMany(tenantId, pairings) {
      if (pairings.length === 0) return;
      await db
        .insertInto(table)
        .values(
          pairings.map((p) => {
            if (p.tenantId !== tenantId) throw new Error(`pairing ${p.id} belongs to another tenant than the one it is written under`);
            return {
              tenant_id: tenantId,
              id: p.id,
              program_id: p.programId,
              cycle: p.cycle,
              mentor_id: p.mentorId,
              mentee_id: p.menteeId,
              co_mentor_id: p.coMentorId,
              score: p.score,
              reasons: JSON.stringify(p.reasons),
              published_at: new Date(p.publishedAt),
              ended_at: p.endedAt === null ? null : new Date(p.endedAt),
              end_reason: p.endReason,
              ended_by: p.endedBy,
            };
          }),
        )
        .execute();
    },

    async get(tenantId, id) {
      const row = await db.selectFrom(table).selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
      return row === undefined ? undefined : toRecord(row);
    },

    async listForProgram(tenantId, program, options = {}) {
      let query = db.selectFrom(table).selectAll().where('tenant_id', '=', tenantId).where('program_id', '=', program);
      if (options.runningOnly) query = query.where('ended_at', 'is', null);
      const rows = await query.orderBy('cycle').orderBy('published_at').orderBy('id').execute();
      return rows.map(toRecord);
    },

    async listForUser(tenantId, user, options = {}) {
      let query = db
        .selectFrom(table)
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where((eb) => eb.or([eb('mentor_id', '=', user), eb('mentee_id', '=', user), eb('co_mentor_id', '=', user)]));
      if (options.runningOnly) query = query.where('ended_at', 'is', null);
      const rows = await query.orderBy('published_at').orderBy('id').execute();
      return rows.map(toRecord);
    },

    async end(tenantId, id, ending) {
      const result = await db
        .updateTable(table)
        .set({ ended_at: new Date(ending.at), end_reason: ending.reason, ended_by: ending.by })
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .where('ended_at', 'is', null)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async replaceMembers(tenantId, id, members) {
      const result = await db
        .updateTable(table)
        .set({ mentor_id: members.mentorId, co_mentor_id: members.coMentorId })
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .where('ended_at', 'is', null)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async endAllRunning(tenantId, program, ending) {
      const result = await db
        .updateTable(table)
        .set({ ended_at: new Date(ending.at), end_reason: ending.reason, ended_by: null })
        .where('tenant_id', '=', tenantId)
        .where('program_id', '=', program)
        .where('ended_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },

    async count(tenantId, program) {
      const row = await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('tenant_id', '=', tenantId)
        .where('program_id', '=', program)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}

function toRecord(row: Selectable<PairingsTable>): PairingRecord {
  return {
    tenantId: row.tenant_id,
    id: pairingId(row.id),
    programId: programId(row.program_id),
    cycle: row.cycle,
    mentorId: row.mentor_id,
    menteeId: row.mentee_id,
    coMentorId: row.co_mentor_id,
    score: row.score,
    reasons: row.reasons as string[],
    publishedAt: epochMs(row.published_at.getTime()),
    endedAt: row.ended_at === null ? null : epochMs(row.ended_at.getTime()),
    endReason: row.end_reason as PairingEndReason | null,
    endedBy: row.ended_by,
  };
}
