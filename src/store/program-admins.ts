/**
 * Who administers which program, one organisation at a time: every statement is filtered by the
 * tenant. A program with no row is unclaimed (see migration 0010): every program admin may manage
 * it until one claims it.
 */
import type { Kysely, Selectable } from 'kysely';
import type { TenantId, UserId } from '../core/ids.ts';
import { userId as toUserId } from '../core/ids.ts';
import { epochMs, type EpochMs } from '../core/time.ts';
import type { Database, ProgramAdminsTable } from './schema.ts';

/** The owner created (or claimed) the program and may add and remove co-admins; co-admins run it. */
export const PROGRAM_ADMIN_ROLES = ['owner', 'co-admin'] as const;
export type ProgramAdminRole = (typeof PROGRAM_ADMIN_ROLES)[number];

export interface ProgramAdmin {
  readonly programId: string;
  readonly userId: UserId;
  readonly role: ProgramAdminRole;
  readonly displayName: string | null;
  readonly addedBy: UserId;
  readonly addedAt: EpochMs;
}

/** How one person stands with one program: their row's role, and whether anyone holds one at all. */
export interface ProgramAdminStanding {
  readonly role: ProgramAdminRole | undefined;
  readonly claimed: boolean;
}

export interface ProgramAdminRepository {
  /** Adds the person; false (and nothing changed) when they already administer the program. */
  add(tenantId: TenantId, admin: ProgramAdmin): Promise<boolean>;
  /** Removes a co-admin; false when they are not one (an owner is never removed here). */
  removeCoAdmin(tenantId: TenantId, programId: string, userId: UserId): Promise<boolean>;
  /** The program's admins, owner first, then by when they were added. */
  list(tenantId: TenantId, programId: string): Promise<ProgramAdmin[]>;
  standing(tenantId: TenantId, programId: string, userId: UserId): Promise<ProgramAdminStanding>;
  /** Per claimed program of the tenant: whether `userId` is one of its admins. Unclaimed programs are absent. */
  claimedPrograms(tenantId: TenantId, userId: UserId): Promise<ReadonlyMap<string, boolean>>;
}

/** The repository over `db` (or a transaction). */
export function programAdminRepository(db: Kysely<Database>): ProgramAdminRepository {
  const table = 'program_admins';
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  return {
    async add(tenantId, admin) {
      const inserted = await db
        .insertInto(table)
        .values({
          tenant_id: tenantId,
          program_id: admin.programId,
          user_id: admin.userId,
          role: admin.role,
          display_name: admin.displayName,
          added_by: admin.addedBy,
          added_at: new Date(admin.addedAt),
        })
        .onConflict((oc) => oc.columns(['tenant_id', 'program_id', 'user_id']).doNothing())
        .executeTakeFirst();
      return (inserted.numInsertedOrUpdatedRows ?? 0n) > 0n;
    },

    async removeCoAdmin(tenantId, programId, userId) {
      const result = await db
        .deleteFrom(table)
        .where('tenant_id', '=', tenantId)
        .where('program_id', '=', programId)
        .where('user_id', '=', userId)
        .where('role', '=', 'co-admin')
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },

    async list(tenantId, programId) {
      const rows = await db.selectFrom(table).selectAll().where('tenant_id', '=', tenantId).where('program_id', '=', programId).orderBy('added_at').orderBy('user_id').execute();
      const admins = rows.map(toAdmin);
      return [...admins.filter((a) => a.role === 'owner'), ...admins.filter((a) => a.role !== 'owner')];
    },

    async standing(tenantId, programId, userId) {
      const rows = await db.selectFrom(table).select(['user_id', 'role']).where('tenant_id', '=', tenantId).where('program_id', '=', programId).execute();
      const mine = rows.find((r) => same(r.user_id, userId));
      return { role: mine === undefined ? undefined : (mine.role as ProgramAdminRole), claimed: rows.length > 0 };
    },

    async claimedPrograms(tenantId, userId) {
      const rows = await db.selectFrom(table).select(['program_id', 'user_id']).where('tenant_id', '=', tenantId).execute();
      const out = new Map<string, boolean>();
      for (const row of rows) out.set(row.program_id, (out.get(row.program_id) ?? false) || same(row.user_id, userId));
      return out;
    },
  };
}

function toAdmin(row: Selectable<ProgramAdminsTable>): ProgramAdmin {
  return {
    programId: row.program_id,
    userId: toUserId(row.user_id),
    role: row.role as ProgramAdminRole,
    displayName: row.display_name,
    addedBy: toUserId(row.added_by),
    addedAt: epochMs(row.added_at.getTime()),
  };
}
