import { sql, type Kysely } from 'kysely';

/**
 * Who administers each program (see `ProgramAdminsTable`): its owner (the admin who created it)
 * and the co-admins the owner added. The Upward.ProgramAdmin role alone no longer reaches every
 * program of the organisation.
 *
 * Existing programs: every row already records its creator (`programs.created_by`, not null since
 * 0002), so each becomes owned by its creator — the person who was managing it. A program with no
 * admin row at all (written outside the program use cases, e.g. seeded straight into the store)
 * stays reachable by every program admin of the organisation until one of them claims it
 * (`POST /api/programs/:id/claim`), so nothing becomes unreachable by this migration.
 */
export const programAdmins0010 = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('program_admins')
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('program_id', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      // `owner` (one per program, may add and remove co-admins) or `co-admin`.
      .addColumn('role', 'text', (c) => c.notNull())
      // The directory name when they were added, for the admin list (null for rows backfilled here).
      .addColumn('display_name', 'text')
      .addColumn('added_by', 'text', (c) => c.notNull())
      .addColumn('added_at', 'timestamptz', (c) => c.notNull())
      .addPrimaryKeyConstraint('program_admins_pk', ['tenant_id', 'program_id', 'user_id'])
      .addForeignKeyConstraint('program_admins_program_fk', ['tenant_id', 'program_id'], 'programs', ['tenant_id', 'id'])
      .execute();
    // An admin's program list: the programs they administer.
    await db.schema.createIndex('program_admins_by_user').on('program_admins').columns(['tenant_id', 'user_id']).execute();
    await sql`
      insert into program_admins (tenant_id, program_id, user_id, role, display_name, added_by, added_at)
      select tenant_id, id, created_by, 'owner', null, created_by, created_at from programs`.execute(db);
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('program_admins').execute();
  },
};
