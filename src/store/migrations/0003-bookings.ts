import type { Kysely } from 'kysely';

/**
 * Booked meeting series of mentoring pairs and the cohort runs that book them. A booking row is
 * written before anything is sent to Graph (state `pending`, then `planned` with its plan), so a
 * run that crashes resumes from the rows: nothing is booked twice and no pair is lost.
 */
export const bookings0003 = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('booking_runs')
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('program_id', 'text', (c) => c.notNull())
      .addColumn('cycle', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('phase', 'text', (c) => c.notNull())
      .addColumn('total', 'integer', (c) => c.notNull())
      // Cadence, duration, term, organiser rule, subject and agenda: what every pair is booked with.
      .addColumn('settings', 'jsonb', (c) => c.notNull())
      .addColumn('graph_requests', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('error', 'text')
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .addColumn('started_at', 'timestamptz')
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
      .addColumn('finished_at', 'timestamptz')
      .addPrimaryKeyConstraint('booking_runs_pk', ['tenant_id', 'id'])
      .execute();
    // One cohort run per program cycle: starting it twice finds the first.
    await db.schema.createIndex('booking_runs_program_cycle').unique().on('booking_runs').columns(['tenant_id', 'program_id', 'cycle']).execute();

    await db.schema
      .createTable('bookings')
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('program_id', 'text', (c) => c.notNull())
      .addColumn('pair_id', 'text', (c) => c.notNull())
      .addColumn('cycle', 'integer', (c) => c.notNull())
      .addColumn('run_id', 'text')
      // Position in its run, so a run plans its pairs in the same order after a restart.
      .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('organiser_id', 'text', (c) => c.notNull())
      .addColumn('attendee_id', 'text', (c) => c.notNull())
      .addColumn('people', 'jsonb', (c) => c.notNull())
      .addColumn('settings', 'jsonb', (c) => c.notNull())
      .addColumn('plan', 'jsonb')
      .addColumn('occurrences', 'jsonb', (c) => c.notNull())
      .addColumn('series', 'jsonb', (c) => c.notNull())
      // The first series' Graph ids, as columns: what support looks up by.
      .addColumn('transaction_id', 'text', (c) => c.notNull())
      .addColumn('event_id', 'text')
      .addColumn('join_url', 'text')
      .addColumn('reason_code', 'text')
      .addColumn('reason', 'text')
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
      .addPrimaryKeyConstraint('bookings_pk', ['tenant_id', 'id'])
      .execute();
    await db.schema.createIndex('bookings_pair_cycle').unique().on('bookings').columns(['tenant_id', 'program_id', 'pair_id', 'cycle']).execute();
    await db.schema.createIndex('bookings_run').on('bookings').columns(['tenant_id', 'run_id', 'position']).execute();
    await db.schema.createIndex('bookings_organiser').on('bookings').columns(['tenant_id', 'organiser_id']).execute();
    await db.schema.createIndex('bookings_attendee').on('bookings').columns(['tenant_id', 'attendee_id']).execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('bookings').execute();
    await db.schema.dropTable('booking_runs').execute();
  },
};
