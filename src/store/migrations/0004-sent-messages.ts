import type { Kysely } from 'kysely';

/**
 * Proactive messages the bot has sent, one row per message key and person (see
 * `SentMessagesTable`): a job that is retried finds its earlier sends here and does not repeat them.
 */
export const sentMessages0004 = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('sent_messages')
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('message_key', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('activity_id', 'text', (c) => c.notNull())
      // Where the activity is, so a later card update (PUT) reaches it even if the person's conversation changed since.
      .addColumn('conversation_id', 'text', (c) => c.notNull())
      .addColumn('sent_at', 'timestamptz', (c) => c.notNull())
      .addPrimaryKeyConstraint('sent_messages_pk', ['tenant_id', 'message_key', 'user_id'])
      .execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('sent_messages').execute();
  },
};
