/**
 * Introductions that follow the booking, on the store with a recording Bot Connector: an
 * introduction sent while no time was found is updated in place once scheduling saves the series
 * as booked (the job scheduled in the saving transaction), and again when the rest of the series
 * moves; a retried or replayed job updates and sends nothing twice; someone who never received
 * the introduction is sent the booked one instead, and the introductions job then sends nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY_MS, epochMs, HOUR_MS } from '../../../src/core/time.ts';
import { introductionKey, sendIntroductions } from '../../../src/engagement/introductions-job.ts';
import { updateIntroductions } from '../../../src/engagement/introduction-updates-job.ts';
import { conversationReferenceRepository } from '../../../src/store/conversation-references.ts';
import { sentMessageRepository } from '../../../src/store/sent-messages.ts';
import { openTestStore, type TestStore } from '../../store/open-test-store.ts';
import { junior, senior } from './planned-pair.ts';
import { booked, conversationOf, JOIN, MOVED_JOIN, NOW, world as storedWorld, type World } from './introduction-world.ts';

let testStore: TestStore;
beforeAll(async () => {
  testStore = await openTestStore('pglite');
});
afterAll(() => testStore?.cleanup());

const world = (reachable: Parameters<typeof storedWorld>[1]) => storedWorld(testStore.store.db, reachable);

describe('introductions that follow the booking', () => {
  let w: World;
  beforeAll(async () => {
    w = await world([junior.userId, senior.userId]);
    await sendIntroductions(w.intro, w.pair.tenant, w.eventId);
  });

  it('sends each person the introduction saying a time is still being looked for', () => {
    for (const person of [junior, senior]) {
      const [card, ...more] = w.connector.of(conversationOf(w, person.userId));
      expect(more).toEqual([]);
      expect(card!.text).toContain('still looking for a time');
      expect(card!.updates).toBe(0);
    }
  });

  it('updates both cards in place once the series is booked: weekday, own time, first date, sessions, join link', async () => {
    const saved = await w.save(booked);
    // The job is keyed by booking and version, created in the transaction that saved the booking.
    expect(w.queue.jobs.map((j) => j.key)).toEqual([`introduction-update:${w.pair.tenant}:${saved.id}:${saved.version}`]);
    expect(await w.runJobs()).toBe(1);
    for (const person of [junior, senior]) {
      const [card, ...more] = w.connector.of(conversationOf(w, person.userId));
      expect(more).toEqual([]);
      expect(card!.updates).toBe(1);
      expect(card!.text).not.toContain('still looking');
      expect(card!.text).toContain('**Every Tuesday at 10:00** your time (London); 10:00 for');
      expect(card!.text).toContain('"title":"First session","value":"Tuesday 17 November 2026"');
      expect(card!.text).toContain('4 sessions of 45 minutes');
      expect(card!.text).toContain(JOIN);
    }
  });

  it('updates and sends nothing twice when the job is replayed, the booking saved again unchanged or the introductions job replayed', async () => {
    const report = await updateIntroductions(w.updates, w.pair.tenant, w.pair.booking.id);
    expect(report).toEqual({ updated: [], sent: [], unchanged: [junior.userId, senior.userId], unreachable: [] });
    await w.save((b) => b);
    expect(await w.runJobs()).toBe(1);
    await sendIntroductions(w.intro, w.pair.tenant, w.eventId);
    expect(w.connector.total()).toBe(2);
    for (const person of [junior, senior]) expect(w.connector.of(conversationOf(w, person.userId))[0]!.updates).toBe(1);
  });

  it('updates them again when the rest of the series moves to another time', async () => {
    // From the third session on: Thursdays at 15:00 UTC, in a second series with its own join link.
    await w.save((b) => ({
      ...b,
      occurrences: b.occurrences.map((o) => (o.index < 2 ? o : { ...o, segment: 1, originalStart: epochMs(o.start + 2 * DAY_MS + 5 * HOUR_MS), start: epochMs(o.start + 2 * DAY_MS + 5 * HOUR_MS), end: epochMs(o.end + 2 * DAY_MS + 5 * HOUR_MS) })),
      series: [
        { segment: 0, transactionId: 't0', eventId: 'e0', iCalUId: null, joinUrl: JOIN, recurrence: null as never, start: null as never, end: null as never },
        { segment: 1, transactionId: 't1', eventId: 'e1', iCalUId: null, joinUrl: MOVED_JOIN, recurrence: null as never, start: null as never, end: null as never },
      ],
    }));
    expect(await w.runJobs()).toBe(1);
    for (const person of [junior, senior]) {
      const [card, ...more] = w.connector.of(conversationOf(w, person.userId));
      expect(more).toEqual([]);
      expect(card!.updates).toBe(2);
      expect(card!.text).toContain('**Every Thursday at 15:00** your time (London)');
      expect(card!.text).toContain('"title":"At this time from","value":"Thursday 3 December 2026"');
      expect(card!.text).toContain(MOVED_JOIN);
    }
  });
});

describe('introductions nobody received yet', () => {
  it('sends the booked introduction instead (installing Upward first), and the introductions job then sends nothing', async () => {
    // The senior has no conversation with Upward yet; the introductions job has not run.
    const w = await world([junior.userId]);
    await w.save(booked);
    await w.runJobs();
    for (const person of [junior, senior]) {
      const [card, ...more] = w.connector.of(conversationOf(w, person.userId));
      expect(more).toEqual([]);
      expect(card!.updates).toBe(0);
      expect(card!.text).toContain('Every Tuesday at 10:00');
    }
    await sendIntroductions(w.intro, w.pair.tenant, w.eventId);
    await updateIntroductions(w.updates, w.pair.tenant, w.pair.booking.id);
    expect(w.connector.total()).toBe(2);
    const sent = await sentMessageRepository(testStore.store.db).find(w.pair.tenant, introductionKey(w.pair.booking.pairId, senior.userId), senior.userId);
    expect(sent?.activityId).toBe(w.connector.of(conversationOf(w, senior.userId))[0]!.id);
  });

  it('leaves someone who blocked Upward alone, and still brings the other up to date', async () => {
    const w = await world([junior.userId, senior.userId]);
    await conversationReferenceRepository(testStore.store.db).markBlocked(w.pair.tenant, senior.userId, epochMs(NOW));
    await sendIntroductions(w.intro, w.pair.tenant, w.eventId);
    await w.save(booked);
    await w.runJobs();
    expect(w.connector.of(conversationOf(w, junior.userId))[0]!.updates).toBe(1);
    expect(w.connector.of(conversationOf(w, senior.userId))).toEqual([]);
  });
});

describe('a failed update', () => {
  it('fails the job, and its retry updates only the card that was not updated', async () => {
    const w = await world([junior.userId, senior.userId]);
    await sendIntroductions(w.intro, w.pair.tenant, w.eventId);
    await w.save(booked);
    w.connector.failNextUpdate.add(conversationOf(w, senior.userId));
    await expect(w.runJobs()).rejects.toThrow(/could not be brought up to date/);
    expect(w.connector.of(conversationOf(w, junior.userId))[0]!.updates).toBe(1);
    expect(w.connector.of(conversationOf(w, senior.userId))[0]!.updates).toBe(0);
    const retry = await updateIntroductions(w.updates, w.pair.tenant, w.pair.booking.id);
    expect(retry).toMatchObject({ updated: [senior.userId], unchanged: [junior.userId] });
    expect(w.connector.of(conversationOf(w, junior.userId))[0]!.updates).toBe(1);
    expect(w.connector.of(conversationOf(w, senior.userId))[0]!.updates).toBe(1);
  });
});
