import type { Kysely } from 'kysely';

/**
 * The person's Teams user id (`29:…`, the `from.id` of their activities) beside the conversation
 * reference: cards list it in `refresh.userIds`, the MRI Teams matches viewers against. Nullable
 * and additive: a row from before it (or one stored from Graph's chat id alone) has none, and
 * cards fall back to the `8:orgid:` MRI of the Entra object id.
 */
export const teamsUserIds0009 = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('conversation_references').addColumn('teams_user_id', 'text').execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('conversation_references').dropColumn('teams_user_id').execute();
  },
};
