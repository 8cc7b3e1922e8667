import { sql, type Kysely } from 'kysely';

/**
 * Feedback after sessions (see `FeedbackTable`): one row per session and author, so storing the
 * same answers twice (a double click, a retried invoke) can only ever touch one row.
 */
export const feedback0005 = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('feedback')
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('session_key', 'text', (c) => c.notNull())
      .addColumn('author_id', 'text', (c) => c.notNull())
      .addColumn('pair_id', 'text', (c) => c.notNull())
      .addColumn('session_end', 'timestamptz', (c) => c.notNull())
      .addColumn('happened', 'text', (c) => c.notNull())
      .addColumn('rating', 'integer')
      .addColumn('learned', 'text', (c) => c.notNull())
      .addColumn('taught', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('private_note', 'text', (c) => c.notNull())
      .addColumn('share_with_partner', 'boolean', (c) => c.notNull())
      .addColumn('submitted_at', 'timestamptz', (c) => c.notNull())
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
      .addColumn('revision', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('feedback_pk', ['tenant_id', 'session_key', 'author_id'])
      .addCheckConstraint('feedback_rating_range', sql`rating is null or rating between 1 and 5`)
      .execute();
    await db.schema.createIndex('feedback_author_idx').on('feedback').columns(['tenant_id', 'author_id']).execute();
    await db.schema.createIndex('feedback_pair_idx').on('feedback').columns(['tenant_id', 'pair_id']).execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('feedback').execute();
  },
};
