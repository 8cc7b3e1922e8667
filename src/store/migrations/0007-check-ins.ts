import type { Kysely } from 'kysely';

/**
 * Answers to the private check-in after two missed sessions in a row (see `CheckInsTable`). One
 * row per person per streak: a repeated click on the same card stores nothing more.
 */
export const checkIns0007 = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('check_ins')
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('streak_key', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('program_id', 'text', (c) => c.notNull())
      .addColumn('pair_id', 'text', (c) => c.notNull())
      .addColumn('choice', 'text', (c) => c.notNull())
      .addColumn('answered_at', 'timestamptz', (c) => c.notNull())
      .addPrimaryKeyConstraint('check_ins_pk', ['tenant_id', 'streak_key', 'user_id'])
      .execute();
    // The admin's program health counts a program's check-ins.
    await db.schema.createIndex('check_ins_by_program').on('check_ins').columns(['tenant_id', 'program_id']).execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('check_ins').execute();
  },
};
