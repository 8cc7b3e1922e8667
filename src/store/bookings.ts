import { sql, type Kysely, type Selectable } from 'kysely';
import { UpwardError } from '../core/errors.ts';
import type { Brand, TenantId, UserId } from '../core/ids.ts';
import type { Cadence, OccurrenceStatus, SeriesRecurrence, SessionMinutes } from '../core/scheduling/types.ts';
import { epochMs, type EpochMs } from '../core/time.ts';
import type { BookingsTable, Database } from './schema.ts';

/** Upward's id of one pair's booking for one cycle (deterministic, see src/scheduling). */
export type BookingId = Brand<string, 'BookingId'>;
/** Brands a string as a booking id. */
export const bookingId = (value: string): BookingId => value as BookingId;

/**
 * `pending`: stored, not yet planned. `planned`: a plan is stored, nothing sent to Graph yet (or
 * sent and not yet acknowledged: the transaction id makes sending again harmless). `created`: the
 * series exists, moved sessions not yet applied. `booked`: done. `no_slot` and `failed` carry a
 * reason; `cancelled` once the organiser's series is cancelled.
 */
export const BOOKING_STATES = ['pending', 'planned', 'created', 'booked', 'no_slot', 'failed', 'cancelled'] as const;
export type BookingState = (typeof BOOKING_STATES)[number];

/** One side of the pair, as booking needs them. */
export interface BookingPerson {
  readonly userId: UserId;
  /** SMTP address: getSchedule reads it, the invitation goes to it. */
  readonly mailbox: string;
  readonly name: string;
  /** The junior `mentor` or the senior `mentee`. */
  readonly role: 'mentor' | 'mentee';
}

/** What the series is booked with. */
export interface BookingSettings {
  readonly cadence: Cadence;
  readonly durationMinutes: SessionMinutes;
  /** `YYYY-MM-DD`, both inclusive, in the organiser's zone. */
  readonly term: { readonly start: string; readonly end: string };
  readonly programName: string;
  readonly agenda: readonly string[];
  readonly subject: string;
  /** Written once the plan is known (it says why this time was chosen). */
  readonly bodyHtml: string;
}

/** The chosen series, as the scheduling core explained it. */
export interface StoredPlan {
  readonly zone: string;
  readonly weekday: string;
  readonly localTime: string;
  readonly firstDate: string;
  readonly lastDate: string;
  readonly attendeeLocalTimes: readonly string[];
  readonly recurrence: SeriesRecurrence;
  readonly explanation: string;
  readonly conflicts: number;
  readonly moved: number;
  readonly unplaced: number;
}

/** A clash found by a re-check after booking, and the move Upward proposes. */
export interface StoredConflict {
  readonly checkedAt: EpochMs;
  /** Whose calendar has the new clash. */
  readonly who: 'organiser' | 'attendee' | 'both';
  readonly proposal: { readonly start: EpochMs; readonly end: EpochMs } | null;
  readonly note: string;
}

/** One session. `cancelled` once it was cancelled on its own or with the series. */
export interface StoredOccurrence {
  readonly index: number;
  /** The series date, `YYYY-MM-DD` in the organiser's zone. */
  readonly date: string;
  /** Where its series places it: Graph's `originalStart`, the key of an exception. */
  readonly originalStart: EpochMs;
  readonly start: EpochMs;
  readonly end: EpochMs;
  readonly status: OccurrenceStatus | 'cancelled';
  /** Which of the booking's series holds it (a "reschedule the rest" starts a new one). */
  readonly segment: number;
  readonly conflict: StoredConflict | null;
}

/** One Graph series of the booking. */
export interface StoredSeries {
  readonly segment: number;
  readonly transactionId: string;
  readonly eventId: string | null;
  readonly iCalUId: string | null;
  readonly joinUrl: string | null;
  readonly recurrence: SeriesRecurrence;
  /** First session's start and end as sent: wall time in the series' zone. */
  readonly start: { readonly dateTime: string; readonly timeZone: string };
  readonly end: { readonly dateTime: string; readonly timeZone: string };
}

/** One pair's booking for one cycle, as stored. */
export interface BookingRecord {
  readonly tenantId: TenantId;
  readonly id: BookingId;
  readonly programId: string;
  readonly pairId: string;
  readonly cycle: number;
  readonly runId: string | null;
  readonly position: number;
  readonly state: BookingState;
  readonly organiser: BookingPerson;
  readonly attendee: BookingPerson;
  readonly settings: BookingSettings;
  readonly plan: StoredPlan | null;
  readonly occurrences: readonly StoredOccurrence[];
  readonly series: readonly StoredSeries[];
  /** The first series' idempotency key, fixed when the row is created. */
  readonly transactionId: string;
  readonly eventId: string | null;
  readonly joinUrl: string | null;
  /** For `no_slot` and `failed`: a short code (core NoSlot code, Graph error code, `bad_input`). */
  readonly reasonCode: string | null;
  readonly reason: string | null;
  /** Bumped by every save; a save with a stale version is refused (`conflict`). */
  readonly version: number;
  readonly createdAt: EpochMs;
  readonly updatedAt: EpochMs;
}

/** Bookings of one organisation at a time: every statement is filtered by the tenant. */
export interface BookingRepository {
  /** Inserts new bookings; a pair already booked for that cycle is kept as it is. Returns how many were new. */
  insertMany(tenantId: TenantId, bookings: readonly BookingRecord[]): Promise<number>;
  get(tenantId: TenantId, id: BookingId): Promise<BookingRecord | undefined>;
  getByPair(tenantId: TenantId, programId: string, pairId: string, cycle: number): Promise<BookingRecord | undefined>;
  /** A run's bookings in run order, optionally only those in `states`. */
  listForRun(tenantId: TenantId, runId: string, states?: readonly BookingState[]): Promise<BookingRecord[]>;
  /** Bookings the person organises or attends, newest first. */
  listForUser(tenantId: TenantId, userId: UserId): Promise<BookingRecord[]>;
  /**
   * Writes the record's mutable fields if the stored version is still `record.version`, and
   * returns it with the next version. @throws UpwardError `conflict` when someone saved in between.
   */
  save(tenantId: TenantId, record: BookingRecord, at: EpochMs): Promise<BookingRecord>;
  /** How many of a run's bookings are in each state, and how many booked ones have moved or cancelled sessions. */
  countByState(tenantId: TenantId, runId: string): Promise<{ byState: Partial<Record<BookingState, number>>; bookedWithMoves: number }>;
}

/** The repository over `db` (or a transaction). */
export function bookingRepository(db: Kysely<Database>): BookingRepository {
  const table = 'bookings';
  return {
    async insertMany(tenantId, bookings) {
      if (bookings.length === 0) return 0;
      let inserted = 0;
      // Chunks keep each statement's parameter count far below PostgreSQL's 65,535.
      for (let i = 0; i < bookings.length; i += 500) {
        const rows = bookings.slice(i, i + 500).map((b) => {
          if (b.tenantId !== tenantId) throw new Error(`booking ${b.id} belongs to another tenant than the one it is written under`);
          return {
            tenant_id: tenantId,
            id: b.id,
            program_id: b.programId,
            pair_id: b.pairId,
            cycle: b.cycle,
            run_id: b.runId,
            position: b.position,
            transaction_id: b.transactionId,
            created_at: new Date(b.createdAt),
            organiser_id: b.organiser.userId,
            attendee_id: b.attendee.userId,
            ...mutableColumns(b, b.updatedAt),
            version: b.version,
          };
        });
        const result = await db.insertInto(table).values(rows).onConflict((c) => c.doNothing()).executeTakeFirst();
        inserted += Number(result.numInsertedOrUpdatedRows ?? 0n);
      }
      return inserted;
    },

    async get(tenantId, id) {
      const row = await db.selectFrom(table).selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
      return row === undefined ? undefined : toRecord(row);
    },

    async getByPair(tenantId, programId, pairId, cycle) {
      const row = await db
        .selectFrom(table)
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('program_id', '=', programId)
        .where('pair_id', '=', pairId)
        .where('cycle', '=', cycle)
        .executeTakeFirst();
      return row === undefined ? undefined : toRecord(row);
    },

    async listForRun(tenantId, runId, states) {
      let query = db.selectFrom(table).selectAll().where('tenant_id', '=', tenantId).where('run_id', '=', runId);
      if (states !== undefined) {
        if (states.length === 0) return [];
        query = query.where('state', 'in', [...states]);
      }
      const rows = await query.orderBy('position').orderBy('id').execute();
      return rows.map(toRecord);
    },

    async listForUser(tenantId, userId) {
      const rows = await db
        .selectFrom(table)
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where((eb) => eb.or([eb('organiser_id', '=', userId), eb('attendee_id', '=', userId)]))
        .orderBy('created_at', 'desc')
        .orderBy('id')
        .execute();
      return rows.map(toRecord);
    },

    async save(tenantId, record, at) {
      if (record.tenantId !== tenantId) throw new Error(`booking ${record.id} belongs to another tenant than the one it is written under`);
      const result = await db
        .updateTable(table)
        .set({ ...mutableColumns(record, at), run_id: record.runId, organiser_id: record.organiser.userId, attendee_id: record.attendee.userId, version: record.version + 1 })
        .where('tenant_id', '=', tenantId)
        .where('id', '=', record.id)
        .where('version', '=', record.version)
        .executeTakeFirst();
      if (result.numUpdatedRows === 0n) {
        throw new UpwardError('conflict', `The booking of pair ${record.pairId} changed while this change was being made; reload it and try again`);
      }
      return { ...record, version: record.version + 1, updatedAt: at };
    },

    async countByState(tenantId, runId) {
      const moved = sql<boolean>`(occurrences @> '[{"status":"moved"}]'::jsonb or occurrences @> '[{"status":"unplaced"}]'::jsonb)`;
      const rows = await db
        .selectFrom(table)
        .select((eb) => ['state', eb.fn.countAll<string>().as('n'), eb.fn.sum<string>(eb.case().when(moved).then(1).else(0).end()).as('moved')])
        .where('tenant_id', '=', tenantId)
        .where('run_id', '=', runId)
        .groupBy('state')
        .execute();
      const byState: Partial<Record<BookingState, number>> = {};
      let bookedWithMoves = 0;
      for (const row of rows) {
        byState[row.state as BookingState] = Number(row.n);
        if (row.state === 'booked') bookedWithMoves = Number(row.moved ?? 0);
      }
      return { byState, bookedWithMoves };
    },
  };
}

function mutableColumns(b: BookingRecord, at: EpochMs) {
  return {
    state: b.state,
    people: JSON.stringify({ organiser: b.organiser, attendee: b.attendee }),
    settings: JSON.stringify(b.settings),
    plan: b.plan === null ? null : JSON.stringify(b.plan),
    occurrences: JSON.stringify(b.occurrences),
    series: JSON.stringify(b.series),
    event_id: b.eventId,
    join_url: b.joinUrl,
    reason_code: b.reasonCode,
    reason: b.reason,
    updated_at: new Date(at),
  };
}

function toRecord(row: Selectable<BookingsTable>): BookingRecord {
  const people = row.people as { organiser: BookingPerson; attendee: BookingPerson };
  return {
    tenantId: row.tenant_id,
    id: bookingId(row.id),
    programId: row.program_id,
    pairId: row.pair_id,
    cycle: row.cycle,
    runId: row.run_id,
    position: row.position,
    state: row.state as BookingState,
    organiser: people.organiser,
    attendee: people.attendee,
    settings: row.settings as BookingSettings,
    plan: (row.plan ?? null) as StoredPlan | null,
    occurrences: row.occurrences as StoredOccurrence[],
    series: row.series as StoredSeries[],
    transactionId: row.transaction_id,
    eventId: row.event_id,
    joinUrl: row.join_url,
    reasonCode: row.reason_code,
    reason: row.reason,
    version: row.version,
    createdAt: epochMs(row.created_at.getTime()),
    updatedAt: epochMs(row.updated_at.getTime()),
  };
}
