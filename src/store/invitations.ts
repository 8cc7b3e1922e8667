import type { Kysely, Selectable } from 'kysely';
import type { TenantId, UserId } from '../core/ids.ts';
import type { Role } from '../core/programs/enrolment.ts';
import { programId, type ProgramId } from '../core/programs/program.ts';
import { epochMs, type EpochMs } from '../core/time.ts';
import type { Database, InvitationsTable } from './schema.ts';

/** Where an invitation stands: waiting for the person, or answered by them. */
export type InvitationStatus = 'pending' | 'accepted' | 'declined';

/** An admin asked a person to join a program in a role; only the person can turn it into an enrolment. */
export interface Invitation {
  readonly tenantId: TenantId;
  readonly programId: ProgramId;
  readonly userId: UserId;
  readonly role: Role;
  readonly displayName: string;
  readonly status: InvitationStatus;
  readonly invitedBy: UserId;
  readonly invitedAt: EpochMs;
  readonly respondedAt: EpochMs | null;
}

/** Invitations of one organisation at a time; every statement is filtered by the tenant. */
export interface InvitationRepository {
  /** Creates the invitation, or renews a declined one as pending (an accepted one is left alone). */
  upsertPending(tenantId: TenantId, invitation: Omit<Invitation, 'tenantId' | 'status' | 'respondedAt'>): Promise<Invitation>;
  get(tenantId: TenantId, programId: ProgramId, userId: UserId): Promise<Invitation | undefined>;
  listForProgram(tenantId: TenantId, programId: ProgramId): Promise<Invitation[]>;
  listForUser(tenantId: TenantId, userId: UserId): Promise<Invitation[]>;
  /** Records the person's answer; false when there is no such invitation. */
  respond(tenantId: TenantId, programId: ProgramId, userId: UserId, status: 'accepted' | 'declined', at: EpochMs): Promise<boolean>;
}

/** The repository over `db` (or a transaction). */
export function invitationRepository(db: Kysely<Database>): InvitationRepository {
  const table = 'invitations';
  const get = async (tenantId: TenantId, program: ProgramId, user: UserId): Promise<Invitation | undefined> => {
    const row = await db
      .selectFrom(table)
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('program_id', '=', program)
      .where('user_id', '=', user)
      .executeTakeFirst();
    return row === undefined ? undefined : toInvitation(row);
  };
  return {
    get,

    async upsertPending(tenantId, invitation) {
      const row = await db
        .insertInto(table)
        .values({
          tenant_id: tenantId,
          program_id: invitation.programId,
          user_id: invitation.userId,
          role: invitation.role,
          display_name: invitation.displayName,
          status: 'pending',
          invited_by: invitation.invitedBy,
          invited_at: new Date(invitation.invitedAt),
          responded_at: null,
        })
        .onConflict((conflict) =>
          conflict
            .columns(['tenant_id', 'program_id', 'user_id'])
            .doUpdateSet({
              role: invitation.role,
              display_name: invitation.displayName,
              status: 'pending',
              invited_by: invitation.invitedBy,
              invited_at: new Date(invitation.invitedAt),
              responded_at: null,
            })
            .where(`${table}.status`, '<>', 'accepted'),
        )
        .returningAll()
        .executeTakeFirst();
      // No row back: the person had already accepted, and that answer stands.
      return row === undefined ? (await get(tenantId, invitation.programId, invitation.userId))! : toInvitation(row);
    },

    async listForProgram(tenantId, program) {
      const rows = await db
        .selectFrom(table)
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('program_id', '=', program)
        .orderBy('invited_at')
        .orderBy('user_id')
        .execute();
      return rows.map(toInvitation);
    },

    async listForUser(tenantId, user) {
      const rows = await db
        .selectFrom(table)
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('user_id', '=', user)
        .orderBy('invited_at')
        .execute();
      return rows.map(toInvitation);
    },

    async respond(tenantId, program, user, status, at) {
      const result = await db
        .updateTable(table)
        .set({ status, responded_at: new Date(at) })
        .where('tenant_id', '=', tenantId)
        .where('program_id', '=', program)
        .where('user_id', '=', user)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
  };
}

function toInvitation(row: Selectable<InvitationsTable>): Invitation {
  return {
    tenantId: row.tenant_id,
    programId: programId(row.program_id),
    userId: row.user_id,
    role: row.role as Role,
    displayName: row.display_name,
    status: row.status as InvitationStatus,
    invitedBy: row.invited_by,
    invitedAt: epochMs(row.invited_at.getTime()),
    respondedAt: row.responded_at === null ? null : epochMs(row.responded_at.getTime()),
  };
}
