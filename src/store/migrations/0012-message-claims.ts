import type { Kysely } from 'kysely';

/**
 * Claims on proactive messages being sent right now (see `MessageClaimsTable`): a sender inserts
 * the claim before it calls the Bot Connector and deletes it once the send is recorded in
 * `sent_messages` (or failed), so two app instances, or a timed job and an admin's "send it now",
 * never both deliver one message key to one person. A row only outlives its send when a process
 * died mid-send; it is then taken over once stale (see `CLAIM_STALE_AFTER_MS`).
 */
export const messageClaims0012 = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('message_claims')
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('message_key', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      // Which sender holds it: releasing needs it, so a sender whose claim was taken over cannot delete the new holder's.
      .addColumn('claim_id', 'text', (c) => c.notNull())
      // The database's clock, not an instance's: every instance judges staleness against the same clock.
      .addColumn('claimed_at', 'timestamptz', (c) => c.notNull())
      .addPrimaryKeyConstraint('message_claims_pk', ['tenant_id', 'message_key', 'user_id'])
      .execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('message_claims').execute();
  },
};
