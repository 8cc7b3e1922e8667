import type { ColumnType } from 'kysely';
import type { TenantId, UserId } from '../core/ids.ts';

/**
 * A column written once at insert and never updated: the key columns of every tenant-owned
 * table. Kysely then refuses `set({ tenant_id })` at compile time, so a row cannot be moved
 * between organisations by accident.
 */
type Immutable<T> = ColumnType<T, T, never>;

/**
 * One row per person Upward can message proactively in Teams: what the Bot Connector needs to
 * reach them. Keyed by (tenant_id, user_id); user_id is the person's Entra object id (`oid`,
 * `aadObjectId` on Teams activities), not the Teams-specific `29:` id.
 */
export interface ConversationReferencesTable {
  tenant_id: Immutable<TenantId>;
  user_id: Immutable<UserId>;
  conversation_id: string;
  service_url: string;
  channel_id: string;
  bot_id: string;
  user_name: string | null;
  /** When sending failed because the person blocked or uninstalled the bot; null while reachable. */
  blocked_at: Date | null;
  installed_at: Immutable<Date>;
  updated_at: Date;
}

/**
 * The database as Kysely sees it: every table and its column types. Tables that belong to an
 * organisation type `tenant_id` as the branded `TenantId`, so a query can only be scoped by a
 * value that was made a tenant id on purpose.
 */
export interface Database {
  conversation_references: ConversationReferencesTable;
}
