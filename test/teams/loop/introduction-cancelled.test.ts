/**
 * Introductions that follow a cancelled series, on the store with a recording Bot Connector: once
 * scheduling cancels a pair's booked series (`cancelBooking`, as an admin's cancel and a person
 * leaving do), the job scheduled in the cancelling transaction updates each person's introduction
 * in place to say the meetings were cancelled — no time, no join link; a retried or replayed job
 * updates nothing twice, and nobody is sent a new card about it (someone introduced later is
 * shown the meetings cancelled).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateIntroductions } from '../../../src/engagement/introduction-updates-job.ts';
import { sendIntroductions } from '../../../src/engagement/introductions-job.ts';
import { introduceOnInstall } from '../../../src/engagement/introduction-on-install.ts';
import { cancelBooking } from '../../../src/scheduling/cancel-booking.ts';
import { conversationReferenceRepository } from '../../../src/store/conversation-references.ts';
import { pairingId, pairingRepository } from '../../../src/store/pairings.ts';
import { epochMs } from '../../../src/core/time.ts';
import { openTestStore, type TestStore } from '../../store/open-test-store.ts';
import { junior, senior } from './planned-pair.ts';
import { booked, conversationOf, JOIN, NOW, world, type World } from './introduction-world.ts';

let testStore: TestStore;
beforeAll(async () => {
  testStore = await openTestStore('pglite');
});
afterAll(() => testStore?.cleanup());

/** Both introduced, then the series booked and both cards updated to show it. */
async function bookedAndIntroduced(): Promise<World> {
  const w = await world(testStore.store.db, [junior.userId, senior.userId]);
  await sendIntroductions(w.intro, w.pair.tenant, w.eventId);
  await w.save(booked);
  await w.runJobs();
  for (const person of [junior, senior]) expect(w.connector.of(conversationOf(w, person.userId))[0]!.text).toContain(JOIN);
  return w;
}

/** The junior cancels the series; it has no Outlook events to cancel here, so Graph is never called. */
const cancel = (w: World) =>
  cancelBooking({ ...w.scheduling, graphFor: () => ({}) as never }, w.pair.tenant, { userId: junior.userId, isAdmin: false }, w.pair.booking.id);

describe('introductions after the series is cancelled', () => {
  it('updates both cards in place to say the meetings were cancelled, with no time and no join link', async () => {
    const w = await bookedAndIntroduced();
    await cancel(w);
    expect(await w.runJobs()).toBe(1);
    for (const person of [junior, senior]) {
      const [card, ...more] = w.connector.of(conversationOf(w, person.userId));
      expect(more).toEqual([]);
      expect(card!.updates).toBe(2);
      expect(card!.text).toContain('Your meetings were cancelled');
      expect(card!.text).not.toContain(JOIN);
      expect(card!.text).not.toContain('Every Tuesday');
      expect(card!.text).not.toContain('Need a different time?');
      expect(card!.text).not.toContain('still looking for a time');
    }
  });

  it('updates nothing twice when the job is retried, replayed, or the cancel asked again', async () => {
    const w = await bookedAndIntroduced();
    await cancel(w);
    await w.runJobs();
    const replay = await updateIntroductions(w.updates, w.pair.tenant, w.pair.booking.id);
    expect(replay).toEqual({ updated: [], sent: [], unchanged: [junior.userId, senior.userId], unreachable: [] });
    // Cancelling an already cancelled booking saves nothing, so no job is scheduled.
    await cancel(w);
    expect(await w.runJobs()).toBe(0);
    await sendIntroductions(w.intro, w.pair.tenant, w.eventId);
    expect(w.connector.total()).toBe(2);
    for (const person of [junior, senior]) expect(w.connector.of(conversationOf(w, person.userId))[0]!.updates).toBe(2);
  });

  it('also updates the cards when the pair ended before its series was cancelled (someone left)', async () => {
    const w = await bookedAndIntroduced();
    await pairingRepository(testStore.store.db).end(w.pair.tenant, pairingId(w.pair.booking.pairId), { at: epochMs(NOW), reason: 'no_fault', by: senior.userId });
    await cancel(w);
    await w.runJobs();
    for (const person of [junior, senior]) expect(w.connector.of(conversationOf(w, person.userId))[0]!.text).toContain('Your meetings were cancelled');
  });

  it('sends no card to someone never introduced; their introduction, when it comes, says the meetings were cancelled', async () => {
    const w = await world(testStore.store.db, [junior.userId, senior.userId]);
    const references = conversationReferenceRepository(testStore.store.db);
    await references.markBlocked(w.pair.tenant, senior.userId, epochMs(NOW));
    await sendIntroductions(w.intro, w.pair.tenant, w.eventId);
    await w.save(booked);
    await w.runJobs();
    // The senior unblocks Upward (the bot stores the conversation again) but has no introduction yet.
    await references.upsert(w.pair.tenant, { userId: senior.userId, conversationId: conversationOf(w, senior.userId), serviceUrl: 'https://connector.test/', channelId: 'msteams', botId: '28:bot', at: epochMs(NOW) });
    await cancel(w);
    await w.runJobs();
    expect(w.connector.total()).toBe(1);
    expect(w.connector.of(conversationOf(w, junior.userId))[0]!.text).toContain('Your meetings were cancelled');

    await introduceOnInstall(w.updates, w.pair.tenant, senior.userId);
    const [card, ...more] = w.connector.of(conversationOf(w, senior.userId));
    expect(more).toEqual([]);
    expect(card!.text).toContain('Your meetings were cancelled');
    expect(card!.text).not.toContain(JOIN);
    // What the card shows is recorded: the cancelled booking's job, replayed, changes nothing.
    expect(await updateIntroductions(w.updates, w.pair.tenant, w.pair.booking.id)).toMatchObject({ updated: [], unchanged: [junior.userId, senior.userId] });
  });
});
