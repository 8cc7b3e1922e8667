import { forbidden, notFound } from '../core/errors.ts';
import type { TenantId } from '../core/ids.ts';
import { bookingRunRepository } from '../store/booking-runs.ts';
import { bookingRepository } from '../store/bookings.ts';
import { bookPair, previewPair } from './book-pair.ts';
import { loadBooking, type Actor } from './booking-access.ts';
import { bookingView, type BookingView } from './booking-view.ts';
import { cancelBooking } from './cancel-booking.ts';
import { runCohort, type CohortRunHooks } from './cohort-run.ts';
import type { SchedulingDeps } from './deps.ts';
import { cohortFromProgram } from './program-cohort.ts';
import { pairResult, runProgress, type PairResult, type RunProgress } from './progress.ts';
import { recheckSession, type RecheckResult } from './recheck.ts';
import { rescheduleRest } from './reschedule-rest.ts';
import { cancelSession, rescheduleSession } from './reschedule-session.ts';
import { startCohort, type CohortStart } from './start-cohort.ts';

export type { Actor } from './booking-access.ts';
export type { BookingView, SessionView } from './booking-view.ts';
export type { CohortStart } from './start-cohort.ts';
export type { PairResult, RunProgress } from './progress.ts';
export type { RecheckResult } from './recheck.ts';

/**
 * Scheduling for the HTTP routes, the CLI and the jobs: find a recurring time both calendars
 * really have free and book it, for one pair or a whole cohort, then keep it right (re-check,
 * reschedule, cancel). Cohort runs and booking other people's pairs are for program admins;
 * a pair's own members may see, reschedule and cancel their booking.
 */
export interface SchedulingService {
  /** Stores a cohort run and starts it as a durable job. */
  startCohort(tenantId: TenantId, actor: Actor, input: unknown): Promise<CohortStart>;
  /** Schedules a program's published pairs of a cycle (its current one by default) with the program's settings. */
  startProgramCohort(tenantId: TenantId, actor: Actor, programId: string, options?: { cycle?: number }): Promise<CohortStart>;
  /** Runs (or resumes) a stored cohort run in this process; what the job does. */
  runCohort(tenantId: TenantId, runId: string, hooks?: CohortRunHooks): Promise<RunProgress>;
  /**
   * Starts a run's job again (a run whose job gave up after its retries, e.g. a long outage).
   * Harmless on a run that is done; the run continues from its stored state.
   */
  resumeRun(tenantId: TenantId, actor: Actor, runId: string): Promise<RunProgress>;
  runStatus(tenantId: TenantId, actor: Actor, runId: string): Promise<RunProgress>;
  /** Each pair's result in a run, in run order. */
  runPairs(tenantId: TenantId, actor: Actor, runId: string): Promise<PairResult[]>;
  /** The tenant's runs, newest first. */
  listRuns(tenantId: TenantId, actor: Actor, programId?: string): Promise<RunProgress[]>;
  previewPair(tenantId: TenantId, actor: Actor, input: unknown): Promise<BookingView>;
  bookPair(tenantId: TenantId, actor: Actor, input: unknown): Promise<BookingView>;
  showBooking(tenantId: TenantId, actor: Actor, bookingId: string): Promise<BookingView>;
  /** The actor's own bookings (both sides), newest first: the personal tab's list. */
  myBookings(tenantId: TenantId, actor: Actor): Promise<BookingView[]>;
  rescheduleSession(tenantId: TenantId, actor: Actor, bookingId: string, index: number, input?: { start?: string }): Promise<BookingView>;
  rescheduleRest(tenantId: TenantId, actor: Actor, bookingId: string, fromIndex: number): Promise<BookingView>;
  cancelSession(tenantId: TenantId, actor: Actor, bookingId: string, index: number): Promise<BookingView>;
  cancelBooking(tenantId: TenantId, actor: Actor, bookingId: string): Promise<BookingView>;
  recheckSession(tenantId: TenantId, actor: Actor, bookingId: string, index: number): Promise<RecheckResult>;
}

const requireAdmin = (actor: Actor, what: string): void => {
  if (!actor.isAdmin) throw forbidden(`Only a program admin may ${what}`);
};

/** The service over its dependencies (see `SchedulingDeps`; `startScheduling` builds them for the app). */
export function createSchedulingService(deps: SchedulingDeps): SchedulingService {
  const runs = bookingRunRepository(deps.db);
  const bookings = bookingRepository(deps.db);
  const status = async (tenantId: TenantId, runId: string): Promise<RunProgress> => {
    const run = await runs.get(tenantId, runId);
    if (run === undefined) throw notFound(`There is no scheduling run ${runId}`);
    return runProgress(run, await bookings.countByState(tenantId, runId), deps.now());
  };
  return {
    async startCohort(tenantId, actor, input) {
      requireAdmin(actor, 'schedule a cohort');
      return startCohort(deps, tenantId, actor.userId, input);
    },
    async startProgramCohort(tenantId, actor, programId, options = {}) {
      requireAdmin(actor, 'schedule a cohort');
      return startCohort(deps, tenantId, actor.userId, await cohortFromProgram(deps, tenantId, programId, options.cycle));
    },
    runCohort: (tenantId, runId, hooks) => runCohort(deps, tenantId, runId, hooks),
    async resumeRun(tenantId, actor, runId) {
      requireAdmin(actor, 'resume a scheduling run');
      const progress = await status(tenantId, runId);
      if (progress.status !== 'done' && deps.runs) {
        const runs = deps.runs;
        await deps.db.transaction().execute((trx) => runs.start(trx, tenantId, runId, progress.attempts + 1));
      }
      return progress;
    },
    async runStatus(tenantId, actor, runId) {
      requireAdmin(actor, 'follow a scheduling run');
      return status(tenantId, runId);
    },
    async runPairs(tenantId, actor, runId) {
      requireAdmin(actor, 'see a scheduling run');
      await status(tenantId, runId);
      return (await bookings.listForRun(tenantId, runId)).map(pairResult);
    },
    async listRuns(tenantId, actor, programId) {
      requireAdmin(actor, 'list scheduling runs');
      const list = await runs.list(tenantId, programId);
      return Promise.all(list.map((run) => status(tenantId, run.id)));
    },
    async previewPair(tenantId, actor, input) {
      requireAdmin(actor, 'plan a pair');
      return previewPair(deps, tenantId, input);
    },
    async bookPair(tenantId, actor, input) {
      requireAdmin(actor, 'book a pair');
      return bookPair(deps, tenantId, input);
    },
    showBooking: async (tenantId, actor, id) => bookingView(await loadBooking(deps, tenantId, actor, id)),
    myBookings: async (tenantId, actor) => (await bookings.listForUser(tenantId, actor.userId)).map(bookingView),
    rescheduleSession: (tenantId, actor, id, index, input) => rescheduleSession(deps, tenantId, actor, id, index, input),
    rescheduleRest: (tenantId, actor, id, fromIndex) => rescheduleRest(deps, tenantId, actor, id, fromIndex),
    cancelSession: (tenantId, actor, id, index) => cancelSession(deps, tenantId, actor, id, index),
    cancelBooking: (tenantId, actor, id) => cancelBooking(deps, tenantId, actor, id),
    async recheckSession(tenantId, actor, id, index) {
      await loadBooking(deps, tenantId, actor, id);
      return recheckSession(deps, tenantId, id, index);
    },
  };
}
