/**
 * The facts program health is computed from, read from the store for one program of one tenant.
 * Sessions are counted inside PostgreSQL (`jsonb_array_elements` over each booking's occurrences)
 * so a 100 000-session program sends a few thousand small rows, not every occurrence, per request.
 * Nothing here selects enrolment answers, exclusions or any free text.
 */
import { sql, type Kysely } from 'kysely';
import { tenantId as toTenantId } from '../../core/ids.ts';
import type { Actor } from '../../programs/ports.ts';
import { programAccess } from '../../programs/program-access.ts';
import type { Database } from '../../store/schema.ts';
import { pairCheckIns, type PairCheckIn } from './program-health-check-ins.ts';
import { ttlCache } from './ttl-cache.ts';

const DAY_MS = 86_400_000;
/** The Monday (`YYYY-MM-DD`, UTC) of week `index`, counted as the query counts it: from Monday 1969-12-29. */
const mondayOfWeek = (index: number): string => new Date((index * 7 - 3) * DAY_MS).toISOString().slice(0, 10);

/** Booking states whose sessions are on the calendars (or about to be): these count as planned. */
const PLANNED_STATES = ['planned', 'created', 'booked'] as const;

/** One published pairing of the program (running or ended). */
export interface HealthPair {
  readonly id: string;
  readonly cycle: number;
  readonly memberIds: readonly string[];
  readonly endedAt: number | null;
  /** `no_fault` when one side asked to leave (and so for a re-pair), `rotated`, `closed`, or null while running. */
  readonly endReason: string | null;
}

/** One pair's sessions, as counts. */
export interface HealthPairSessions {
  readonly pairId: string;
  /** The states of the pair's bookings (one per cycle). */
  readonly bookingStates: readonly string[];
  /** Sessions on the calendar that are not cancelled. */
  readonly planned: number;
  /** Of those, the ones that have started before `now`. */
  readonly past: number;
  readonly cancelled: number;
}

/** One feedback answer, without any of its text. */
export interface HealthFeedback {
  readonly pairId: string;
  readonly sessionId: string;
  /** When the session was scheduled to start (UTC epoch ms): the week it counts in. */
  readonly sessionStart: number;
  readonly authorId: string;
  readonly happened: 'held' | 'no-show' | 'rescheduled';
  readonly rating: 1 | 2 | 3 | 4 | 5 | null;
  /** A session the pair logged themselves, outside the booked series (`logged:<id>`): never planned. */
  readonly logged: boolean;
  /** The session's theme from the pair's topic track and the plan's topic for it (see `sessionTheme`). */
  readonly theme: string;
  /** The author's side in the pair: `mentor` is the junior (or a co-mentor), `mentee` the senior. */
  readonly side: 'mentor' | 'mentee';
  /** Whether they answered "what I learned" / "what I taught" — never what they wrote. */
  readonly learnedSomething: boolean;
  readonly taughtSomething: boolean;
}

export interface ProgramHealthFacts {
  readonly programId: string;
  readonly programName: string;
  /** People enrolled and not left. */
  readonly enrolled: number;
  readonly pairs: readonly HealthPair[];
  readonly sessions: readonly HealthPairSessions[];
  /** Planned (not cancelled) sessions per week, the week named by its Monday (UTC), oldest first. */
  readonly weeks: readonly { readonly week: string; readonly planned: number }[];
  /** Display names of the program's enrolled people (the admin already sees them in the enrolment list). */
  readonly names: ReadonlyMap<string, string>;
  /** Feedback answers; null while Upward stores no feedback, so rules that need it are skipped, not faked. */
  readonly feedback: readonly HealthFeedback[] | null;
  /** Pairs sent the private check-in after two missed sessions in a row, with what the team may know of the answers. */
  readonly checkIns: readonly PairCheckIn[];
}

/** One pair's booking for one cycle, as the admin's export shows it (no attendee mail, no meeting link). */
export interface BookingResult {
  readonly pairId: string;
  readonly cycle: number;
  readonly state: string;
  readonly reasonCode: string | null;
  readonly reason: string | null;
  readonly weekday: string | null;
  readonly localTime: string | null;
  readonly zone: string | null;
  readonly firstDate: string | null;
  readonly lastDate: string | null;
  readonly plannedSessions: number;
  readonly cancelledSessions: number;
}

/** Where program health and the admin's export read from; tenant-scoped on every query. */
export interface ProgramHealthSource {
  /**
   * Lets through only the program's own admins (its owner and co-admins, or any admin while it is
   * unclaimed). @throws `forbidden` without the program-admin role, `not_found` for any other program.
   */
  requireAdministered(actor: Actor, programId: string): Promise<void>;
  /** The program's facts, or undefined when the tenant has no such program. */
  facts(tenantId: string, programId: string, now: number): Promise<ProgramHealthFacts | undefined>;
  /** The program's bookings, by pair and cycle. */
  bookingResults(tenantId: string, programId: string): Promise<readonly BookingResult[]>;
}

/**
 * Feedback of a program (tenant-scoped, no text), when a feedback store is wired; left out,
 * health says feedback is not recorded yet. See src/store/program-feedback-facts.ts.
 */
export type FeedbackReader = (tenantId: string, programId: string) => Promise<readonly HealthFeedback[]>;

/** How long one program's facts are reused. Counting 100 000 sessions takes PostgreSQL ~150 ms of CPU. */
export const HEALTH_TTL_MS = 15_000;
/** Most programs' facts kept at once; the oldest goes first. */
const MAX_CACHED_PROGRAMS = 200;

export interface ProgramHealthSourceOptions {
  /** Feedback answers, once a feedback store exists; left out, health says feedback is not recorded yet. */
  readonly feedback?: FeedbackReader;
  /** Reuse of a program's facts, in ms; 0 reads the store on every request. Default {@link HEALTH_TTL_MS}. */
  readonly ttlMs?: number;
  readonly clock?: () => number;
}

/**
 * The store-backed source. A program's facts are cached per tenant and program for a few
 * seconds, and concurrent requests share one read: a dashboard several admins reload costs one
 * count, and a new booking shows at most {@link HEALTH_TTL_MS} later. A failed read is not kept.
 */
export function createProgramHealthSource(db: Kysely<Database>, options: ProgramHealthSourceOptions = {}): ProgramHealthSource {
  const source = uncachedSource(db, options.feedback);
  const cached = ttlCache<ProgramHealthFacts | undefined>(options.ttlMs ?? HEALTH_TTL_MS, options.clock ?? Date.now, MAX_CACHED_PROGRAMS);
  return {
    requireAdministered: source.requireAdministered,
    bookingResults: source.bookingResults,
    facts: (tenant, programId, now) => cached(JSON.stringify([tenant, programId]), () => source.facts(tenant, programId, now)),
  };
}

function uncachedSource(db: Kysely<Database>, feedback: FeedbackReader | undefined): ProgramHealthSource {
  return {
    requireAdministered: programAccess(db).requireAdministered,
    async facts(tenant, programId, now) {
      const tenantId = toTenantId(tenant);
      const program = await db.selectFrom('programs').select(['id', 'name']).where('tenant_id', '=', tenantId).where('id', '=', programId).executeTakeFirst();
      if (program === undefined) return undefined;

      // Of feedback, only whether each session happened is read (never a rating or any text).
      const ofProgram = db.selectFrom('pairings').select('id').where('tenant_id', '=', tenantId).where('program_id', '=', programId);
      const [people, pairs, counts, answers, reports, replies] = await Promise.all([
        db
          .selectFrom('enrolments')
          .select(['user_id', sql<string>`profile->>'displayName'`.as('name')])
          .where('tenant_id', '=', tenantId)
          .where('program_id', '=', programId)
          .where('left_at', 'is', null)
          .execute(),
        db
          .selectFrom('pairings')
          .select(['id', 'cycle', 'mentor_id', 'mentee_id', 'co_mentor_id', 'ended_at', 'end_reason'])
          .where('tenant_id', '=', tenantId)
          .where('program_id', '=', programId)
          .execute(),
        // One pass over the occurrences for both groupings: per pair, and per week (weeks counted
        // from the Monday before 1970-01-01, which was a Thursday; turned into dates below).
        sql<{ by_week: number; pair_id: string | null; week: number | null; states: string[]; planned: string; past: string; cancelled: string }>`
          select grouping(b.pair_id) as by_week, b.pair_id, x.week,
                 array_agg(distinct b.state) as states,
                 count(*) filter (where x.planned) as planned,
                 count(*) filter (where x.planned and x.start < ${now}) as past,
                 count(*) filter (where x.cancelled) as cancelled
          from bookings b
          left join lateral (
            select s.start, s.planned, s.cancelled,
                   case when s.planned then floor((s.start / 86400000.0 + 3) / 7)::int end as week
            from jsonb_array_elements(b.occurrences) o,
                 lateral (select (o.value->>'start')::bigint as start,
                                 (b.state in (${sql.join(PLANNED_STATES)}) and o.value->>'status' <> 'cancelled') as planned,
                                 (o.value->>'status' = 'cancelled' or b.state = 'cancelled') as cancelled) s
          ) x on true
          where b.tenant_id = ${tenantId} and b.program_id = ${programId}
          group by grouping sets ((b.pair_id), (x.week))`.execute(db),
        feedback === undefined ? Promise.resolve(null) : feedback(tenant, programId),
        // Only pairs with a session someone said did not happen can have missed two in a row.
        db
          .selectFrom('feedback')
          .select(['pair_id', 'session_key', 'session_end', 'happened'])
          .where('tenant_id', '=', tenantId)
          .where('pair_id', 'in', db.selectFrom('feedback').select('pair_id').where('tenant_id', '=', tenantId).where('happened', '=', 'no-show').where('pair_id', 'in', ofProgram))
          .execute(),
        db
          .selectFrom('check_ins')
          .select(['pair_id', 'streak_key', 'user_id', 'choice'])
          .where('tenant_id', '=', tenantId)
          .where('pair_id', 'in', ofProgram)
          .execute(),
      ]);

      return {
        programId: program.id,
        programName: program.name,
        enrolled: people.length,
        names: new Map(people.map((p) => [String(p.user_id), p.name ?? String(p.user_id)])),
        pairs: pairs.map((p) => ({
          id: p.id,
          cycle: p.cycle,
          memberIds: [p.mentor_id, p.mentee_id, ...(p.co_mentor_id === null ? [] : [p.co_mentor_id])],
          endedAt: p.ended_at === null ? null : p.ended_at.getTime(),
          endReason: p.end_reason,
        })),
        sessions: counts.rows
          .filter((r) => Number(r.by_week) === 0)
          .map((r) => ({ pairId: String(r.pair_id), bookingStates: r.states, planned: Number(r.planned), past: Number(r.past), cancelled: Number(r.cancelled) })),
        weeks: counts.rows
          .filter((r) => Number(r.by_week) === 1 && r.week !== null)
          .map((r) => ({ week: mondayOfWeek(Number(r.week)), planned: Number(r.planned) }))
          .sort((a, b) => a.week.localeCompare(b.week)),
        feedback: answers,
        checkIns: pairCheckIns(
          reports.map((r) => ({ pairId: r.pair_id, sessionId: r.session_key, sessionEnd: new Date(r.session_end).getTime(), happened: r.happened as 'held' | 'no-show' | 'rescheduled' })),
          replies.map((r) => ({ pairId: r.pair_id, streakKey: r.streak_key, userId: r.user_id, choice: r.choice })),
        ),
      };
    },

    async bookingResults(tenant, programId) {
      const rows = await sql<{
        pair_id: string; cycle: number; state: string; reason_code: string | null; reason: string | null;
        weekday: string | null; local_time: string | null; zone: string | null; first_date: string | null; last_date: string | null;
        planned: string; cancelled: string;
      }>`
        select b.pair_id, b.cycle, b.state, b.reason_code, b.reason,
               b.plan->>'weekday' as weekday, b.plan->>'localTime' as local_time, b.plan->>'zone' as zone,
               b.plan->>'firstDate' as first_date, b.plan->>'lastDate' as last_date,
               (select count(*) from jsonb_array_elements(b.occurrences) o where o->>'status' <> 'cancelled') as planned,
               (select count(*) from jsonb_array_elements(b.occurrences) o where o->>'status' = 'cancelled') as cancelled
        from bookings b
        where b.tenant_id = ${toTenantId(tenant)} and b.program_id = ${programId}
        order by b.cycle, b.position, b.pair_id`.execute(db);
      return rows.rows.map((r) => ({
        pairId: r.pair_id,
        cycle: r.cycle,
        state: r.state,
        reasonCode: r.reason_code,
        reason: r.reason,
        weekday: r.weekday,
        localTime: r.local_time,
        zone: r.zone,
        firstDate: r.first_date,
        lastDate: r.last_date,
        plannedSessions: Number(r.planned),
        cancelledSessions: Number(r.cancelled),
      }));
    },
  };
}
