import type { PairResult, RunProgress } from '../contracts/scheduling-runs.ts';
import type { BookingRunRecord } from '../store/booking-runs.ts';
import type { BookingRecord, BookingState } from '../store/bookings.ts';
import { storedExplanation } from './stored-explanation.ts';

// A run and its pairs as the API and the CLI show them: the wire contract the tab reads.
export type { PairResult, RunProgress } from '../contracts/scheduling-runs.ts';

/** A run's progress from its row and its bookings' counts. */
export function runProgress(
  run: BookingRunRecord,
  counts: { byState: Partial<Record<BookingState, number>>; bookedWithMoves: number },
  now: number,
): RunProgress {
  const n = (s: BookingState): number => counts.byState[s] ?? 0;
  const booked = n('booked') + n('cancelled');
  const done = booked + n('no_slot') + n('failed');
  const inProgress = n('pending') + n('planned') + n('created');
  const total = Math.max(run.total, done + inProgress);
  let etaSeconds: number | null = null;
  if (run.status === 'running' && run.startedAt !== null && done > 0 && done < total) {
    const elapsed = Math.max(now - run.startedAt, 1);
    etaSeconds = Math.ceil(((total - done) * elapsed) / done / 1000);
  }
  return {
    runId: run.id,
    programId: run.programId,
    cycle: run.cycle,
    status: run.status,
    phase: run.phase,
    total,
    done,
    booked,
    bookedWithMovedSessions: counts.bookedWithMoves,
    noSlot: n('no_slot'),
    failed: n('failed'),
    inProgress,
    percent: total === 0 ? 100 : Math.floor((done * 100) / total),
    etaSeconds,
    graphRequests: run.graphRequests,
    attempts: run.attempts,
    startedAt: run.startedAt === null ? null : new Date(run.startedAt).toISOString(),
    finishedAt: run.finishedAt === null ? null : new Date(run.finishedAt).toISOString(),
    error: run.error,
  };
}

/** A booking's result as the run's pair list shows it. */
export function pairResult(b: BookingRecord): PairResult {
  const moved = b.occurrences.filter((o) => o.status === 'moved').length;
  const cancelled = b.occurrences.filter((o) => o.status === 'unplaced' || o.status === 'cancelled').length;
  const result: PairResult['result'] =
    b.state === 'booked' ? (moved + cancelled > 0 ? 'booked_with_moved_sessions' : 'booked')
    : b.state === 'no_slot' || b.state === 'failed' || b.state === 'cancelled' ? b.state
    : 'in_progress';
  return {
    bookingId: b.id,
    pairId: b.pairId,
    result,
    state: b.state,
    organiser: b.organiser.name,
    attendee: b.attendee.name,
    movedSessions: moved,
    cancelledSessions: cancelled,
    explanation: storedExplanation(b.plan),
    reasonCode: b.reasonCode,
    reason: b.reason,
    eventId: b.eventId,
  };
}
