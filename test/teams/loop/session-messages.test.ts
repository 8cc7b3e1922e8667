/**
 * Timed messages around sessions: planned as keyed jobs (agenda the working day before inside
 * working hours, feedback after the end, one reminder two days later, check-ins after two missed
 * sessions), each sent once even when planning and jobs are replayed, and nothing for a session
 * that moved or a person who already answered.
 */
import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordFeedback } from '../../../src/core/feedback/record.ts';
import { tenantId as toTenantId, userId, type TenantId } from '../../../src/core/ids.ts';
import { DAY_MS, epochMs, HOUR_MS, MINUTE_MS } from '../../../src/core/time.ts';
import { sessionsOfBooking } from '../../../src/engagement/booking-sessions.ts';
import { planBooking, sendSessionMessage, type SessionMessageDeps } from '../../../src/engagement/session-messages-job.ts';
import { bookingRepository, type BookingRecord } from '../../../src/store/bookings.ts';
import { conversationReferenceRepository } from '../../../src/store/conversation-references.ts';
import { feedbackRepository } from '../../../src/store/feedback.ts';
import { messageClaimRepository } from '../../../src/store/message-claims.ts';
import { sentMessageRepository } from '../../../src/store/sent-messages.ts';
import { CLAIM_STALE_AFTER_MS, createProactiveSender } from '../../../src/teams/proactive/index.ts';
import { recordingQueue } from '../../jobs/recording-queue.ts';
import { openTestStore, type TestStore } from '../../store/open-test-store.ts';
import { bookedSeries } from './loop-fixture.ts';
import { recordingConnector } from '../proactive/recording-connector.ts';

const silent = pino({ level: 'silent' });
const junior = { userId: userId('junior-1'), name: 'Ada Obi' };
const senior = { userId: userId('senior-1'), name: 'Li Na Li' };

let testStore: TestStore;
const { connector, delivered } = recordingConnector();

beforeAll(async () => {
  testStore = await openTestStore('pglite');
});
afterAll(() => testStore?.cleanup());

async function setUp(starts: number[]): Promise<{ tenant: TenantId; booking: BookingRecord; queue: ReturnType<typeof recordingQueue>; deps: (now: number) => SessionMessageDeps }> {
  const tenant = toTenantId(randomUUID());
  const db = testStore.store.db;
  const booking = bookedSeries({ tenantId: tenant, programId: 'program-1', pairId: `pair-${randomUUID()}`, mentor: junior, mentee: senior, starts });
  await bookingRepository(db).insertMany(tenant, [booking]);
  for (const person of [junior, senior]) {
    await conversationReferenceRepository(db).upsert(tenant, {
      userId: person.userId,
      conversationId: `a:${tenant}-${person.userId}`,
      serviceUrl: 'https://connector.test/',
      channelId: 'msteams',
      botId: '28:bot',
      at: epochMs(0),
    });
  }
  const queue = recordingQueue();
  const sender = createProactiveSender({ references: conversationReferenceRepository(db), sent: sentMessageRepository(db), connector, log: silent });
  return { tenant, booking, queue, deps: (now) => ({ db, queue, sender, tabUrl: 'https://upward.test/tab/', log: silent, now: () => now }) };
}

const to = (tenant: TenantId) => delivered.filter((d) => d.conversationId.startsWith(`a:${tenant}-`));
const summaries = (tenant: TenantId) => to(tenant).map((d) => `${d.conversationId.split('-').at(-2)}-${d.conversationId.split('-').at(-1)}: ${d.activity.summary}`);

/** Runs every queued job due by `now`, as the queue would (and again, as a replay would). */
async function runDue(tenant: TenantId, queue: ReturnType<typeof recordingQueue>, deps: SessionMessageDeps, now: number): Promise<void> {
  for (const job of queue.jobs.filter((j) => j.startAfter <= now)) await sendSessionMessage(deps, tenant, job.data);
}

describe('timed session messages', () => {
  it('plans the agenda the working day before inside working hours, the feedback request after the end and one reminder', async () => {
    // Tuesday 2026-11-24 14:00 UTC, a London person (UTC in winter): agenda on Monday at 14:00.
    const start = Date.UTC(2026, 10, 24, 14, 0);
    const { booking, queue, deps } = await setUp([start]);
    const now = Date.UTC(2026, 10, 20, 9, 0);
    expect(await planBooking(deps(now), booking)).toBe(6);
    const at = (kind: string, user: string) => queue.jobs.find((j) => j.data.kind === kind && j.data.userId === user)?.startAfter;
    expect(at('agenda', 'junior-1')).toBe(Date.UTC(2026, 10, 23, 14, 0));
    expect(at('feedback', 'senior-1')).toBe(start + 45 * MINUTE_MS + 10 * MINUTE_MS);
    expect(at('feedback-reminder', 'senior-1')).toBe(start + 45 * MINUTE_MS + 2 * DAY_MS);
    // Planning again (the planner runs every 15 minutes) schedules nothing new.
    expect(await planBooking(deps(now + HOUR_MS), booking)).toBe(0);
    expect(queue.jobs.map((j) => j.data.key)).toContain(`agenda:${sessionsOfBooking(booking)[0]!.id}:junior-1`);
  });

  it('sends each message once even when its job is replayed, and no reminder to someone who answered', async () => {
    const start = Date.UTC(2026, 10, 24, 14, 0);
    const { tenant, booking, queue, deps } = await setUp([start, start + 14 * DAY_MS]);
    await planBooking(deps(Date.UTC(2026, 10, 20, 9, 0)), booking);
    const session = sessionsOfBooking(booking)[0]!;

    const afterEnd = start + HOUR_MS;
    await runDue(tenant, queue, deps(afterEnd), afterEnd);
    await runDue(tenant, queue, deps(afterEnd), afterEnd);
    expect(summaries(tenant).sort()).toEqual([
      'junior-1: Agenda for session 1',
      'junior-1: How did session 1 go?',
      'senior-1: Agenda for session 1',
      'senior-1: How did session 1 go?',
    ]);

    // The senior answers; two days later only the junior is reminded (once, however often the job runs).
    const outcome = recordFeedback(undefined, { sessionId: session.id, pairId: session.pairId, authorId: senior.userId, sessionEnd: session.end }, {
      happened: 'held', rating: 4, learned: '', taught: '', action: '', privateNote: '', shareWithPartner: false,
    }, null, epochMs(afterEnd));
    await feedbackRepository(testStore.store.db).insert(tenant, outcome.feedback!);
    const later = start + 3 * DAY_MS;
    await runDue(tenant, queue, deps(later), later);
    await runDue(tenant, queue, deps(later), later);
    expect(summaries(tenant).filter((s) => s.includes('Two minutes'))).toEqual(['junior-1: Two minutes of feedback on session 1?']);
  });

  it('sends nothing for a session that moved after its message was planned', async () => {
    const start = Date.UTC(2026, 10, 24, 14, 0);
    const { tenant, booking, queue, deps } = await setUp([start]);
    await planBooking(deps(Date.UTC(2026, 10, 20, 9, 0)), booking);
    const moved = { ...booking, occurrences: booking.occurrences.map((o) => ({ ...o, start: epochMs(o.start + DAY_MS), end: epochMs(o.end + DAY_MS), status: 'moved' as const })) };
    await bookingRepository(testStore.store.db).save(tenant, moved, epochMs(Date.now()));
    const agendaJobs = queue.jobs.filter((j) => j.data.kind === 'agenda');
    for (const job of agendaJobs) await sendSessionMessage(deps(start), tenant, job.data);
    expect(to(tenant)).toEqual([]);
  });

  it('leaves a message another sender is sending right now to its retry: it fails to be retried, sends nothing, and the retry sends it once', async () => {
    const start = Date.UTC(2026, 10, 24, 14, 0);
    const { tenant, booking, queue, deps } = await setUp([start]);
    await planBooking(deps(Date.UTC(2026, 10, 20, 9, 0)), booking);
    const job = queue.jobs.find((j) => j.data.kind === 'feedback' && j.data.userId === 'junior-1')!;
    // An admin's "send it now" in another instance holds the claim: it may still fail or die.
    const claims = messageClaimRepository(testStore.store.db);
    const theirs = await claims.claim(tenant, job.data.key, junior.userId, CLAIM_STALE_AFTER_MS);
    if (!theirs.claimed) throw new Error('expected the claim to succeed');
    const afterEnd = start + HOUR_MS;
    await expect(sendSessionMessage(deps(afterEnd), tenant, job.data)).rejects.toThrow(/being sent by another sender/);
    expect(to(tenant)).toEqual([]);
    // It failed and gave its claim up: the job's retry sends it, once however often it runs.
    await claims.release(tenant, job.data.key, junior.userId, theirs.claimId);
    await sendSessionMessage(deps(afterEnd), tenant, job.data);
    await sendSessionMessage(deps(afterEnd), tenant, job.data);
    expect(summaries(tenant)).toEqual(['junior-1: How did session 1 go?']);
  });

  it('checks in privately with both people after two missed sessions in a row, once', async () => {
    const now = Date.UTC(2026, 10, 20, 9, 0);
    const starts = [now - 15 * DAY_MS, now - 8 * DAY_MS, now + 6 * DAY_MS];
    const { tenant, booking, queue, deps } = await setUp(starts);
    const feedback = feedbackRepository(testStore.store.db);
    for (const session of sessionsOfBooking(booking).slice(0, 2)) {
      const outcome = recordFeedback(undefined, { sessionId: session.id, pairId: session.pairId, authorId: junior.userId, sessionEnd: session.end }, {
        happened: 'no-show', rating: null, learned: '', taught: '', action: '', privateNote: '', shareWithPartner: false,
      }, null, epochMs(session.end + HOUR_MS));
      await feedback.insert(tenant, outcome.feedback!);
    }
    await planBooking(deps(now), booking);
    await planBooking(deps(now), booking);
    const checkIns = queue.jobs.filter((j) => j.data.kind === 'check-in');
    expect(checkIns.map((j) => j.data.userId).sort()).toEqual(['junior-1', 'senior-1']);
    for (const job of [...checkIns, ...checkIns]) await sendSessionMessage(deps(now), tenant, job.data);
    expect(summaries(tenant).sort()).toEqual(['junior-1: A quick check-in', 'senior-1: A quick check-in']);
  });
});
