/**
 * The check-in card's answers: stored once per person for the streak, acknowledged on the
 * person's own card, never visible to the partner, refused for people outside the pair.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenantId as toTenantId, userId } from '../../../src/core/ids.ts';
import { sessionsOfBooking } from '../../../src/engagement/booking-sessions.ts';
import { loopPortsOver } from '../../../src/engagement/engagement-runtime.ts';
import { bookingRepository, type BookingRecord } from '../../../src/store/bookings.ts';
import { checkInRepository } from '../../../src/store/check-ins.ts';
import { CARD_VERBS } from '../../../src/teams/cards/card-verbs.ts';
import { createLoopHandlers, type LoopHandlers } from '../../../src/teams/loop/loop-handlers.ts';
import { openTestStore, type TestStore } from '../../store/open-test-store.ts';
import { bookedSeries, weeklyStarts } from './loop-fixture.ts';

const NOW = Date.UTC(2026, 10, 18, 15, 0);
const tenant = toTenantId(randomUUID());
const junior = { userId: userId('junior-1'), name: 'Ada Obi' };
const senior = { userId: userId('senior-1'), name: 'Li Na Li' };
const actor = (id: string) => ({ tenantId: tenant, userId: userId(id), teamsUserId: `29:${id}` });

let testStore: TestStore;
let handlers: LoopHandlers;
let booking: BookingRecord;

beforeAll(async () => {
  testStore = await openTestStore('pglite');
  booking = bookedSeries({ tenantId: tenant, programId: 'program-7', pairId: 'pair-1', mentor: junior, mentee: senior, starts: weeklyStarts(NOW, 2, 1) });
  await bookingRepository(testStore.store.db).insertMany(tenant, [booking]);
  handlers = createLoopHandlers({ ports: loopPortsOver(testStore.store, () => NOW), tabUrl: 'https://upward.test/tab/' });
});
afterAll(() => testStore?.cleanup());

describe('check-in answers', () => {
  const streakKey = () => `missed-streak:pair-1:${sessionsOfBooking(booking)[1]!.id}`;
  const rows = () => testStore.store.db.selectFrom('check_ins').selectAll().where('tenant_id', '=', tenant).execute();

  it('stores the answer once, keeps the first on a second click, and thanks the person on their own card', async () => {
    const first = await handlers.cardAction(actor('junior-1'), CARD_VERBS.checkInAnswer, { pairId: 'pair-1', submissionId: streakKey(), choice: 'new-partner' });
    const again = await handlers.cardAction(actor('junior-1'), CARD_VERBS.checkInAnswer, { pairId: 'pair-1', submissionId: streakKey(), choice: 'keep' });
    expect((await rows()).map((r) => [r.user_id, r.choice, r.program_id])).toEqual([['junior-1', 'new-partner', 'program-7']]);
    for (const answer of [first, again]) {
      expect(answer?.type).toBe('application/vnd.microsoft.card.adaptive');
      const text = JSON.stringify(answer!.value);
      expect(text).toContain('Thanks, Ada Obi');
      expect(text).toContain('find you a new partner');
    }
  });

  it('never shows one side’s answer to the other: the partner answers for themselves', async () => {
    const answer = await handlers.cardAction(actor('senior-1'), CARD_VERBS.checkInAnswer, { pairId: 'pair-1', submissionId: streakKey(), choice: 'keep' });
    const text = JSON.stringify(answer!.value);
    expect(text).toContain('Thanks, Li Na Li');
    expect(text).not.toMatch(/new partner/i);
    expect(await checkInRepository(testStore.store.db).countForProgram(tenant, 'program-7')).toEqual({ 'new-partner': 1, keep: 1 });
  });

  it('refuses strangers, other pairs and made-up choices, storing nothing', async () => {
    const before = (await rows()).length;
    const stranger = await handlers.cardAction(actor('stranger-1'), CARD_VERBS.checkInAnswer, { pairId: 'pair-1', submissionId: streakKey(), choice: 'keep' });
    const wrongPair = await handlers.cardAction(actor('junior-1'), CARD_VERBS.checkInAnswer, { pairId: 'pair-2', submissionId: streakKey().replace('pair-1', 'pair-2'), choice: 'keep' });
    const made = await handlers.cardAction(actor('junior-1'), CARD_VERBS.checkInAnswer, { pairId: 'pair-1', submissionId: `${streakKey()}x`, choice: 'blame' });
    for (const answer of [stranger, wrongPair, made]) expect(answer?.type).toBe('application/vnd.microsoft.activity.message');
    expect((await rows()).length).toBe(before);
  });
});
