/**
 * Check-in answers, one organisation at a time. An answer belongs to the person and the program
 * team: nothing here lists one pair's answers, so no surface can show a partner what the other
 * said; the admin reads counts per program.
 */
import type { Kysely, Selectable } from 'kysely';
import type { TenantId, UserId } from '../core/ids.ts';
import { userId as toUserId } from '../core/ids.ts';
import { epochMs, type EpochMs } from '../core/time.ts';
import type { CheckInsTable, Database } from './schema.ts';

/** One stored answer. */
export interface CheckInAnswer {
  /** The core's `MissedStreak` key the check-in was sent for. */
  readonly streakKey: string;
  readonly userId: UserId;
  readonly programId: string;
  readonly pairId: string;
  readonly choice: string;
  readonly answeredAt: EpochMs;
}

/** `recorded: false` when the person had already answered this check-in; `answer` is then the first one. */
export interface CheckInRecordResult {
  readonly recorded: boolean;
  readonly answer: CheckInAnswer;
}

export interface CheckInRepository {
  /** Stores the answer once per person and streak; a repeat keeps the first answer. */
  record(tenantId: TenantId, answer: CheckInAnswer): Promise<CheckInRecordResult>;
  /** The person's own answer to a check-in, if any. */
  get(tenantId: TenantId, streakKey: string, userId: UserId): Promise<CheckInAnswer | undefined>;
  /** Answers per choice in the program, for the admin (counts only). */
  countForProgram(tenantId: TenantId, programId: string): Promise<Readonly<Record<string, number>>>;
}

/** The repository over `db` (or a transaction). */
export function checkInRepository(db: Kysely<Database>): CheckInRepository {
  const table = 'check_ins';
  const find = (tenantId: TenantId, streakKey: string, user: UserId) =>
    db.selectFrom(table).selectAll().where('tenant_id', '=', tenantId).where('streak_key', '=', streakKey).where('user_id', '=', user).executeTakeFirst();
  return {
    async record(tenantId, answer) {
      const inserted = await db
        .insertInto(table)
        .values({
          tenant_id: tenantId,
          streak_key: answer.streakKey,
          user_id: answer.userId,
          program_id: answer.programId,
          pair_id: answer.pairId,
          choice: answer.choice,
          answered_at: new Date(answer.answeredAt),
        })
        // A second click or a retry: the first answer stands.
        .onConflict((oc) => oc.columns(['tenant_id', 'streak_key', 'user_id']).doNothing())
        .returningAll()
        .executeTakeFirst();
      if (inserted !== undefined) return { recorded: true, answer: toAnswer(inserted) };
      const existing = await find(tenantId, answer.streakKey, answer.userId);
      if (existing === undefined) throw new Error(`check-in ${answer.streakKey} of ${answer.userId} was neither inserted nor found`);
      return { recorded: false, answer: toAnswer(existing) };
    },

    async get(tenantId, streakKey, user) {
      const row = await find(tenantId, streakKey, user);
      return row === undefined ? undefined : toAnswer(row);
    },

    async countForProgram(tenantId, programId) {
      const rows = await db
        .selectFrom(table)
        .select(['choice', db.fn.countAll<string>().as('count')])
        .where('tenant_id', '=', tenantId)
        .where('program_id', '=', programId)
        .groupBy('choice')
        .execute();
      return Object.fromEntries(rows.map((r) => [r.choice, Number(r.count)]));
    },
  };
}

function toAnswer(row: Selectable<CheckInsTable>): CheckInAnswer {
  return {
    streakKey: row.streak_key,
    userId: toUserId(row.user_id),
    programId: row.program_id,
    pairId: row.pair_id,
    choice: row.choice,
    answeredAt: epochMs(row.answered_at.getTime()),
  };
}
