import type { Kysely } from 'kysely';

/**
 * When the author marked their feedback's action done (null: not done). Nullable and additive,
 * so rows written before it read as "not done".
 */
export const actionDone0008 = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('feedback').addColumn('action_done_at', 'timestamptz').execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('feedback').dropColumn('action_done_at').execute();
  },
};
