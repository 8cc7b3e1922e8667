import type { Kysely } from 'kysely';

/**
 * Which booked series each person's introduction card shows (see `IntroductionSeriesTable`): the
 * job that updates the card once the pair's series is booked or moved skips people whose card
 * already shows it, so a retried or replayed job updates and sends nothing twice.
 */
export const introductionSeries0011 = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('introduction_series')
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('pairing_id', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('series_key', 'text', (c) => c.notNull())
      .addColumn('shown_at', 'timestamptz', (c) => c.notNull())
      .addPrimaryKeyConstraint('introduction_series_pk', ['tenant_id', 'pairing_id', 'user_id'])
      .execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('introduction_series').execute();
  },
};
