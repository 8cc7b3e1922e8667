/**
 * What program health may know of a program's feedback, read for one program of one tenant: per
 * answer its pair, session, session start, author, whether the session happened and the rating,
 * plus the session's theme from structured program data, the author's side in the pair, and
 * whether they answered "what I learned" and "what I taught" (for the two-way learning figure).
 * The statements select none of the free-text columns' text (learned, taught, action, private
 * note) — of learned and taught only whether they are empty — so no text can reach health.
 */
import { sql, type Kysely } from 'kysely';
import type { Happened, Rating } from '../core/feedback/feedback.ts';
import { sessionTheme } from '../core/feedback/session-theme.ts';
import type { TenantId } from '../core/ids.ts';
import type { TrackPlan } from '../core/programs/program.ts';
import { pairTrack } from '../core/sessions/pair-track.ts';
import type { Database } from './schema.ts';

/** Prefix of a session a pair logged themselves (see `loggedSessionId` in src/app/message-extension-wiring.ts). */
const LOGGED_PREFIX = 'logged:';
const DAY_MS = 86_400_000;

export interface ProgramFeedbackFact {
  readonly pairId: string;
  readonly sessionId: string;
  /** When the session was scheduled to start (UTC epoch ms); a logged one, the start of its day (UTC). */
  readonly sessionStart: number;
  readonly authorId: string;
  readonly happened: Happened;
  readonly rating: Rating | null;
  /** Logged by the pair outside the booked series (never planned). */
  readonly logged: boolean;
  readonly theme: string;
  /** The author's side in the pair: `mentor` (the junior; a co-mentor too) or `mentee` (the senior). */
  readonly side: 'mentor' | 'mentee';
  readonly learnedSomething: boolean;
  readonly taughtSomething: boolean;
}

/** Reads a program's feedback facts; every statement is filtered by the tenant. */
export type ProgramFeedbackReader = (tenantId: string, programId: string) => Promise<ProgramFeedbackFact[]>;

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/** The program's stored plans, tolerating programs stored before plans (or with no settings at all). */
function plansOf(value: unknown): TrackPlan[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((plan: unknown) => {
    if (typeof plan !== 'object' || plan === null) return [];
    const { track, sessionTopics, reflectionQuestions } = plan as Record<string, unknown>;
    return typeof track === 'string' ? [{ track, sessionTopics: strings(sessionTopics), reflectionQuestions: strings(reflectionQuestions) }] : [];
  });
}

/** The reader over `db`. */
export function programFeedbackReader(db: Kysely<Database>): ProgramFeedbackReader {
  return async (tenant, programId) => {
    const tenantId = tenant as TenantId;
    const ofProgram = db.selectFrom('pairings').select('id').where('tenant_id', '=', tenantId).where('program_id', '=', programId);
    const [program, answers, pairs] = await Promise.all([
      sql<{ tracks: unknown; plans: unknown }>`select settings->'topicTracks' as tracks, settings->'trackPlans' as plans
        from programs where tenant_id = ${tenantId} and id = ${programId}`.execute(db),
      // A booked session's id is `<booking id>#<occurrence index>`; its number in the series (as its
      // agenda showed it) is its place among the booking's placed occurrences by start. Each
      // booking that has answers is expanded once and joined, not once per answer.
      sql<{ pair_id: string; session_key: string; author_id: string; happened: string; rating: number | null; end_ms: number; start_ms: number | null; n: number | null; learned_something: boolean; taught_something: boolean }>`
        with answers as (
          select f.pair_id, f.session_key, f.author_id, f.happened, f.rating, extract(epoch from f.session_end)::float8 * 1000 as end_ms,
                 f.learned <> '' as learned_something, f.taught <> '' as taught_something,
                 case when position('#' in f.session_key) > 0 then split_part(f.session_key, '#', 1) end as booking_id,
                 split_part(f.session_key, '#', 2) as idx
          from feedback f
          where f.tenant_id = ${tenantId} and f.pair_id in (${ofProgram})
        ), placed as (
          select b.id as booking_id, b.pair_id, x.value->>'index' as idx, (x.value->>'start')::float8 as start_ms,
                 (row_number() over (partition by b.id order by (x.value->>'start')::bigint, (x.value->>'index')::int))::int as n
          from bookings b cross join lateral jsonb_array_elements(b.occurrences) x
          where b.tenant_id = ${tenantId} and b.program_id = ${programId} and x.value->>'status' <> 'unplaced'
            and b.id in (select booking_id from answers)
        )
        select a.pair_id, a.session_key, a.author_id, a.happened, a.rating, a.end_ms, o.start_ms, o.n, a.learned_something, a.taught_something
        from answers a
        left join placed o on o.booking_id = a.booking_id and o.pair_id = a.pair_id and o.idx = a.idx`.execute(db),
      sql<{ id: string; mentee_id: string; can_teach: unknown; wants_to_learn: unknown }>`
        select p.id, p.mentee_id, mentor.answers->'canTeach' as can_teach, mentee.answers->'wantsToLearn' as wants_to_learn
        from pairings p
        left join enrolments mentor on mentor.tenant_id = p.tenant_id and mentor.program_id = p.program_id and mentor.user_id = p.mentor_id
        left join enrolments mentee on mentee.tenant_id = p.tenant_id and mentee.program_id = p.program_id and mentee.user_id = p.mentee_id
        where p.tenant_id = ${tenantId} and p.program_id = ${programId}
          and exists (select 1 from feedback f where f.tenant_id = p.tenant_id and f.pair_id = p.id)`.execute(db),
    ]);
    const settings = program.rows[0];
    if (settings === undefined) return [];
    // The track each pair follows, chosen as its agenda cards choose it.
    const tracked = { topicTracks: strings(settings.tracks), trackPlans: plansOf(settings.plans) };
    const trackOf = new Map(pairs.rows.map((p) => [p.id, pairTrack(tracked, { canTeach: strings(p.can_teach) }, { wantsToLearn: strings(p.wants_to_learn) })]));
    const menteeOf = new Map(pairs.rows.map((p) => [p.id, p.mentee_id]));

    return answers.rows.map((row) => {
      const logged = row.session_key.startsWith(LOGGED_PREFIX);
      // Numbers straight from PostgreSQL (float8, int4): a large program sends ~100 000 answers.
      const end = Math.round(row.end_ms);
      // A logged session is stored as ending its length after the start of its day (UTC); a
      // session whose occurrence is no longer in its booking keeps its scheduled end for its week.
      const sessionStart = logged ? Math.floor(end / DAY_MS) * DAY_MS : row.start_ms ?? end;
      return {
        pairId: row.pair_id,
        sessionId: row.session_key,
        sessionStart,
        authorId: row.author_id,
        happened: row.happened as Happened,
        rating: row.rating === null ? null : (row.rating as Rating),
        logged,
        theme: sessionTheme(trackOf.get(row.pair_id) ?? null, logged ? null : row.n),
        side: menteeOf.get(row.pair_id) === row.author_id ? 'mentee' : 'mentor',
        learnedSomething: row.learned_something,
        taughtSomething: row.taught_something,
      };
    });
  };
}
