/**
 * A published pair on the store with a recording Bot Connector, for the introductions' tests: the
 * pair's booking still being planned, its `pairs.published` event, conversations for the people
 * given, a sender over the store and a queue that keeps one job per key.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import pino from 'pino';
import type { TenantId, UserId } from '../../../src/core/ids.ts';
import { DAY_MS, epochMs } from '../../../src/core/time.ts';
import type { IntroductionDeps } from '../../../src/engagement/introductions-job.ts';
import { introductionUpdatesOnBooking, updateIntroductions, type IntroductionUpdateDeps } from '../../../src/engagement/introduction-updates-job.ts';
import type { SchedulingDeps } from '../../../src/scheduling/deps.ts';
import { saveBookings } from '../../../src/scheduling/save-bookings.ts';
import { bookingRepository, type BookingRecord } from '../../../src/store/bookings.ts';
import { conversationReferenceRepository } from '../../../src/store/conversation-references.ts';
import { pairingId, pairingRepository } from '../../../src/store/pairings.ts';
import { programEventRepository } from '../../../src/store/program-events.ts';
import type { Database } from '../../../src/store/schema.ts';
import { sentMessageRepository } from '../../../src/store/sent-messages.ts';
import { ConnectorFailure, createProactiveSender, type BotConnector, type PersonInstaller, type ProactiveActivity } from '../../../src/teams/proactive/index.ts';
import { recordingQueue } from '../../jobs/recording-queue.ts';
import { junior, senior, storePlannedPair, type PlannedPair } from './planned-pair.ts';

export const silent = pino({ level: 'silent' });
export const NOW = Date.UTC(2026, 10, 16, 9, 0);
/** Tuesdays at 10:00 UTC from 17 November 2026 (10:00 in London, where both work). */
export const STARTS = [0, 1, 2, 3].map((week) => Date.UTC(2026, 10, 17, 10, 0) + week * 7 * DAY_MS);
export const JOIN = 'https://teams.example.test/l/meetup-join/first-series';
export const MOVED_JOIN = 'https://teams.example.test/l/meetup-join/second-series';

/** A Bot Connector that keeps each activity as the person would see it, counting updates. */
export function recordingConnector() {
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

export interface World {
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
export async function world(db: Kysely<Database>, reachable: readonly UserId[]): Promise<World> {
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

export const booked = (b: BookingRecord): BookingRecord => ({ ...b, state: 'booked', joinUrl: JOIN });
export const conversationOf = (w: World, userId: UserId) => `a:${w.pair.tenant}:${userId}`;
