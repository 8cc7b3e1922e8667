/**
 * The agenda card's actions against a real store: an item typed on the card lands on the pair's
 * backlog once however often the click arrives, bad input comes back in place and stores nothing,
 * and refresh / show render the agenda for whoever clicked (people outside the pair get a notice).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenantId as toTenantId, userId } from '../../../src/core/ids.ts';
import { pairId } from '../../../src/core/sessions/session.ts';
import { sessionsOfBooking } from '../../../src/engagement/booking-sessions.ts';
import { loopPortsOver } from '../../../src/engagement/engagement-runtime.ts';
import { agendaBacklogRepository } from '../../../src/store/agenda-backlog.ts';
import { bookingRepository, type BookingRecord } from '../../../src/store/bookings.ts';
import { CARD_VERBS } from '../../../src/teams/cards/card-verbs.ts';
import { createLoopHandlers, type LoopHandlers } from '../../../src/teams/loop/loop-handlers.ts';
import { openTestStore, type TestStore } from '../../store/open-test-store.ts';
import { bookedSeries, weeklyStarts } from './loop-fixture.ts';

const NOW = Date.UTC(2026, 10, 18, 15, 0);
const tenant = toTenantId(randomUUID());
const junior = { userId: userId('junior-1'), name: 'Ada Obi' };
const senior = { userId: userId('senior-1'), name: 'Li Na Li' };
const PAIR = `pair-${randomUUID()}`;

let testStore: TestStore;
let handlers: LoopHandlers;
let booking: BookingRecord;
let clock = NOW;

const actor = (id: string) => ({ tenantId: tenant, userId: userId(id), teamsUserId: `29:${id}` });
const backlog = () => agendaBacklogRepository(testStore.store.db).list(tenant, pairId(PAIR));
const body = (answer: any): any[] => answer.value.body;
const addAction = (answer: any): any => answer.value.actions.find((a: any) => a.verb === CARD_VERBS.agendaAdd);

beforeAll(async () => {
  testStore = await openTestStore('pglite');
  booking = bookedSeries({ tenantId: tenant, programId: 'program-1', pairId: PAIR, mentor: junior, mentee: senior, starts: weeklyStarts(NOW, 1, 2) });
  await bookingRepository(testStore.store.db).insertMany(tenant, [booking]);
  handlers = createLoopHandlers({ ports: loopPortsOver(testStore.store, () => clock), tabUrl: 'https://upward.test/tab/' });
});
afterAll(() => testStore?.cleanup());

describe('agenda card actions', () => {
  const session = () => sessionsOfBooking(booking)[1]!; // the next one, a few days ahead
  const ids = () => ({ sessionId: session().id, pairId: PAIR });

  it('refuses an empty item and one over 500 characters in place, storing nothing', async () => {
    const empty = await handlers.cardAction(actor('junior-1'), CARD_VERBS.agendaAdd, { ...ids(), submissionId: 'k-empty', agendaItem: '   ' });
    expect(empty?.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(body(empty).find((b) => b.id === 'agendaItem-error')?.text).toMatch(/Type something/);
    const long = 'x'.repeat(501);
    const tooLong = await handlers.cardAction(actor('junior-1'), CARD_VERBS.agendaAdd, { ...ids(), submissionId: 'k-long', agendaItem: long });
    expect(body(tooLong).find((b) => b.id === 'agendaItem-error')?.text).toMatch(/500 characters/);
    // The same click's key stays on the card, so the corrected retry is still one item.
    expect(addAction(tooLong).data.submissionId).toBe('k-long');
    expect(await backlog()).toEqual([]);
  });

  it('stores a duplicate click once and shows the item on the re-rendered agenda', async () => {
    const data = { ...ids(), submissionId: 'k-1', agendaItem: '  How do you prepare a board update?  ' };
    const first = await handlers.cardAction(actor('junior-1'), CARD_VERBS.agendaAdd, data);
    const second = await handlers.cardAction(actor('junior-1'), CARD_VERBS.agendaAdd, data);
    const items = await backlog();
    expect(items.map((i) => [i.text, i.addedBy])).toEqual([['How do you prepare a board update?', 'junior-1']]);
    for (const answer of [first, second]) {
      expect(body(answer).find((b) => b.id === 'agendaItem-added')?.text).toContain('How do you prepare a board update?');
      expect(JSON.stringify(answer!.value)).toContain('- How do you prepare a board update?');
    }
    // The re-rendered card carries a new key, so the next item typed on it is a new one.
    expect(addAction(first).data.submissionId).not.toBe('k-1');
    clock += 60_000;
    await handlers.cardAction(actor('junior-1'), CARD_VERBS.agendaAdd, { ...addAction(first).data, agendaItem: 'Try the new planning tool' });
    expect((await backlog()).map((i) => i.text)).toEqual(['How do you prepare a board update?', 'Try the new planning tool']);
  });

  it('refreshes and shows the agenda for the clicking person, with the shared backlog', async () => {
    for (const verb of [CARD_VERBS.agendaRefresh, CARD_VERBS.agendaShow]) {
      const answer = await handlers.cardAction(actor('senior-1'), verb, ids());
      expect(answer?.type).toBe('application/vnd.microsoft.card.adaptive');
      const text = JSON.stringify(answer!.value);
      expect(text).toContain('with Ada Obi');
      expect(text).toContain('How do you prepare a board update?');
      expect((answer!.value as any).refresh.userIds).toContain('29:senior-1');
    }
  });

  it('tells someone outside the pair it is not theirs, and stores nothing for them', async () => {
    const before = (await backlog()).length;
    const answer = await handlers.cardAction(actor('stranger-1'), CARD_VERBS.agendaAdd, { ...ids(), submissionId: 'k-x', agendaItem: 'Sneaky' });
    expect(answer).toMatchObject({ type: 'application/vnd.microsoft.activity.message' });
    expect((await backlog()).length).toBe(before);
    const show = await handlers.cardAction(actor('stranger-1'), CARD_VERBS.agendaShow, ids());
    expect(show?.type).toBe('application/vnd.microsoft.activity.message');
  });
});
