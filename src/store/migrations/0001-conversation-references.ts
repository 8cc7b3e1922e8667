import type { Kysely } from 'kysely';

/** Where the bot can reach each person proactively (see `ConversationReferencesTable`). */
export const conversationReferences0001 = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('conversation_references')
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('conversation_id', 'text', (c) => c.notNull())
      .addColumn('service_url', 'text', (c) => c.notNull())
      .addColumn('channel_id', 'text', (c) => c.notNull())
      .addColumn('bot_id', 'text', (c) => c.notNull())
      .addColumn('user_name', 'text')
      .addColumn('blocked_at', 'timestamptz')
      .addColumn('installed_at', 'timestamptz', (c) => c.notNull())
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
      // tenant_id leads the key so every tenant-scoped lookup and listing uses this index.
      .addPrimaryKeyConstraint('conversation_references_pk', ['tenant_id', 'user_id'])
      .execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('conversation_references').execute();
  },
};
