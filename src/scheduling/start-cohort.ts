import type { CohortStart } from '../contracts/scheduling-runs.ts';
import type { TenantId, UserId } from '../core/ids.ts';
import { bookingRunRepository, type BookingRunRecord } from '../store/booking-runs.ts';
import { bookingRepository } from '../store/bookings.ts';
import { runIdOf } from './deterministic-id.ts';
import type { SchedulingDeps } from './deps.ts';
import { newBooking } from './new-booking.ts';
import { resolvePairPeople } from './people.ts';
import { cohortRequestSchema, parseRequest } from './requests.ts';

// What starting a cohort run answers is part of the wire contract.
export type { CohortStart } from '../contracts/scheduling-runs.ts';

/**
 * Checks a cohort request, stores the run and one `pending` booking per pair, and starts the
 * durable job — all in one transaction, so the run exists with its job or not at all. Starting
 * the same program cycle again returns the first run. Bad input (unknown person, zero-length
 * term, unknown cadence or duration, duplicate pairs) is refused with every problem named, before
 * anything is stored.
 */
export async function startCohort(deps: SchedulingDeps, tenantId: TenantId, createdBy: UserId, input: unknown): Promise<CohortStart> {
  const request = parseRequest(cohortRequestSchema, input, 'scheduling request');
  const runs = bookingRunRepository(deps.db);
  const existing = await runs.getForProgramCycle(tenantId, request.programId, request.cycle);
  if (existing !== undefined) return { runId: existing.id, created: false, total: existing.total, skippedPairs: [] };

  const ctx = deps.graphFor(tenantId);
  const people = await resolvePairPeople(ctx, request.pairs.map((pair, i) => ({ field: `pairs.${i}`, pair })), request.settings.organiser);
  const now = deps.now();
  const runId = runIdOf(tenantId, request.programId, request.cycle);
  const bookings = request.pairs.map((pair, position) =>
    newBooking({ tenantId, programId: request.programId, cycle: request.cycle, pairId: pair.pairId, runId, position, people: people[position]!, settings: request.settings, now }),
  );
  const run: BookingRunRecord = {
    tenantId,
    id: runId,
    programId: request.programId,
    cycle: request.cycle,
    status: 'queued',
    phase: 'queued',
    total: bookings.length,
    settings: request.settings,
    graphRequests: 0,
    attempts: 0,
    error: null,
    createdBy,
    createdAt: now,
    startedAt: null,
    updatedAt: now,
    finishedAt: null,
  };
  return deps.db.transaction().execute(async (trx) => {
    if (!(await bookingRunRepository(trx).insert(tenantId, run))) {
      const raced = await bookingRunRepository(trx).getForProgramCycle(tenantId, request.programId, request.cycle);
      return { runId: raced?.id ?? runId, created: false, total: raced?.total ?? 0, skippedPairs: [] };
    }
    const repo = bookingRepository(trx);
    const inserted = await repo.insertMany(tenantId, bookings);
    let skippedPairs: string[] = [];
    if (inserted < bookings.length) {
      const mine = new Set((await repo.listForRun(tenantId, runId)).map((b) => b.pairId));
      skippedPairs = bookings.filter((b) => !mine.has(b.pairId)).map((b) => b.pairId);
      await bookingRunRepository(trx).update(tenantId, runId, { total: inserted }, now);
    }
    await deps.runs?.start(trx, tenantId, runId);
    return { runId, created: true, total: inserted, skippedPairs };
  });
}
