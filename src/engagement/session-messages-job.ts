/**
 * Timed messages around each booked session, as durable jobs: the agenda the working day before
 * (inside the person's hours), the feedback card shortly after the end, one reminder two days
 * later to whoever has not answered, and a private check-in after two missed sessions in a row.
 *
 * A planner job runs every `PLAN_INTERVAL_MS` (and at start): it reads the live bookings and
 * schedules each message as its own job, keyed by message, person and session start — so
 * re-planning creates nothing twice and a moved session gets messages at its new time. Each
 * message job checks the session again when it runs (moved, cancelled, already answered) and
 * sends under the message key `<kind>:<sessionId>:<userId>`, so a replayed job sends nothing twice.
 * A program admin's "send it now" (`send-session-message-now.ts`) uses the same key and cards; the
 * sender's claim on the key in the store keeps the two (and several app instances) from both sending.
 */
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { z } from 'zod';
import { feedbackRequestTime, FEEDBACK_REMINDER_AFTER_MS } from '../core/feedback/reminders.ts';
import { feedbackClosesAt } from '../core/feedback/edit-window.ts';
import { missedStreaks } from '../core/feedback/missed-streaks.ts';
import { tenantId as toTenantId, type TenantId, type UserId } from '../core/ids.ts';
import { personAgendaTime } from '../core/sessions/person-agenda-time.ts';
import type { DirectoryProfile } from '../core/programs/enrolment.ts';
import { withOutcomes } from '../core/sessions/outcome.ts';
import { MINUTE_MS } from '../core/time.ts';
import { programId } from '../core/programs/program.ts';
import { pairId, sessionId } from '../core/sessions/session.ts';
import type { JobDefinition, JobQueue } from '../jobs/job-queue.ts';
import { bookingId, bookingRepository, type BookingRecord } from '../store/bookings.ts';
import { enrolmentRepository } from '../store/enrolments.ts';
import { programRepository } from '../store/programs.ts';
import { feedbackRepository } from '../store/feedback.ts';
import type { Database } from '../store/schema.ts';
import type { ProactiveSender } from '../teams/proactive/index.ts';
import { isLive, sessionsOfBooking } from './booking-sessions.ts';
import { loopSessionOf } from './loop-sessions.ts';
import { composeSessionMessage } from './session-message-content.ts';

/** How often the planner looks at the bookings. */
export const PLAN_INTERVAL_MS = 15 * MINUTE_MS;

export const MESSAGE_KINDS = ['agenda', 'feedback', 'feedback-reminder', 'check-in'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export const sessionMessageJob: JobDefinition<{ tenantId: string; kind: MessageKind; bookingId: string; sessionId: string; start: number; userId: string; key: string }> = {
  name: 'engagement.session-message',
  schema: z.object({
    tenantId: z.string().min(1),
    kind: z.enum(MESSAGE_KINDS),
    bookingId: z.string().min(1),
    sessionId: z.string().min(1),
    start: z.number(),
    userId: z.string().min(1),
    key: z.string().min(1),
  }),
  retryLimit: 5,
  retryDelaySeconds: 120,
  expireInSeconds: 300,
  concurrency: 5,
};

export const planSendsJob: JobDefinition<{ slot: number }> = {
  name: 'engagement.plan-sends',
  schema: z.object({ slot: z.number().int() }),
  retryLimit: 2,
  retryDelaySeconds: 60,
  expireInSeconds: 600,
  concurrency: 1,
};

/** The message key of one timed message: what `sent_messages` keeps once per person. */
export const messageKey = (kind: MessageKind, sessionOrStreak: string, userId: UserId): string =>
  kind === 'check-in' ? sessionOrStreak : `${kind}:${sessionOrStreak}:${userId}`;

export interface SessionMessageDeps {
  readonly db: Kysely<Database>;
  readonly queue: JobQueue;
  readonly sender: ProactiveSender;
  readonly tabUrl: string;
  readonly log: Logger;
  readonly now: () => number;
}

/** Registers the planner and the message jobs; `planAll` has the planner run now (it then runs every `PLAN_INTERVAL_MS`). */
export async function registerSessionMessages(deps: SessionMessageDeps): Promise<{ planAll(): Promise<void> }> {
  await deps.queue.register(sessionMessageJob, async (job) => {
    await sendSessionMessage(deps, toTenantId(job.data.tenantId), job.data);
  });
  const chain = async (): Promise<void> => {
    const slot = Math.floor(deps.now() / PLAN_INTERVAL_MS) + 1;
    await deps.queue.send(planSendsJob, { slot }, { key: `plan-sends:${slot}`, startAfter: new Date(slot * PLAN_INTERVAL_MS) });
  };
  await deps.queue.register(planSendsJob, async () => {
    await planAllBookings(deps);
    await chain();
  });
  return {
    // Planning runs as the planner job (now), not on the caller's path: a large tenant's bookings
    // take a while, and startup should not wait for them.
    async planAll() {
      const slot = Math.floor(deps.now() / PLAN_INTERVAL_MS);
      await deps.queue.send(planSendsJob, { slot }, { key: `plan-sends:${slot}` });
    },
  };
}

/** Plans the messages of every live booking of every tenant. */
export async function planAllBookings(deps: SessionMessageDeps): Promise<number> {
  const rows = await deps.db.selectFrom('bookings').select(['tenant_id', 'id']).where('state', 'in', ['created', 'booked']).execute();
  const bookings = bookingRepository(deps.db);
  let planned = 0;
  for (const row of rows) {
    const booking = await bookings.get(row.tenant_id, bookingId(row.id));
    if (booking !== undefined) planned += await planBooking(deps, booking);
  }
  return planned;
}

/** Schedules every message of one booking still to come (and check-ins already due); returns how many jobs were new. */
export async function planBooking(deps: SessionMessageDeps, booking: BookingRecord): Promise<number> {
  if (!isLive(booking)) return 0;
  const tenantId = booking.tenantId;
  const now = deps.now();
  const sessions = sessionsOfBooking(booking);
  const enrolments = enrolmentRepository(deps.db);
  // Enrolments keep working hours on the UTC week of the program's start (and, since they kept
  // them, on the person's own clock too): the start says which offsets that week was written with.
  const program = await programRepository(deps.db).get(tenantId, programId(booking.programId));
  const profiles = new Map<UserId, DirectoryProfile>();
  for (const userId of sessions[0]?.people ?? []) {
    const enrolment = await enrolments.get(tenantId, programId(booking.programId), userId);
    if (enrolment !== undefined) profiles.set(userId, enrolment.profile);
  }
  let created = 0;
  const send = async (kind: MessageKind, sessionId: string, start: number, userId: UserId, at: number, key: string): Promise<void> => {
    const data = { tenantId, kind, bookingId: booking.id, sessionId, start, userId, key };
    const result = await deps.queue.send(sessionMessageJob, data, { key: `${key}@${start}`, startAfter: new Date(Math.max(now, at)) });
    if (result.created) created++;
  };
  for (const session of sessions) {
    if (session.cancelled) continue;
    const closesAt = feedbackClosesAt(session.end, sessions.find((s) => !s.cancelled && s.start > session.start)?.start ?? null);
    for (const userId of session.people) {
      if (session.start > now) {
        const at = personAgendaTime(session.start, profiles.get(userId), program?.term.start ?? session.start);
        await send('agenda', session.id, session.start, userId, at, messageKey('agenda', session.id, userId));
      }
      if (now < closesAt) {
        await send('feedback', session.id, session.start, userId, feedbackRequestTime(session), messageKey('feedback', session.id, userId));
        await send('feedback-reminder', session.id, session.start, userId, session.end + FEEDBACK_REMINDER_AFTER_MS, messageKey('feedback-reminder', session.id, userId));
      }
    }
  }
  const feedback = await feedbackRepository(deps.db).listForPair(tenantId, pairId(booking.pairId));
  for (const streak of missedStreaks(withOutcomes(sessions, feedback))) {
    for (const checkIn of streak.checkIns) await send('check-in', streak.sessionIds.at(-1)!, 0, checkIn.userId, now, checkIn.key);
  }
  return created;
}

/** Sends one planned message if it is still due; nothing when the session moved, was cancelled or was answered. */
export async function sendSessionMessage(
  deps: SessionMessageDeps,
  tenantId: TenantId,
  data: { kind: MessageKind; bookingId: string; sessionId: string; start: number; userId: string; key: string },
): Promise<void> {
  const booking = await bookingRepository(deps.db).get(tenantId, bookingId(data.bookingId));
  if (booking === undefined || !isLive(booking)) return;
  const bare = loopSessionOf(booking, sessionId(data.sessionId));
  if (bare === undefined) return;
  const request = { kind: data.kind, userId: data.userId as UserId, key: data.key, plannedStart: data.start };
  const composed = await composeSessionMessage(deps.db, booking, bare, request, deps.now());
  if ('refused' in composed) return;
  const outcome = await deps.sender.send(tenantId, { userId: request.userId, key: data.key, activity: composed.activity });
  if (outcome.status === 'failed') throw new Error(`sending ${data.key} failed: ${outcome.code}`);
  // Someone else (an admin's "send it now", this job in another instance) holds the send claim.
  // Not done yet: if the holder fails or died mid-send, only this job's retry sends it — as
  // `already-sent` once the holder recorded it, or under a claim freed or gone stale.
  if (outcome.status === 'in-progress') {
    throw new Error(`${data.key} is being sent by another sender (claimed ${new Date(outcome.claimedAt).toISOString()}); the retry checks again`);
  }
  deps.log.debug({ key: data.key, status: outcome.status }, 'session message');
}
