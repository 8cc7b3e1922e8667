import { sql, type Kysely, type Selectable } from 'kysely';
import { UpwardError } from '../core/errors.ts';
import type { Feedback, FeedbackKey, Happened, Rating } from '../core/feedback/feedback.ts';
import { feedbackKey } from '../core/feedback/feedback.ts';
import type { TenantId, UserId } from '../core/ids.ts';
import { pairId, sessionId, type PairId, type SessionId } from '../core/sessions/session.ts';
import { epochMs, type EpochMs } from '../core/time.ts';
import type { Database, FeedbackTable } from './schema.ts';

/**
 * Feedback after sessions, one organisation at a time: every statement is filtered by the tenant.
 * Rows come back whole (private note included): callers show them through the core's `visibleTo`.
 */
export interface FeedbackRepository {
  get(tenantId: TenantId, session: SessionId, authorId: UserId): Promise<Feedback | undefined>;
  /**
   * Stores a `created` record: the first writer wins and a second insert of the same key (a
   * double click racing the first) changes nothing. Returns the record now stored, read back only
   * when it was the earlier one.
   */
  insert(tenantId: TenantId, feedback: Feedback): Promise<Feedback>;
  /**
   * Writes an `updated` record if the stored revision is still `feedback.revision - 1`.
   * @throws UpwardError `conflict` when someone changed it in between.
   */
  update(tenantId: TenantId, feedback: Feedback): Promise<Feedback>;
  /** The author's own feedback, newest session first. */
  listForAuthor(tenantId: TenantId, authorId: UserId): Promise<Feedback[]>;
  /** Everyone's feedback on a pair's sessions (for outcomes, progress and partner views). */
  listForPair(tenantId: TenantId, pair: PairId): Promise<Feedback[]>;
  /**
   * Marks the author's own action done (at `at`) or not done (null). Only the author's own row is
   * touched. Returns false when that author has no feedback on the session.
   */
  setActionDone(tenantId: TenantId, session: SessionId, authorId: UserId, at: EpochMs | null): Promise<boolean>;
  /** When each of the author's actions was marked done, by session id (sessions not done are absent). */
  actionsDone(tenantId: TenantId, authorId: UserId): Promise<Map<SessionId, EpochMs>>;
}

/** The repository over `db` (or a transaction). */
export function feedbackRepository(db: Kysely<Database>): FeedbackRepository {
  const table = 'feedback';
  const get = async (tenantId: TenantId, session: SessionId, authorId: UserId): Promise<Feedback | undefined> => {
    const row = await db
      .selectFrom(table)
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('session_key', '=', session)
      .where('author_id', '=', authorId)
      .executeTakeFirst();
    return row === undefined ? undefined : toFeedback(row);
  };
  return {
    get,

    async insert(tenantId, feedback) {
      const inserted = await db
        .insertInto(table)
        .values({
          tenant_id: tenantId,
          session_key: feedback.sessionId,
          author_id: feedback.authorId,
          pair_id: feedback.pairId,
          submitted_at: new Date(feedback.submittedAt),
          ...mutableColumns(feedback),
        })
        .onConflict((c) => c.columns(['tenant_id', 'session_key', 'author_id']).doNothing())
        .returningAll()
        .executeTakeFirst();
      if (inserted !== undefined) return toFeedback(inserted);
      const stored = await get(tenantId, feedback.sessionId, feedback.authorId);
      if (stored === undefined) throw new Error(`feedback ${feedback.key} was not stored`);
      return stored;
    },

    async update(tenantId, feedback) {
      const result = await db
        .updateTable(table)
        .set(mutableColumns(feedback))
        .where('tenant_id', '=', tenantId)
        .where('session_key', '=', feedback.sessionId)
        .where('author_id', '=', feedback.authorId)
        .where('revision', '=', feedback.revision - 1)
        .executeTakeFirst();
      if (result.numUpdatedRows === 0n) throw new UpwardError('conflict', `Feedback ${feedback.key} changed while it was being saved`);
      return feedback;
    },

    async listForAuthor(tenantId, authorId) {
      const rows = await db
        .selectFrom(table)
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('author_id', '=', authorId)
        .orderBy('session_end', 'desc')
        .orderBy('session_key')
        .execute();
      return rows.map(toFeedback);
    },

    async listForPair(tenantId, pair) {
      const rows = await db
        .selectFrom(table)
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('pair_id', '=', pair)
        .orderBy('session_end')
        .orderBy('author_id')
        .execute();
      return rows.map(toFeedback);
    },

    // Raw SQL: `action_done_at` (migration 0008) is read and written only here, so the shared
    // table type stays as it is for the other feedback code.
    async setActionDone(tenantId, session, authorId, at) {
      const result = await sql`update feedback set action_done_at = ${at === null ? null : new Date(at)}
        where tenant_id = ${tenantId} and session_key = ${session} and author_id = ${authorId}`.execute(db);
      return (result.numAffectedRows ?? 0n) > 0n;
    },

    async actionsDone(tenantId, authorId) {
      const result = await sql<{ session_key: string; action_done_at: Date | string }>`select session_key, action_done_at from feedback
        where tenant_id = ${tenantId} and author_id = ${authorId} and action_done_at is not null`.execute(db);
      return new Map(result.rows.map((r) => [sessionId(r.session_key), epochMs(new Date(r.action_done_at).getTime())]));
    },
  };
}

function mutableColumns(f: Feedback) {
  return {
    session_end: new Date(f.sessionEnd),
    happened: f.happened,
    rating: f.rating,
    learned: f.learned,
    taught: f.taught,
    action: f.action,
    private_note: f.privateNote,
    share_with_partner: f.shareWithPartner,
    updated_at: new Date(f.updatedAt),
    revision: f.revision,
  };
}

function toFeedback(row: Selectable<FeedbackTable>): Feedback {
  const session = sessionId(row.session_key);
  return {
    key: feedbackKey(session, row.author_id) as FeedbackKey,
    sessionId: session,
    pairId: pairId(row.pair_id),
    authorId: row.author_id,
    sessionEnd: epochMs(new Date(row.session_end).getTime()),
    happened: row.happened as Happened,
    rating: row.rating === null ? null : (row.rating as Rating),
    learned: row.learned,
    taught: row.taught,
    action: row.action,
    privateNote: row.private_note,
    shareWithPartner: row.share_with_partner,
    submittedAt: epochMs(new Date(row.submitted_at).getTime()),
    updatedAt: epochMs(new Date(row.updated_at).getTime()),
    revision: row.revision,
  };
}
