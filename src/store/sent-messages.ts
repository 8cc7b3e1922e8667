import type { Kysely, Selectable } from 'kysely';
import type { TenantId, UserId } from '../core/ids.ts';
import { epochMs, type EpochMs } from '../core/time.ts';
import { messageClaimRepository, type MessageClaimRepository } from './message-claims.ts';
import type { Database, SentMessagesTable } from './schema.ts';

/** A proactive message the bot sent one person under a message key. */
export interface SentMessage {
  readonly tenantId: TenantId;
  readonly messageKey: string;
  readonly userId: UserId;
  /** The Bot Connector's id of the activity (what a card update replaces). */
  readonly activityId: string;
  readonly conversationId: string;
  readonly sentAt: EpochMs;
}

/** What to record once the connector has accepted a message. */
export interface SentMessageRecord {
  readonly messageKey: string;
  readonly userId: UserId;
  readonly activityId: string;
  readonly conversationId: string;
  readonly sentAt: EpochMs;
}

/**
 * Sent proactive messages of one organisation at a time: every method takes the tenant first
 * and every statement is filtered by it. With them come the claims a sender takes while a
 * message is on its way (`message-claims.ts`), so whoever sends through this log cannot leave
 * them out.
 */
export interface SentMessageRepository extends MessageClaimRepository {
  find(tenantId: TenantId, messageKey: string, userId: UserId): Promise<SentMessage | undefined>;
  /** Those of `userIds` already sent `messageKey`, by user id (one query for a whole batch). */
  findMany(tenantId: TenantId, messageKey: string, userIds: readonly UserId[]): Promise<Map<UserId, SentMessage>>;
  /** Records a send; false when the key was already recorded for the person (the first record is kept). */
  record(tenantId: TenantId, sent: SentMessageRecord): Promise<boolean>;
  /** Everyone sent `messageKey`, ordered by user id. */
  listForKey(tenantId: TenantId, messageKey: string): Promise<SentMessage[]>;
}

/** Postgres caps bind parameters per statement; large batches are looked up in chunks. */
const LOOKUP_CHUNK = 1_000;

/** The repository over `db` (or a transaction). */
export function sentMessageRepository(db: Kysely<Database>): SentMessageRepository {
  const table = 'sent_messages';
  return {
    ...messageClaimRepository(db),

    async find(tenantId, messageKey, userId) {
      const row = await db
        .selectFrom(table)
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('message_key', '=', messageKey)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return row === undefined ? undefined : toSentMessage(row);
    },

    async findMany(tenantId, messageKey, userIds) {
      const found = new Map<UserId, SentMessage>();
      for (let i = 0; i < userIds.length; i += LOOKUP_CHUNK) {
        const chunk = userIds.slice(i, i + LOOKUP_CHUNK);
        const rows = await db
          .selectFrom(table)
          .selectAll()
          .where('tenant_id', '=', tenantId)
          .where('message_key', '=', messageKey)
          .where('user_id', 'in', chunk)
          .execute();
        for (const row of rows) found.set(row.user_id, toSentMessage(row));
      }
      return found;
    },

    async record(tenantId, sent) {
      const result = await db
        .insertInto(table)
        .values({
          tenant_id: tenantId,
          message_key: sent.messageKey,
          user_id: sent.userId,
          activity_id: sent.activityId,
          conversation_id: sent.conversationId,
          sent_at: new Date(sent.sentAt),
        })
        .onConflict((conflict) => conflict.columns(['tenant_id', 'message_key', 'user_id']).doNothing())
        .executeTakeFirst();
      return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
    },

    async listForKey(tenantId, messageKey) {
      const rows = await db.selectFrom(table).selectAll().where('tenant_id', '=', tenantId).where('message_key', '=', messageKey).orderBy('user_id').execute();
      return rows.map(toSentMessage);
    },
  };
}

function toSentMessage(row: Selectable<SentMessagesTable>): SentMessage {
  return {
    tenantId: row.tenant_id,
    messageKey: row.message_key,
    userId: row.user_id,
    activityId: row.activity_id,
    conversationId: row.conversation_id,
    sentAt: epochMs(row.sent_at.getTime()),
  };
}
