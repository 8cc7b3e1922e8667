/**
 * "Reschedule this one": the clicker gets at most three mutual free times from the free-time
 * source, choosing one moves the session through the scheduling service (as that person, never as
 * an admin) and the card says where it is now; without the service the card links to the tab.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UpwardError } from '../../../src/core/errors.ts';
import { tenantId as toTenantId, userId, type TenantId } from '../../../src/core/ids.ts';
import { epochMs, HOUR_MS } from '../../../src/core/time.ts';
import { parseSessionId, sessionsOfBooking } from '../../../src/engagement/booking-sessions.ts';
import { loopPortsOver } from '../../../src/engagement/engagement-runtime.ts';
import { sessionReschedulePort, type AlternativesSourceLike } from '../../../src/engagement/session-reschedule-port.ts';
import type { SessionAlternativesSource } from '../../../src/server/routes/session-alternatives-source.ts';
import { bookingId, bookingRepository, type BookingRecord } from '../../../src/store/bookings.ts';
import { CARD_VERBS } from '../../../src/teams/cards/card-verbs.ts';
import { createLoopHandlers, type LoopHandlers } from '../../../src/teams/loop/loop-handlers.ts';
import { openTestStore, type TestStore } from '../../store/open-test-store.ts';
import { bookedSeries, weeklyStarts } from './loop-fixture.ts';

// The real source fits the port's shape (a compile-time check).
const fits = (source: SessionAlternativesSource): AlternativesSourceLike => source;
void fits;

const NOW = Date.UTC(2026, 10, 18, 15, 0);
const tenant = toTenantId(randomUUID());
const junior = { userId: userId('junior-1'), name: 'Ada Obi' };
const senior = { userId: userId('senior-1'), name: 'Li Na Li' };
const actor = (id: string) => ({ tenantId: tenant, userId: userId(id), teamsUserId: `29:${id}` });

let testStore: TestStore;
let booking: BookingRecord;
let handlers: LoopHandlers;
let tabOnly: LoopHandlers;
const calls: { kind: string; args: unknown[] }[] = [];

beforeAll(async () => {
  testStore = await openTestStore('pglite');
  const db = testStore.store.db;
  booking = bookedSeries({ tenantId: tenant, programId: 'program-1', pairId: 'pair-1', mentor: junior, mentee: senior, starts: weeklyStarts(NOW, 1, 2) });
  await bookingRepository(db).insertMany(tenant, [booking]);
  const next = sessionsOfBooking(booking)[1]!;
  const source: AlternativesSourceLike = {
    async alternatives(...args) {
      calls.push({ kind: 'alternatives', args });
      // Five offered by the source: the card keeps three.
      const starts = [1, 2, 3, 4, 5].map((h) => next.start + h * HOUR_MS);
      return { alternatives: starts.map((s) => ({ start: new Date(s).toISOString(), end: new Date(s + 45 * 60_000).toISOString() })) };
    },
  };
  const reschedule = async (t: TenantId, who: { userId: string; isAdmin: boolean }, id: string, index: number, input: { start?: string }) => {
    calls.push({ kind: 'reschedule', args: [t, who, id, index, input] });
    if (input.start === new Date(next.start + 5 * HOUR_MS).toISOString()) throw new UpwardError('bad_input', 'Li Na Li is busy then.');
    const stored = (await bookingRepository(db).get(t, bookingId(id)))!;
    const start = epochMs(Date.parse(input.start!));
    const moved = { ...stored, occurrences: stored.occurrences.map((o) => (o.index === index ? { ...o, start, end: epochMs(start + 45 * 60_000) } : o)) };
    await bookingRepository(db).save(t, moved, epochMs(NOW));
  };
  const moving = { reschedule: sessionReschedulePort(db, source, reschedule), sessionsTabUrl: 'https://upward.test/tab/#sessions' };
  handlers = createLoopHandlers({ ports: loopPortsOver(testStore.store, () => NOW, undefined, undefined, moving), tabUrl: 'https://upward.test/tab/' });
  tabOnly = createLoopHandlers({ ports: loopPortsOver(testStore.store, () => NOW), tabUrl: 'https://upward.test/tab/' });
});
afterAll(() => testStore?.cleanup());

describe('reschedule this one', () => {
  const session = () => sessionsOfBooking(booking)[1]!;
  const ids = () => ({ sessionId: session().id, pairId: 'pair-1' });
  const chooses = (answer: any): any[] => answer.value.actions.filter((a: any) => a.verb === CARD_VERBS.sessionRescheduleChoose);

  it('offers at most three mutual free times, asked as the clicking person', async () => {
    const answer = await handlers.cardAction(actor('senior-1'), CARD_VERBS.sessionReschedule, ids());
    expect(answer?.type).toBe('application/vnd.microsoft.card.adaptive');
    const options = chooses(answer);
    expect(options.map((a) => a.data.start)).toEqual([1, 2, 3].map((h) => new Date(session().start + h * HOUR_MS).toISOString()));
    const parsed = parseSessionId(session().id)!;
    expect(calls.at(-1)).toEqual({ kind: 'alternatives', args: [tenant, { userId: 'senior-1', isAdmin: false }, parsed.bookingId, parsed.index] });
    expect(JSON.stringify(answer!.value)).toContain('https://upward.test/tab/#sessions');
  });

  it('moves the session to the chosen time and says where it is now', async () => {
    const to = session().start + 2 * HOUR_MS;
    const answer = await handlers.cardAction(actor('junior-1'), CARD_VERBS.sessionRescheduleChoose, { ...ids(), start: new Date(to).toISOString() });
    expect(calls.at(-1)?.kind).toBe('reschedule');
    expect((calls.at(-1)!.args[1] as any)).toEqual({ userId: 'junior-1', isAdmin: false });
    const stored = (await bookingRepository(testStore.store.db).get(tenant, booking.id))!;
    expect(sessionsOfBooking(stored).find((s) => s.id === session().id)?.start).toBe(to);
    const moved = (answer!.value as any).body.find((b: any) => b.id === 'moved');
    expect(moved.text).toContain(new Date(to).toISOString().slice(0, 16));
  });

  it('shows a refusal from the scheduling service with the tab link, and nothing for strangers', async () => {
    const busy = session().start + 5 * HOUR_MS;
    const answer = await handlers.cardAction(actor('junior-1'), CARD_VERBS.sessionRescheduleChoose, { ...ids(), start: new Date(busy).toISOString() });
    expect((answer!.value as any).body.find((b: any) => b.id === 'reason').text).toMatch(/busy then/);
    const before = calls.length;
    const stranger = await handlers.cardAction(actor('stranger-1'), CARD_VERBS.sessionReschedule, ids());
    expect(stranger?.type).toBe('application/vnd.microsoft.activity.message');
    expect(calls.length).toBe(before);
  });

  it('points to the tab when no scheduling service is wired', async () => {
    const answer = await tabOnly.cardAction(actor('senior-1'), CARD_VERBS.sessionReschedule, ids());
    expect(chooses(answer)).toEqual([]);
    expect(JSON.stringify(answer!.value)).toContain('https://upward.test/tab/');
  });
});
