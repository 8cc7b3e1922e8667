/**
 * Introductions that follow the booking, on the store with a recording Bot Connector: an
 * introduction sent while no time was found is updated in place once scheduling saves the series
 * as booked (the job scheduled in the saving transaction), and again when the rest of the series
 * moves; a retried or replayed job updates and sends nothing twice; someone who never received
 * the introduction is sent the booked one instead, and the introductions job then sends nothing.
 */
import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TenantId, UserId } from '../../../src/core/ids.ts';
import { DAY_MS, epochMs, HOUR_MS } from '../../../src/core/time.ts';
import { introductionKey, sendIntroductions, type IntroductionDeps } from '../../../src/engagement/introductions-job.ts';
import { introductionUpdatesOnBooking, updateIntroductions, type IntroductionUpdateDeps } from '../../../src/engagement/introduction-updates-job.ts';
import type { JobDefinition, JobQueue, SendOptions } from '../../../src/jobs/job-queue.ts';
import type { SchedulingDeps } from '../../../src/scheduling/deps.ts';
import { saveBookings } from '../../../src/scheduling/save-bookings.ts';
import { bookingRepository, type BookingRecord } from '../../../src/store/bookings.ts';
import { conversationReferenceRepository } from '../../../src/store/conversation-references.ts';
import { pairingId, pairingRepository } from '../../../src/store/pairings.ts';
import { programEventRepository } from '../../../src/store/program-events.ts';
import { sentMessageRepository } from '../../../src/store/sent-messages.ts';
import { ConnectorFailure, createProactiveSender, type BotConnector, type PersonInstaller, type ProactiveActivity } from '../../../src/teams/proactive/index.ts';
import { openTestStore, type TestStore } from '../../store/open-test-store.ts';
import { junior, senior, storePlannedPair, type PlannedPair } from './planned-pair.ts';

const silent = pino({ level: 'silent' });
const NOW = Date.UTC(2026, 10, 16, 9, 0);
/** Tuesdays at 10:00 UTC from 17 November 2026 (10:00 in London, where both work). */
const STARTS = [0, 1, 2, 3].map((week) => Date.UTC(2026, 10, 17, 10, 0) + week * 7 * DAY_MS);
const JOIN = 'https://teams.example.test/l/meetup-join/first-series';
const MOVED_JOIN = 'https://teams.example.test/l/meetup-join/second-series';

/** A Bot Connector that keeps each activity as the person would see it, counting updates. */
function recordingConnector() {
  const activities = new Map<string, { conversationId: string; activity: ProactiveActivity; updates: number }>();
  const failNextUpdate = new Set<string>();
  const connector: BotConnector = {
    async send(_serviceUrl, conversationId, activity) {
      const id = `activity-${activities.size + 1}`;
      activities.set(id, { conversationId, activity, updates: 0 });
      return { id };
    },
    async update(_serviceUrl, conversationId, activityId, activity) {
      if (failNextUpdate.delete(conversationId)) throw new ConnectorFailure(400, 'BadSyntax', 'refused once');
      const existing = activities.get(activityId);
      if (existing === undefined || existing.conversationId !== conversationId) throw new ConnectorFailure(404, 'ActivityNotFound', 'no such activity');
      activities.set(activityId, { conversationId, activity, updates: existing.updates + 1 });
    },
  };
  const of = (conversationId: string) => [...activities.entries()].filter(([, a]) => a.conversationId === conversationId).map(([id, a]) => ({ id, ...a, text: JSON.stringify(a.activity) }));
  return { connector, of, failNextUpdate, total: () => activities.size };
}

/** A queue that keeps one job per key, as the real one does. */
function recordingQueue(): JobQueue & { jobs: { key: string; data: any }[] } {
  const jobs: { key: string; data: any }[] = [];
  return {
    jobs,
    async register() {},
    async send<T>(_definition: JobDefinition<T>, data: T, options: SendOptions) {
      if (jobs.some((j) => j.key === options.key)) return { id: options.key, created: false };
      jobs.push({ key: options.key, data });
      return { id: options.key, created: true };
    },
    async start() {},
    async stop() {},
  };
}

let testStore: TestStore;
beforeAll(async () => {
  testStore = await openTestStore('pglite');
});
afterAll(() => testStore?.cleanup());

interface World {
  readonly pair: PlannedPair;
  readonly connector: ReturnType<typeof recordingConnector>;
  readonly queue: ReturnType<typeof recordingQueue>;
  readonly intro: IntroductionDeps;
  readonly updates: IntroductionUpdateDeps;
  readonly scheduling: SchedulingDeps;
  readonly eventId: string;
  /** Saves the booking as scheduling does (its `onBooked` port schedules the update job). */
  save(change: (b: BookingRecord) => BookingRecord): Promise<BookingRecord>;
  /** Runs every update job scheduled so far that has not run yet. */
  runJobs(): Promise<number>;
}

/**
 * A published pair whose booking is still being planned, with a stored conversation for each
 * person in `reachable` (the others have none until the installer is asked).
 */
async function world(reachable: readonly UserId[]): Promise<World> {
  const db = testStore.store.db;
  const pair = await storePlannedPair(db, STARTS);
  const tenant: TenantId = pair.tenant;
  const bookings = bookingRepository(db);
  // Not booked yet: the plan is still being worked out when the pairs are published.
  const pending = await bookings.save(tenant, { ...pair.booking, state: 'pending', joinUrl: null }, epochMs(NOW));
  const pairing = pairingId(pair.booking.pairId);
  await pairingRepository(db).insertMany(tenant, [
    { tenantId: tenant, id: pairing, programId: pair.program, cycle: 1, mentorId: junior.userId, menteeId: senior.userId, coMentorId: null, score: 1, reasons: ['Ada teaches GenAI tools, which Li wants to learn'], publishedAt: epochMs(NOW), endedAt: null, endReason: null, endedBy: null },
  ]);
  const eventId = randomUUID();
  await programEventRepository(db).append(tenant, {
    tenantId: tenant,
    id: eventId,
    programId: pair.program,
    type: 'pairs.published',
    payload: { programName: 'Reverse Mentoring 2026', cycle: 1, pairs: [{ pairingId: pairing, mentorId: junior.userId, menteeId: senior.userId }] },
    occurredAt: epochMs(NOW),
  });
  const references = conversationReferenceRepository(db);
  const remember = (userId: UserId) =>
    references.upsert(tenant, { userId, conversationId: `a:${tenant}:${userId}`, serviceUrl: 'https://connector.test/', channelId: 'msteams', botId: '28:bot', teamsUserId: `29:${userId}`, at: epochMs(0) });
  for (const userId of reachable) await remember(userId);
  const installer: PersonInstaller = {
    async ensureReachable(t, userId) {
      if ((await references.get(t, userId))?.blockedAt !== undefined) return { status: 'blocked', userId };
      await remember(userId);
      return { status: 'reachable', userId, conversationId: `a:${t}:${userId}` };
    },
    async ensureReachableAll(t, userIds) {
      return Promise.all(userIds.map((userId) => installer.ensureReachable(t, userId)));
    },
  };
  const connector = recordingConnector();
  const sender = createProactiveSender({ references, sent: sentMessageRepository(db), connector: connector.connector, log: silent });
  const queue = recordingQueue();
  const base = { db, sender, installer, tabUrl: 'https://upward.test/tab/', log: silent, now: () => NOW };
  const scheduling: SchedulingDeps = { db, graphFor: () => { throw new Error('no Graph here'); }, now: () => epochMs(NOW), log: silent, onBooked: introductionUpdatesOnBooking(queue) };
  let current = pending;
  let ran = 0;
  const updates: IntroductionUpdateDeps = base;
  return {
    pair,
    connector,
    queue,
    intro: { ...base, queue: undefined as never },
    updates,
    scheduling,
    eventId,
    async save(change) {
      [current] = (await saveBookings(scheduling, tenant, [change(current)])) as [BookingRecord];
      return current;
    },
    async runJobs() {
      const due = queue.jobs.slice(ran);
      ran = queue.jobs.length;
      for (const job of due) await updateIntroductions(updates, tenant, job.data.bookingId);
      return due.length;
    },
  };
}

const booked = (b: BookingRecord): BookingRecord => ({ ...b, state: 'booked', joinUrl: JOIN });
const conversationOf = (w: World, userId: UserId) => `a:${w.pair.tenant}:${userId}`;

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
