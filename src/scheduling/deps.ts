import type { Kysely, Transaction } from 'kysely';
import type { Logger } from 'pino';
import type { TenantId } from '../core/ids.ts';
import type { EpochMs } from '../core/time.ts';
import type { BookingRecord } from '../store/bookings.ts';
import type { Database } from '../store/schema.ts';
import type { GraphContext } from './graph-context.ts';

/**
 * Schedules the re-check of sessions that were just booked, inside the transaction that stores
 * them, so a booking and its re-checks exist together or not at all.
 */
export interface RecheckScheduler {
  schedule(trx: Transaction<Database>, tenantId: TenantId, bookings: readonly BookingRecord[]): Promise<void>;
}

/**
 * Told about bookings just saved as `booked` (newly booked, moved or rescheduled) or `cancelled`,
 * inside the transaction that stores them, so that what follows from a series elsewhere (the
 * pair's introduction showing it) is scheduled with the booking or not at all. Scheduling knows
 * nothing of what the listener does.
 */
export interface BookedListener {
  booked(trx: Transaction<Database>, tenantId: TenantId, bookings: readonly BookingRecord[]): Promise<void>;
  /** The pairs' whole series were cancelled (a listener without this hears of bookings only). */
  cancelled?(trx: Transaction<Database>, tenantId: TenantId, bookings: readonly BookingRecord[]): Promise<void>;
}

/**
 * Starts a stored cohort run in the background (a durable job), inside the transaction that stored
 * it. `resume` > 0 starts it again after its job gave up (each resume is its own job, once).
 */
export interface RunStarter {
  start(trx: Transaction<Database>, tenantId: TenantId, runId: string, resume?: number): Promise<void>;
}

/** What the scheduling service is built from (the composition root passes the concrete adapters). */
export interface SchedulingDeps {
  readonly db: Kysely<Database>;
  /** Graph for one tenant: its app-only client and batch settings. */
  readonly graphFor: (tenantId: TenantId) => GraphContext;
  readonly now: () => EpochMs;
  readonly log: Logger;
  readonly rechecks?: RecheckScheduler;
  readonly runs?: RunStarter;
  readonly onBooked?: BookedListener;
}
