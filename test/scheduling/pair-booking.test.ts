import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookingRepository } from '../../src/store/bookings.ts';
import { termWindow } from '../../src/scheduling/read-calendars.ts';
import { readBack } from './read-back.ts';
import { adminActor, NOW, pairsFrom, openSchedulingHarness, TENANT, TERM, type SchedulingHarness } from './scheduling-fixture.ts';

let h: SchedulingHarness;
beforeAll(async () => {
  h = await openSchedulingHarness();
});
afterAll(() => h?.close());

const settings = { cadence: 'weekly', durationMinutes: 30, term: TERM } as const;
const person = (id: string) => h.fx.dev.tenant.directory.find(TENANT, id)!;

describe('booking one pair', () => {
  it('previews without storing or booking anything', async () => {
    const [pair] = pairsFrom(h.fx.dev.tenant.directory.people(TENANT), 1, 60);
    const before = h.fx.sent.requests;
    const preview = await h.service.previewPair(TENANT, adminActor, { programId: 'single', settings, pair });
    expect(preview.state).toBe('planned');
    expect(preview.sessions.length).toBeGreaterThanOrEqual(10);
    // One getSchedule for both people (a 12-week term is two windows of at most 62 days).
    expect(h.fx.sent.requests - before).toBe(2);
    expect(await bookingRepository(h.db.store.db).getByPair(TENANT, 'single', pair!.pairId, 1)).toBeUndefined();
  });

  it('books once, and a second call returns the same booking without touching Graph', async () => {
    const [pair] = pairsFrom(h.fx.dev.tenant.directory.people(TENANT), 1, 61);
    const booked = await h.service.bookPair(TENANT, adminActor, { programId: 'single', settings, pair });
    expect(booked.state).toBe('booked');
    const before = h.fx.sent.requests;
    const again = await h.service.bookPair(TENANT, adminActor, { programId: 'single', settings, pair });
    expect(again).toEqual(booked);
    expect(h.fx.sent.requests).toBe(before);
    const stored = (await bookingRepository(h.db.store.db).getByPair(TENANT, 'single', pair!.pairId, 1))!;
    const back = await readBack(h.fx.client, booked, person(stored.organiser.userId), person(stored.attendee.userId), stored.transactionId, termWindow(TERM, NOW));
    expect(back).toMatchObject({ organiserSeries: 1, attendeeSeries: 1, outsideHours: [], overlaps: [] });
  });

  it('refuses a mailbox getSchedule does not know, naming the person, and stores nothing', async () => {
    const [pair] = pairsFrom(h.fx.dev.tenant.directory.people(TENANT), 1, 62);
    const ghost = { ...pair!, mentor: { ...pair!.mentor, mailbox: 'nobody@fabrikam.example', name: 'Nobody' } };
    const error = await h.service.bookPair(TENANT, adminActor, { programId: 'single', settings, pair: ghost }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'bad_input' });
    expect((error as Error).message).toMatch(/^Unknown person: Nobody \(nobody@fabrikam\.example\) has no calendar Upward can read \(.*5009/);
    expect(await bookingRepository(h.db.store.db).getByPair(TENANT, 'single', ghost.pairId, 1)).toBeUndefined();
  });

  it('refuses a zero-length term and a session length the product does not offer', async () => {
    const [pair] = pairsFrom(h.fx.dev.tenant.directory.people(TENANT), 1, 63);
    const error = await h.service
      .bookPair(TENANT, adminActor, { programId: 'single', settings: { cadence: 'weekly', durationMinutes: 600, term: { start: '2027-03-02', end: '2027-03-01' } }, pair })
      .catch((e: unknown) => e);
    expect((error as Error).message).toBe(
      'Invalid booking request: settings.durationMinutes: sessions last 30, 45 or 60 minutes; settings.term.end: the term must end after it starts (2027-03-02 to 2027-03-01 has no length)',
    );
  });
});
