import { notFound, UpwardError } from '../core/errors.ts';
import type { TenantId } from '../core/ids.ts';
import { interval, type Interval } from '../core/time/intervals.ts';
import { bookingRunRepository, type BookingRunChange } from '../store/booking-runs.ts';
import { bookingRepository, type BookingRecord } from '../store/bookings.ts';
import { createPlannedSeries, finishSessions, type StepResult } from './book-series.ts';
import type { SchedulingDeps } from './deps.ts';
import { countingContext } from './graph-context.ts';
import { planBookings, type PlannedBooking } from './plan-bookings.ts';
import { runProgress, type RunProgress } from './progress.ts';
import { readCalendars, termWindow, type CalendarsRead } from './read-calendars.ts';
import { saveBookings } from './save-bookings.ts';
import { prepareZoneTables, type ZoneTablesPrepared } from './zone-tables.ts';

/** Pairs sent to Graph per round before their results are stored (and progress moves). */
const CHUNK = 400;

/** Test and benchmark hooks into a run. */
export interface CohortRunHooks {
  /**
   * Sees every plan with its search CPU time (the benchmark's figure), and can search the same
   * pairs again on the same calendars (nothing is stored or sent) to measure a warm search; also
   * what preparing the run's zone tables cost before the searches.
   */
  readonly onPlanned?: (planned: readonly PlannedBooking[], searchAgain: () => readonly PlannedBooking[], zoneTables: ZoneTablesPrepared) => void;
  /** Runs after Graph answered a round and before its results are stored: a throw here is a crash at the worst moment. */
  readonly beforeStore?: (phase: 'booking' | 'moving', results: readonly StepResult[]) => void | Promise<void>;
}

/**
 * Books every pair of a stored cohort run; the body of the durable cohort job. Resumable at any
 * point: each pair's state is stored before and after each Graph step, so a second call (a retry
 * after a crash or a restart) continues where the first stopped —
 *  - `pending` pairs are planned (free/busy read once for all of them, with the sessions already
 *    promised by this run counted as busy, so no one is booked twice);
 *  - `planned` pairs are created with their stored plan and transaction id: if Graph had created
 *    the series before a crash, it returns that series instead of a second one;
 *  - `created` pairs get their moved sessions applied.
 * Throttling beyond the retry budget stops the run with everything so far stored and rethrows,
 * so the job retries it later.
 */
export async function runCohort(deps: SchedulingDeps, tenantId: TenantId, runId: string, hooks: CohortRunHooks = {}): Promise<RunProgress> {
  const runs = bookingRunRepository(deps.db);
  const bookings = bookingRepository(deps.db);
  const run = await runs.get(tenantId, runId);
  if (run === undefined) throw notFound(`There is no scheduling run ${runId}`);
  if (run.status === 'done') return runProgress(run, await bookings.countByState(tenantId, runId), deps.now());

  const counter = { requests: 0 };
  const ctx = countingContext(deps.graphFor(tenantId), counter);
  const record = async (change: BookingRunChange): Promise<void> => {
    const add = counter.requests;
    counter.requests = 0;
    await runs.update(tenantId, runId, { ...change, addGraphRequests: add }, deps.now());
  };
  await record({ status: 'running', phase: 'availability', error: null, addAttempt: true, ...(run.startedAt === null ? { startedAt: deps.now() } : {}) });

  try {
    const all = await bookings.listForRun(tenantId, runId);
    const pending = all.filter((b) => b.state === 'pending');
    if (pending.length > 0) {
      const mailboxes = pending.flatMap((b) => [b.organiser.mailbox, b.attendee.mailbox]);
      const calendars = await readCalendars(ctx.client, mailboxes, termWindow(run.settings.term, deps.now()), ctx.batch);
      await record({ phase: 'planning' });
      const now = deps.now();
      const zoneTables = prepareZoneTables(zoneNames(calendars), run.settings.term);
      const planned = planBookings(pending, calendars, promisedTimes(all), now);
      hooks.onPlanned?.(planned, () => planBookings(pending, calendars, promisedTimes(all), now), zoneTables);
      await saveBookings(deps, tenantId, planned.map((p) => p.booking));
    }

    // Pairs left half-way by an earlier attempt first, then the rest a chunk at a time: each chunk
    // is created and its clashing sessions moved before the next, so progress moves steadily.
    let transient: UpwardError | undefined;
    const apply = async (phase: 'booking' | 'moving', chunk: readonly BookingRecord[]): Promise<BookingRecord[]> => {
      const results = await (phase === 'booking' ? createPlannedSeries(ctx, chunk) : finishSessions(ctx, chunk));
      await hooks.beforeStore?.(phase, results);
      transient ??= results.find((r) => r.transient)?.transient;
      const saved = await saveBookings(deps, tenantId, results.filter((r, n) => r.booking !== chunk[n]).map((r) => r.booking));
      await record({});
      return saved;
    };
    const leftover = await bookings.listForRun(tenantId, runId, ['created']);
    if (leftover.length > 0) {
      await record({ phase: 'moving' });
      for (let i = 0; i < leftover.length; i += CHUNK) await apply('moving', leftover.slice(i, i + CHUNK));
    }
    await record({ phase: 'booking' });
    const todo = await bookings.listForRun(tenantId, runId, ['planned']);
    for (let i = 0; i < todo.length; i += CHUNK) {
      const created = (await apply('booking', todo.slice(i, i + CHUNK))).filter((b) => b.state === 'created');
      if (created.length > 0) await apply('moving', created);
    }
    if (transient !== undefined) throw transient;
    const left = await bookings.countByState(tenantId, runId);
    const unfinished = (left.byState.pending ?? 0) + (left.byState.planned ?? 0) + (left.byState.created ?? 0);
    if (unfinished > 0) throw new UpwardError('unavailable', `${unfinished} pair(s) of run ${runId} are not finished yet; the run continues on its next attempt`);

    await record({ status: 'done', phase: 'done', finishedAt: deps.now() });
  } catch (error) {
    await record({ status: 'failed', error: error instanceof Error ? error.message : String(error) }).catch(() => undefined);
    deps.log.warn({ err: error, runId }, 'scheduling run stopped; it resumes from its stored state when retried');
    throw error;
  }
  const done = await runs.get(tenantId, runId);
  return runProgress(done!, await bookings.countByState(tenantId, runId), deps.now());
}

/** The zone names of every mailbox read: each is a series zone or a working-hours zone of the search. */
function zoneNames(calendars: CalendarsRead): Set<string> {
  const names = new Set<string>();
  for (const calendar of calendars.byMailbox.values()) if (calendar.workingHours !== undefined) names.add(calendar.workingHours.zone);
  return names;
}

/** Sessions this run has already promised (planned or booked), by mailbox. */
function promisedTimes(all: readonly BookingRecord[]): Map<string, Interval[]> {
  const taken = new Map<string, Interval[]>();
  for (const b of all) {
    if (b.state !== 'planned' && b.state !== 'created' && b.state !== 'booked') continue;
    for (const o of b.occurrences) {
      if (o.status === 'unplaced' || o.status === 'cancelled') continue;
      for (const mailbox of [b.organiser.mailbox.toLowerCase(), b.attendee.mailbox.toLowerCase()]) {
        const list = taken.get(mailbox) ?? [];
        list.push(interval(o.start, o.end));
        taken.set(mailbox, list);
      }
    }
  }
  return taken;
}
