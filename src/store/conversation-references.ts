import type { Kysely, Selectable } from 'kysely';
import type { TenantId, UserId } from '../core/ids.ts';
import { epochMs, type EpochMs } from '../core/time.ts';
import type { ConversationReferencesTable, Database } from './schema.ts';

/** What the bot needs to message one person proactively, as the rest of Upward sees it. */
export interface ConversationReference {
  readonly tenantId: TenantId;
  /** The person's Entra object id. */
  readonly userId: UserId;
  readonly conversationId: string;
  readonly serviceUrl: string;
  readonly channelId: string;
  readonly botId: string;
  readonly userName: string | undefined;
  /**
   * Their Teams user id (`29:…`), from the `from.id` of their own activities; `undefined` until
   * the bot has seen one (a reference stored from Graph's chat id alone has none).
   */
  readonly teamsUserId: string | undefined;
  /** Set once sending failed because the person blocked or removed the bot. */
  readonly blockedAt: EpochMs | undefined;
  readonly installedAt: EpochMs;
  readonly updatedAt: EpochMs;
}

/** A fresh sighting of a person's conversation (install, or a message from them), at `at`. */
export interface ConversationReferenceSighting {
  readonly userId: UserId;
  readonly conversationId: string;
  readonly serviceUrl: string;
  readonly channelId: string;
  readonly botId: string;
  readonly userName?: string | undefined;
  /** The `from.id` of the activity, when it is a Teams id rather than the object id itself. */
  readonly teamsUserId?: string | undefined;
  readonly at: EpochMs;
}

/**
 * Conversation references of one organisation at a time: every method takes the tenant first
 * and every statement is filtered by it, so no call can read or change another tenant's rows.
 */
export interface ConversationReferenceRepository {
  /**
   * Records where the person can be reached. A new row is installed at `at`; an existing one takes
   * the new addresses and is no longer blocked (the person just reached us, so they can be reached).
   */
  upsert(tenantId: TenantId, sighting: ConversationReferenceSighting): Promise<ConversationReference>;
  get(tenantId: TenantId, userId: UserId): Promise<ConversationReference | undefined>;
  /** The Teams user ids known for `userIds` (people without one are left out). */
  teamsUserIds(tenantId: TenantId, userIds: readonly UserId[]): Promise<Map<UserId, string>>;
  /** All of the tenant's references, blocked ones included, ordered by user id. */
  listForTenant(tenantId: TenantId): Promise<ConversationReference[]>;
  /** Marks the person unreachable since `at` (the first time wins); false if there is no such row. */
  markBlocked(tenantId: TenantId, userId: UserId, at: EpochMs): Promise<boolean>;
}

/**
 * The repository over `db`. Pass a transaction (`trx`) instead of the store's `db` to make its
 * statements part of that transaction.
 */
export function conversationReferenceRepository(db: Kysely<Database>): ConversationReferenceRepository {
  const table = 'conversation_references';
  return {
    async upsert(tenantId, sighting) {
      const at = new Date(sighting.at);
      const row = await db
        .insertInto(table)
        .values({
          tenant_id: tenantId,
          user_id: sighting.userId,
          conversation_id: sighting.conversationId,
          service_url: sighting.serviceUrl,
          channel_id: sighting.channelId,
          bot_id: sighting.botId,
          user_name: sighting.userName ?? null,
          teams_user_id: sighting.teamsUserId ?? null,
          blocked_at: null,
          installed_at: at,
          updated_at: at,
        })
        // The conflict target includes tenant_id, so the update can only reach this tenant's row.
        .onConflict((conflict) =>
          conflict.columns(['tenant_id', 'user_id']).doUpdateSet((eb) => ({
            conversation_id: eb.ref('excluded.conversation_id'),
            service_url: eb.ref('excluded.service_url'),
            channel_id: eb.ref('excluded.channel_id'),
            bot_id: eb.ref('excluded.bot_id'),
            // Keep a known name when this sighting carries none.
            user_name: eb.fn.coalesce('excluded.user_name', `${table}.user_name`),
            // Likewise the Teams id: a sighting from Graph's chat id carries none.
            teams_user_id: eb.fn.coalesce('excluded.teams_user_id', `${table}.teams_user_id`),
            blocked_at: null,
            updated_at: at,
          })),
        )
        .returningAll()
        .executeTakeFirstOrThrow();
      return toReference(row);
    },

    async get(tenantId, userId) {
      const row = await db
        .selectFrom(table)
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return row === undefined ? undefined : toReference(row);
    },

    async teamsUserIds(tenantId, userIds) {
      if (userIds.length === 0) return new Map();
      const rows = await db
        .selectFrom(table)
        .select(['user_id', 'teams_user_id'])
        .where('tenant_id', '=', tenantId)
        .where('user_id', 'in', [...userIds])
        .where('teams_user_id', 'is not', null)
        .execute();
      return new Map(rows.map((row) => [row.user_id, row.teams_user_id!]));
    },

    async listForTenant(tenantId) {
      const rows = await db.selectFrom(table).selectAll().where('tenant_id', '=', tenantId).orderBy('user_id').execute();
      return rows.map(toReference);
    },

    async markBlocked(tenantId, userId, at) {
      const result = await db
        .updateTable(table)
        .set((eb) => ({ blocked_at: eb.fn.coalesce('blocked_at', eb.val(new Date(at))), updated_at: new Date(at) }))
        .where('tenant_id', '=', tenantId)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
  };
}

function toReference(row: Selectable<ConversationReferencesTable>): ConversationReference {
  return {
    tenantId: row.tenant_id,
    userId: row.user_id,
    conversationId: row.conversation_id,
    serviceUrl: row.service_url,
    channelId: row.channel_id,
    botId: row.bot_id,
    userName: row.user_name ?? undefined,
    teamsUserId: row.teams_user_id ?? undefined,
    blockedAt: row.blocked_at === null ? undefined : epochMs(row.blocked_at.getTime()),
    installedAt: epochMs(row.installed_at.getTime()),
    updatedAt: epochMs(row.updated_at.getTime()),
  };
}
