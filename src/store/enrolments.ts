import type { Kysely, Selectable } from 'kysely';
import { userId, type TenantId, type UserId } from '../core/ids.ts';
import { neverShownDoNotPairWith, type DirectoryProfile, type Enrolment, type Role } from '../core/programs/enrolment.ts';
import { programId, type ProgramId } from '../core/programs/program.ts';
import { epochMs } from '../core/time.ts';
import type { Database, EnrolmentsTable } from './schema.ts';

/**
 * Enrolments of one organisation at a time. Rows come back as whole core `Enrolment`s, private
 * `doNotPairWith` included: the callers (the owner's own view, the matcher) decide what to show,
 * through the core's `publicProfile` for anyone else.
 */
export interface EnrolmentRepository {
  insert(tenantId: TenantId, enrolment: Enrolment): Promise<void>;
  get(tenantId: TenantId, programId: ProgramId, userId: UserId): Promise<Enrolment | undefined>;
  /** Everyone enrolled in the program (left people included), in enrolment order. */
  listForProgram(tenantId: TenantId, programId: ProgramId): Promise<Enrolment[]>;
  /** The person's enrolments across the tenant's programs. */
  listForUser(tenantId: TenantId, userId: UserId): Promise<Enrolment[]>;
  /** Writes answers, profile, exclusions, pause and exit; false when there is no such row. */
  update(tenantId: TenantId, enrolment: Enrolment): Promise<boolean>;
  count(tenantId: TenantId, programId: ProgramId): Promise<number>;
}

/** The four answer lists, kept together in one jsonb value. */
interface Answers {
  readonly canTeach: readonly string[];
  readonly wantsToLearn: readonly string[];
  readonly goals: readonly string[];
  readonly languages: readonly string[];
}

/** The repository over `db` (or a transaction). */
export function enrolmentRepository(db: Kysely<Database>): EnrolmentRepository {
  const table = 'enrolments';
  return {
    async insert(tenantId, enrolment) {
      assertTenant(tenantId, enrolment);
      await db
        .insertInto(table)
        .values({
          tenant_id: tenantId,
          program_id: enrolment.programId,
          user_id: enrolment.userId,
          role: enrolment.role,
          ...mutableColumns(enrolment),
          enrolled_at: new Date(enrolment.enrolledAt),
        })
        .execute();
    },

    async get(tenantId, program, user) {
      const row = await db
        .selectFrom(table)
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('program_id', '=', program)
        .where('user_id', '=', user)
        .executeTakeFirst();
      return row === undefined ? undefined : toEnrolment(row);
    },

    async listForProgram(tenantId, program) {
      const rows = await db
        .selectFrom(table)
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('program_id', '=', program)
        .orderBy('enrolled_at')
        .orderBy('user_id')
        .execute();
      return rows.map(toEnrolment);
    },

    async listForUser(tenantId, user) {
      const rows = await db
        .selectFrom(table)
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('user_id', '=', user)
        .orderBy('enrolled_at')
        .execute();
      return rows.map(toEnrolment);
    },

    async update(tenantId, enrolment) {
      assertTenant(tenantId, enrolment);
      const result = await db
        .updateTable(table)
        .set(mutableColumns(enrolment))
        .where('tenant_id', '=', tenantId)
        .where('program_id', '=', enrolment.programId)
        .where('user_id', '=', enrolment.userId)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async count(tenantId, program) {
      const row = await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('tenant_id', '=', tenantId)
        .where('program_id', '=', program)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}

function assertTenant(tenantId: TenantId, enrolment: Enrolment): void {
  if (enrolment.tenantId !== tenantId) throw new Error(`enrolment of ${enrolment.userId} belongs to another tenant than the one it is written under`);
}

function mutableColumns(enrolment: Enrolment) {
  const answers: Answers = {
    canTeach: enrolment.canTeach,
    wantsToLearn: enrolment.wantsToLearn,
    goals: enrolment.goals,
    languages: enrolment.languages,
  };
  return {
    profile: JSON.stringify(enrolment.profile),
    answers: JSON.stringify(answers),
    do_not_pair_with: JSON.stringify(enrolment.doNotPairWith),
    paused_until: enrolment.pausedUntil === null ? null : new Date(enrolment.pausedUntil),
    left_at: enrolment.left === null ? null : new Date(enrolment.left.at),
    left_reason: enrolment.left === null ? null : enrolment.left.reason,
    updated_at: new Date(),
  };
}

function toEnrolment(row: Selectable<EnrolmentsTable>): Enrolment {
  const answers = row.answers as Answers;
  const profile = row.profile as DirectoryProfile;
  return {
    tenantId: row.tenant_id,
    programId: programId(row.program_id),
    userId: row.user_id,
    role: row.role as Role,
    profile: { ...profile, managerChain: profile.managerChain.map(userId) },
    canTeach: answers.canTeach,
    wantsToLearn: answers.wantsToLearn,
    goals: answers.goals,
    languages: answers.languages,
    doNotPairWith: neverShownDoNotPairWith((row.do_not_pair_with as string[]).map(userId)),
    pausedUntil: row.paused_until === null ? null : epochMs(row.paused_until.getTime()),
    left: row.left_at === null ? null : { at: epochMs(row.left_at.getTime()), reason: row.left_reason ?? '' },
    enrolledAt: epochMs(row.enrolled_at.getTime()),
  };
}
