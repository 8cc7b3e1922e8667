/**
 * The session-message planner on the real durable queue (pg-boss on PGlite): planning runs as a
 * job, schedules each message as a keyed job, and planning again (the next tick, a restart)
 * sends nothing twice.
 */
import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { tenantId as toTenantId, userId } from '../../../src/core/ids.ts';
import { HOUR_MS } from '../../../src/core/time.ts';
import { planAllBookings, registerSessionMessages } from '../../../src/engagement/session-messages-job.ts';
import { createJobQueue, type JobQueue } from '../../../src/jobs/job-queue.ts';
import { bookingRepository } from '../../../src/store/bookings.ts';
import type { ProactiveMessage, ProactiveSender } from '../../../src/teams/proactive/index.ts';
import { openTestStore, type TestStore } from '../../store/open-test-store.ts';
import { bookedSeries } from './loop-fixture.ts';

const silent = pino({ level: 'silent' });
let testStore: TestStore;
let queue: JobQueue;
const sent: ProactiveMessage[] = [];
const sender: ProactiveSender = {
  async send(_tenant, message) {
    sent.push(message);
    return { status: 'sent', userId: message.userId, key: message.key, activityId: String(sent.length), conversationId: 'c', attempts: 1 };
  },
  async sendAll() {
    throw new Error('not used');
  },
  async update() {
    throw new Error('not used');
  },
};

beforeAll(async () => {
  testStore = await openTestStore('pglite');
  queue = await createJobQueue(testStore.store, { log: silent, pollingIntervalSeconds: 0.5 });
});
afterAll(async () => {
  await queue?.stop({ graceful: false });
  await testStore?.cleanup();
});

it('plans as a job and sends each due message once, however often planning runs', async () => {
  const tenant = toTenantId(randomUUID());
  const now = Date.now();
  // One session that ended an hour ago (its feedback request is due), one next week.
  const booking = bookedSeries({
    tenantId: tenant,
    programId: 'program-1',
    pairId: 'pair-1',
    mentor: { userId: userId('junior-1'), name: 'Ada Obi' },
    mentee: { userId: userId('senior-1'), name: 'Li Na Li' },
    starts: [now - 2 * HOUR_MS, now + 7 * 24 * HOUR_MS],
  });
  await bookingRepository(testStore.store.db).insertMany(tenant, [booking]);
  const deps = { db: testStore.store.db, queue, sender, tabUrl: 'https://upward.test/tab/', log: silent, now: Date.now };
  const planner = await registerSessionMessages(deps);
  await planner.planAll();
  await queue.start();

  const feedbackRequests = () => sent.filter((m) => m.key.startsWith('feedback:')).map((m) => m.key).sort();
  const deadline = Date.now() + 20_000;
  while (feedbackRequests().length < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  expect(feedbackRequests()).toEqual([`feedback:${booking.id}#0:junior-1`, `feedback:${booking.id}#0:senior-1`]);

  // Planning again (a restart in the same slot, or the next tick) schedules nothing new.
  expect(await planAllBookings(deps)).toBe(0);
  await planner.planAll();
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  expect(feedbackRequests()).toHaveLength(2);
  // Nothing for the future session has come yet: its agenda and feedback wait for their time.
  expect(sent.filter((m) => m.key.includes(`${booking.id}#1`))).toEqual([]);
}, 40_000);
