import type { Kysely } from 'kysely';

/**
 * A pair's shared backlog of things to talk about (see `AgendaBacklogTable`). Keyed by the item's
 * id within the pair, so a retried "add to agenda" (same id) never adds a second row.
 */
export const agendaBacklog0006 = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('agenda_backlog')
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('pair_id', 'text', (c) => c.notNull())
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      // A link back to where the item came from (a Teams message), when there is one.
      .addColumn('link', 'text')
      .addColumn('added_by', 'text', (c) => c.notNull())
      .addColumn('added_at', 'timestamptz', (c) => c.notNull())
      .addColumn('done_at', 'timestamptz')
      .addPrimaryKeyConstraint('agenda_backlog_pk', ['tenant_id', 'pair_id', 'id'])
      .execute();
    // The agenda reads a pair's open items oldest first.
    await db.schema.createIndex('agenda_backlog_by_pair').on('agenda_backlog').columns(['tenant_id', 'pair_id', 'added_at']).execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('agenda_backlog').execute();
  },
};
