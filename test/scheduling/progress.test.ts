import { describe, expect, it } from 'vitest';
import { userId, tenantId } from '../../src/core/ids.ts';
import { epochMs } from '../../src/core/time.ts';
import { runProgress } from '../../src/scheduling/progress.ts';
import type { BookingRunRecord } from '../../src/store/booking-runs.ts';

const run = (overrides: Partial<BookingRunRecord> = {}): BookingRunRecord => ({
  tenantId: tenantId('t'), id: 'r', programId: 'p', cycle: 1, status: 'running', phase: 'booking', total: 1000,
  settings: { cadence: 'biweekly', durationMinutes: 45, term: { start: '2027-03-02', end: '2027-05-24' }, organiser: 'mentee', programName: 'RM', agenda: [] },
  graphRequests: 0, attempts: 1, error: null, createdBy: userId('a'), createdAt: epochMs(0), startedAt: epochMs(1_000_000), updatedAt: epochMs(0), finishedAt: null, ...overrides,
});

describe('run progress', () => {
  it('counts results and estimates the time left at the pace so far', () => {
    const p = runProgress(run(), { byState: { booked: 300, no_slot: 50, failed: 50, planned: 400, created: 200 }, bookedWithMoves: 120 }, 1_000_000 + 20_000);
    expect(p).toMatchObject({ total: 1000, done: 400, booked: 300, bookedWithMovedSessions: 120, noSlot: 50, failed: 50, inProgress: 600, percent: 40 });
    // 400 pairs in 20 s: the other 600 take 30 s more.
    expect(p.etaSeconds).toBe(30);
  });

  it('gives no estimate before the first pair is done, or once the run is over', () => {
    expect(runProgress(run(), { byState: { planned: 1000 }, bookedWithMoves: 0 }, 1_005_000).etaSeconds).toBeNull();
    expect(runProgress(run({ status: 'done', phase: 'done' }), { byState: { booked: 1000 }, bookedWithMoves: 0 }, 1_005_000)).toMatchObject({ etaSeconds: null, percent: 100 });
  });
});
