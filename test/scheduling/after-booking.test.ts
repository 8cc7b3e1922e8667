import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userId } from '../../src/core/ids.ts';
import { graphUtcDateTime } from '../../src/graph/graph-time.ts';
import type { BookingView } from '../../src/scheduling/booking-view.ts';
import { termWindow } from '../../src/scheduling/read-calendars.ts';
import { bookingId, bookingRepository } from '../../src/store/bookings.ts';
import { readBack } from './read-back.ts';
import { adminActor, NOW, pairsFrom, openSchedulingHarness, TENANT, TERM, type SchedulingHarness } from './scheduling-fixture.ts';

/** What happens after booking: re-checks, moving one session or the rest, cancelling. */
let h: SchedulingHarness;
beforeAll(async () => {
  h = await openSchedulingHarness();
});
afterAll(() => h?.close());

const settings = { cadence: 'weekly', durationMinutes: 45, term: TERM } as const;
const person = (id: string) => h.fx.dev.tenant.directory.find(TENANT, id)!;

async function book(offset: number): Promise<BookingView> {
  const [pair] = pairsFrom(h.fx.dev.tenant.directory.people(TENANT), 1, offset);
  const view = await h.service.bookPair(TENANT, adminActor, { programId: 'after', settings, pair });
  expect(view.state).toBe('booked');
  return view;
}
async function check(view: BookingView) {
  const b = (await bookingRepository(h.db.store.db).get(TENANT, bookingId(view.bookingId)))!;
  return readBack(h.fx.client, view, person(b.organiser.userId), person(b.attendee.userId), b.transactionId, termWindow(TERM, NOW));
}
const firstHeld = (view: BookingView, after = 0) => view.sessions.find((s) => s.index >= after && (s.status === 'free' || s.status === 'moved'))!;

describe('after booking', () => {
  it('finds a meeting that appeared later, proposes a move, and moves the session there', async () => {
    const view = await book(0);
    const b = (await bookingRepository(h.db.store.db).get(TENANT, bookingId(view.bookingId)))!;
    const session = firstHeld(view, 3);
    // Someone books the mentor into another meeting at the session's time.
    await h.fx.client.api(`/users/${b.attendee.userId}/events`).post({
      subject: 'All-hands',
      start: { dateTime: graphUtcDateTime(Date.parse(session.start)), timeZone: 'UTC' },
      end: { dateTime: graphUtcDateTime(Date.parse(session.end)), timeZone: 'UTC' },
    });
    expect((await check(view)).overlaps).toEqual([session.start]);

    const result = await h.service.recheckSession(TENANT, adminActor, view.bookingId, session.index);
    expect(result).toMatchObject({ status: 'conflict', conflict: { who: 'attendee' } });
    const proposal = result.status === 'conflict' ? result.conflict.proposal! : undefined;
    expect(proposal).toBeDefined();
    expect((await h.service.showBooking(TENANT, adminActor, view.bookingId)).sessions[session.index]!.conflict).toMatchObject({ who: 'attendee' });

    const before = h.fx.sent.requests;
    const moved = await h.service.rescheduleSession(TENANT, adminActor, view.bookingId, session.index);
    // getSchedule for both, the series' instances, one PATCH.
    expect(h.fx.sent.requests - before).toBe(3);
    expect(moved.sessions[session.index]).toMatchObject({ status: 'moved', start: new Date(proposal!.start).toISOString(), conflict: null });
    const back = await check(moved);
    expect(back).toMatchObject({ organiserSeries: 1, overlaps: [], outsideHours: [] });
    expect(back.sessions.map((s) => s.start)).toContain(proposal!.start);
  });

  it('reports a clear session as clear', async () => {
    const view = await book(1);
    expect(await h.service.recheckSession(TENANT, adminActor, view.bookingId, firstHeld(view, 2).index)).toEqual({ status: 'clear' });
  });

  it('moves a session to an asked time only if both are free and working then', async () => {
    const view = await book(2);
    const session = firstHeld(view, 2);
    const midnight = new Date(Date.parse(session.start)).toISOString().slice(0, 10) + 'T02:00:00Z';
    await expect(h.service.rescheduleSession(TENANT, adminActor, view.bookingId, session.index, { start: midnight })).rejects.toThrow(/outside .* working hours/);
    await expect(h.service.rescheduleSession(TENANT, adminActor, view.bookingId, session.index, { start: 'tomorrow' })).rejects.toMatchObject({ code: 'bad_input' });
  });

  it('reschedules the rest of the series as a second series, leaving earlier sessions where they were', async () => {
    const view = await book(3);
    const from = firstHeld(view, 5).index;
    const rest = await h.service.rescheduleRest(TENANT, adminActor, view.bookingId, from);
    expect(rest.state).toBe('booked');
    expect(rest.eventIds).toHaveLength(2);
    expect(rest.sessions.filter((s) => s.index < from)).toEqual(view.sessions.filter((s) => s.index < from));
    const stored = (await bookingRepository(h.db.store.db).get(TENANT, bookingId(view.bookingId)))!;
    expect(stored.series[0]!.recurrence.range.endDate < stored.series[1]!.recurrence.range.startDate).toBe(true);
    const back = await check(rest);
    expect(back.overlaps).toEqual([]);
    expect(back.outsideHours).toEqual([]);
    // The first series now ends before `from`: what the calendar holds is exactly what Upward shows.
    const held = rest.sessions.filter((s) => s.index < from && (s.status === 'free' || s.status === 'moved')).map((s) => Date.parse(s.start));
    expect(back.sessions.map((s) => s.start)).toEqual(held.sort((a, b) => a - b));
  });

  it('cancels one session, then the whole series; the calendar holds none of it', async () => {
    const view = await book(4);
    const session = firstHeld(view, 1);
    const one = await h.service.cancelSession(TENANT, adminActor, view.bookingId, session.index);
    expect(one.sessions[session.index]!.status).toBe('cancelled');
    expect((await check(one)).sessions.map((s) => s.start)).not.toContain(Date.parse(session.start));

    const all = await h.service.cancelBooking(TENANT, adminActor, view.bookingId);
    expect(all.state).toBe('cancelled');
    expect(all.sessions.every((s) => s.status === 'cancelled')).toBe(true);
    expect((await check(all)).organiserSeries).toBe(0);
    expect(await h.service.cancelBooking(TENANT, adminActor, view.bookingId)).toEqual(all);
  });

  it('shows a booking to its pair and to admins only', async () => {
    const view = await book(5);
    const b = (await bookingRepository(h.db.store.db).get(TENANT, bookingId(view.bookingId)))!;
    const mentor = { userId: b.attendee.userId, isAdmin: false };
    expect((await h.service.showBooking(TENANT, mentor, view.bookingId)).bookingId).toBe(view.bookingId);
    expect((await h.service.myBookings(TENANT, mentor)).map((v) => v.bookingId)).toEqual([view.bookingId]);
    const stranger = { userId: userId('someone-else'), isAdmin: false };
    await expect(h.service.showBooking(TENANT, stranger, view.bookingId)).rejects.toMatchObject({ code: 'not_found' });
    await expect(h.service.cancelBooking(TENANT, stranger, view.bookingId)).rejects.toMatchObject({ code: 'not_found' });
  });
});
