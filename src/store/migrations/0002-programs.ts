import type { Kysely } from 'kysely';

/**
 * Programs, enrolments, invitations, the matching proposal under review, published pairings and
 * the program's event record. Every table leads its key with tenant_id, and every child refers to
 * its program by (tenant_id, program_id), so a row can never point into another organisation.
 */
export const programs0002 = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('programs')
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('rotation_cycle', 'integer', (c) => c.notNull())
      // Settings the core validates as a whole (objectives, tracks, cadence, term, rules, …).
      .addColumn('settings', 'jsonb', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
      .addColumn('state_changed_at', 'timestamptz', (c) => c.notNull())
      .addPrimaryKeyConstraint('programs_pk', ['tenant_id', 'id'])
      .execute();

    await db.schema
      .createTable('enrolments')
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('program_id', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('profile', 'jsonb', (c) => c.notNull())
      .addColumn('answers', 'jsonb', (c) => c.notNull())
      // Kept apart from the answers so no query that builds a shared view selects it by accident.
      .addColumn('do_not_pair_with', 'jsonb', (c) => c.notNull())
      .addColumn('paused_until', 'timestamptz')
      .addColumn('left_at', 'timestamptz')
      .addColumn('left_reason', 'text')
      .addColumn('enrolled_at', 'timestamptz', (c) => c.notNull())
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
      .addPrimaryKeyConstraint('enrolments_pk', ['tenant_id', 'program_id', 'user_id'])
      .addForeignKeyConstraint('enrolments_program_fk', ['tenant_id', 'program_id'], 'programs', ['tenant_id', 'id'])
      .execute();

    await db.schema
      .createTable('invitations')
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('program_id', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      // The name the directory had when the admin invited them, for the admin's list.
      .addColumn('display_name', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('invited_by', 'text', (c) => c.notNull())
      .addColumn('invited_at', 'timestamptz', (c) => c.notNull())
      .addColumn('responded_at', 'timestamptz')
      .addPrimaryKeyConstraint('invitations_pk', ['tenant_id', 'program_id', 'user_id'])
      .addForeignKeyConstraint('invitations_program_fk', ['tenant_id', 'program_id'], 'programs', ['tenant_id', 'id'])
      .execute();

    // One proposal per program: the draft the admin reviews until it is published.
    await db.schema
      .createTable('proposals')
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('program_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('cycle', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('run_id', 'text', (c) => c.notNull())
      .addColumn('proposal', 'jsonb')
      .addColumn('error', 'jsonb')
      .addColumn('started_at', 'timestamptz', (c) => c.notNull())
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
      .addPrimaryKeyConstraint('proposals_pk', ['tenant_id', 'program_id'])
      .addForeignKeyConstraint('proposals_program_fk', ['tenant_id', 'program_id'], 'programs', ['tenant_id', 'id'])
      .execute();

    await db.schema
      .createTable('pairings')
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('program_id', 'text', (c) => c.notNull())
      .addColumn('cycle', 'integer', (c) => c.notNull())
      .addColumn('mentor_id', 'text', (c) => c.notNull())
      .addColumn('mentee_id', 'text', (c) => c.notNull())
      .addColumn('co_mentor_id', 'text')
      .addColumn('score', 'integer', (c) => c.notNull())
      .addColumn('reasons', 'jsonb', (c) => c.notNull())
      .addColumn('published_at', 'timestamptz', (c) => c.notNull())
      .addColumn('ended_at', 'timestamptz')
      .addColumn('end_reason', 'text')
      .addColumn('ended_by', 'text')
      .addPrimaryKeyConstraint('pairings_pk', ['tenant_id', 'id'])
      .addForeignKeyConstraint('pairings_program_fk', ['tenant_id', 'program_id'], 'programs', ['tenant_id', 'id'])
      .execute();
    await db.schema.createIndex('pairings_program_idx').on('pairings').columns(['tenant_id', 'program_id', 'cycle']).execute();
    // The same two people are paired at most once per cycle, even under concurrent publishes.
    await db.schema
      .createIndex('pairings_pair_cycle_uq')
      .unique()
      .on('pairings')
      .columns(['tenant_id', 'program_id', 'cycle', 'mentor_id', 'mentee_id'])
      .execute();

    await db.schema
      .createTable('program_events')
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('program_id', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('payload', 'jsonb', (c) => c.notNull())
      .addColumn('occurred_at', 'timestamptz', (c) => c.notNull())
      .addColumn('seq', 'bigserial', (c) => c.notNull())
      .addPrimaryKeyConstraint('program_events_pk', ['tenant_id', 'id'])
      .addForeignKeyConstraint('program_events_program_fk', ['tenant_id', 'program_id'], 'programs', ['tenant_id', 'id'])
      .execute();
    await db.schema.createIndex('program_events_program_idx').on('program_events').columns(['tenant_id', 'program_id', 'seq']).execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    for (const table of ['program_events', 'pairings', 'proposals', 'invitations', 'enrolments', 'programs']) {
      await db.schema.dropTable(table).execute();
    }
  },
};
