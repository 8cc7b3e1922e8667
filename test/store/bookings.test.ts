import { expect, it } from 'vitest';
import { userId, type TenantId } from '../../src/core/ids.ts';
import { epochMs } from '../../src/core/time.ts';
import { bookingRunRepository, type BookingRunRecord } from '../../src/store/booking-runs.ts';
import { bookingId, bookingRepository, type BookingRecord } from '../../src/store/bookings.ts';
import { describeEachBackend, freshTenant } from './each-backend.ts';

const T0 = 1_770_000_000_000;

const booking = (tenantId: TenantId, pairId: string, overrides: Partial<BookingRecord> = {}): BookingRecord => ({
  tenantId,
  id: bookingId(`b-${pairId}`),
  programId: 'prog-1',
  pairId,
  cycle: 1,
  runId: 'run-1',
  position: Number(pairId.replace(/\D/g, '')) || 0,
  state: 'pending',
  organiser: { userId: userId(`senior-${pairId}`), mailbox: `senior-${pairId}@contoso.test`, name: 'Senior', role: 'mentee' },
  attendee: { userId: userId(`junior-${pairId}`), mailbox: `junior-${pairId}@contoso.test`, name: 'Junior', role: 'mentor' },
  settings: { cadence: 'biweekly', durationMinutes: 45, term: { start: '2026-03-02', end: '2026-05-24' }, programName: 'RM', agenda: [], subject: 'RM: Junior & Senior', bodyHtml: '' },
  plan: null,
  occurrences: [],
  series: [],
  transactionId: `tx-${pairId}`,
  eventId: null,
  joinUrl: null,
  reasonCode: null,
  reason: null,
  version: 1,
  createdAt: epochMs(T0),
  updatedAt: epochMs(T0),
  ...overrides,
});

const run = (tenantId: TenantId, overrides: Partial<BookingRunRecord> = {}): BookingRunRecord => ({
  tenantId,
  id: 'run-1',
  programId: 'prog-1',
  cycle: 1,
  status: 'queued',
  phase: 'queued',
  total: 3,
  settings: { cadence: 'biweekly', durationMinutes: 45, term: { start: '2026-03-02', end: '2026-05-24' }, organiser: 'mentee', programName: 'RM', agenda: [] },
  graphRequests: 0,
  attempts: 0,
  error: null,
  createdBy: userId('admin'),
  createdAt: epochMs(T0),
  startedAt: null,
  updatedAt: epochMs(T0),
  finishedAt: null,
  ...overrides,
});

const session = (index: number, status: 'free' | 'moved' | 'unplaced') => ({
  index,
  date: '2026-03-03',
  originalStart: epochMs(T0 + index * 1000),
  start: epochMs(T0 + index * 1000),
  end: epochMs(T0 + index * 1000 + 500),
  status,
  segment: 0,
  conflict: null,
});

describeEachBackend('bookings', ({ store }) => {
  const repo = () => bookingRepository(store().db);
  const runs = () => bookingRunRepository(store().db);

  it('stores bookings once per pair and cycle, and reads them back whole', async () => {
    const tenant = freshTenant();
    expect(await repo().insertMany(tenant, [booking(tenant, 'p1'), booking(tenant, 'p2')])).toBe(2);
    // A second insert of the same pair (a replayed start) keeps the first row.
    expect(await repo().insertMany(tenant, [booking(tenant, 'p1', { id: bookingId('other-id'), state: 'failed' }), booking(tenant, 'p3')])).toBe(1);
    const p1 = await repo().getByPair(tenant, 'prog-1', 'p1', 1);
    expect(p1).toEqual(booking(tenant, 'p1'));
    expect((await repo().listForRun(tenant, 'run-1')).map((b) => b.pairId)).toEqual(['p1', 'p2', 'p3']);
  });

  it('never shows one tenant the bookings of another', async () => {
    const a = freshTenant();
    const b = freshTenant();
    await repo().insertMany(a, [booking(a, 'p1')]);
    expect(await repo().get(b, bookingId('b-p1'))).toBeUndefined();
    expect(await repo().listForRun(b, 'run-1')).toEqual([]);
    expect(await repo().listForUser(b, userId('senior-p1'))).toEqual([]);
    await expect(repo().insertMany(b, [booking(a, 'p9')])).rejects.toThrow(/another tenant/);
  });

  it('saves with an optimistic version and refuses a stale save', async () => {
    const tenant = freshTenant();
    await repo().insertMany(tenant, [booking(tenant, 'p1')]);
    const stored = (await repo().get(tenant, bookingId('b-p1')))!;
    const saved = await repo().save(tenant, { ...stored, state: 'booked', eventId: 'evt-1', occurrences: [session(0, 'free'), session(1, 'moved')] }, epochMs(T0 + 5));
    expect(saved.version).toBe(2);
    const again = (await repo().get(tenant, bookingId('b-p1')))!;
    expect(again).toMatchObject({ state: 'booked', eventId: 'evt-1', version: 2, updatedAt: T0 + 5 });
    expect(again.occurrences.map((o) => o.status)).toEqual(['free', 'moved']);
    await expect(repo().save(tenant, { ...stored, state: 'failed' }, epochMs(T0 + 6))).rejects.toMatchObject({ code: 'conflict' });
    expect((await repo().get(tenant, bookingId('b-p1')))!.state).toBe('booked');
  });

  it('counts a run by state and tells booked pairs with moved sessions apart', async () => {
    const tenant = freshTenant();
    await repo().insertMany(tenant, [
      booking(tenant, 'p1', { state: 'booked', occurrences: [session(0, 'free')] }),
      booking(tenant, 'p2', { state: 'booked', occurrences: [session(0, 'free'), session(1, 'moved')] }),
      booking(tenant, 'p3', { state: 'booked', occurrences: [session(0, 'unplaced')] }),
      booking(tenant, 'p4', { state: 'no_slot', reason: 'never both free' }),
      booking(tenant, 'p5'),
    ]);
    expect(await repo().countByState(tenant, 'run-1')).toEqual({ byState: { booked: 3, no_slot: 1, pending: 1 }, bookedWithMoves: 2 });
  });

  it('lists the bookings a person organises or attends', async () => {
    const tenant = freshTenant();
    await repo().insertMany(tenant, [booking(tenant, 'p1'), booking(tenant, 'p2')]);
    expect((await repo().listForUser(tenant, userId('junior-p2'))).map((b) => b.pairId)).toEqual(['p2']);
    expect((await repo().listForUser(tenant, userId('senior-p1'))).map((b) => b.pairId)).toEqual(['p1']);
  });

  it('keeps one run per program cycle and adds up its progress', async () => {
    const tenant = freshTenant();
    expect(await runs().insert(tenant, run(tenant))).toBe(true);
    expect(await runs().insert(tenant, run(tenant, { id: 'run-2' }))).toBe(false);
    expect(await runs().update(tenant, 'run-1', { status: 'running', phase: 'booking', startedAt: epochMs(T0 + 1), addGraphRequests: 20, addAttempt: true }, epochMs(T0 + 2))).toBe(true);
    expect(await runs().update(tenant, 'run-1', { addGraphRequests: 5, addAttempt: true }, epochMs(T0 + 3))).toBe(true);
    expect(await runs().getForProgramCycle(tenant, 'prog-1', 1)).toMatchObject({ status: 'running', phase: 'booking', graphRequests: 25, attempts: 2, startedAt: T0 + 1, updatedAt: T0 + 3 });
    expect(await runs().get(freshTenant(), 'run-1')).toBeUndefined();
    expect(await runs().update(freshTenant(), 'run-1', { status: 'done' }, epochMs(T0))).toBe(false);
  });
});
