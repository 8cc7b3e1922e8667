/**
 * Pair introductions as a durable job: `pairs.published` schedules one job per event (keyed by
 * the event), the job reads the event back from `program_events` and sends each person of each
 * pair their card under `intro:<pairingId>:<userId>`. A crash after publishing is caught up at
 * start (`catchUpIntroductions`), a retried or replayed job skips everyone it already reached.
 * Once the pair's series is booked, `introduction-updates-job.ts` updates the cards in place.
 */
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { z } from 'zod';
import { tenantId as toTenantId, type TenantId, type UserId } from '../core/ids.ts';
import type { Enrolment } from '../core/programs/enrolment.ts';
import { DAY_MS, epochMs } from '../core/time.ts';
import type { JobDefinition, JobQueue } from '../jobs/job-queue.ts';
import type { PairsPublished } from '../programs/events.ts';
import { bookingRepository } from '../store/bookings.ts';
import { conversationReferenceRepository } from '../store/conversation-references.ts';
import { enrolmentRepository } from '../store/enrolments.ts';
import { introductionSeriesRepository } from '../store/introduction-series.ts';
import { pairingRepository, pairingId as toPairingId } from '../store/pairings.ts';
import type { Database } from '../store/schema.ts';
import { introductionCard } from '../teams/cards/introduction-card.ts';
import { cardActivity, type PersonInstaller, type ProactiveMessage, type ProactiveSender } from '../teams/proactive/index.ts';
import { introductionViews, pairPeople, type IntroductionInput } from './introduction-views.ts';
import { shownSeriesKey } from './introduction-series.ts';
import type { KeyedLock } from './keyed-lock.ts';

export const introductionsJob: JobDefinition<{ tenantId: string; eventId: string }> = {
  name: 'engagement.introductions',
  schema: z.object({ tenantId: z.string().min(1), eventId: z.string().min(1) }),
  retryLimit: 8,
  retryDelaySeconds: 60,
  expireInSeconds: 1800,
  concurrency: 1,
};

/** The message key of one person's introduction to one pairing. */
export const introductionKey = (pairingId: string, userId: UserId): string => `intro:${pairingId}:${userId}`;

/** The in-process lock the introductions job and the introduction updates share, per tenant. */
export const introductionsLockKey = (tenantId: TenantId): string => `introductions\u0000${tenantId}`;

/** How far back a start looks for published pairs whose introductions were never scheduled. */
export const CATCH_UP_DAYS = 14;

export interface IntroductionDeps {
  readonly db: Kysely<Database>;
  readonly queue: JobQueue;
  readonly sender: ProactiveSender;
  readonly installer: PersonInstaller;
  readonly tabUrl: string;
  readonly log: Logger;
  /** Shared with the introduction updates, so the two never both send one person's introduction. */
  readonly lock?: KeyedLock;
  readonly now?: () => number;
}

/** Schedules the introductions of one `pairs.published` event (exactly once per event). */
export async function scheduleIntroductions(queue: JobQueue, event: Pick<PairsPublished, 'tenantId' | 'id'>): Promise<void> {
  await queue.send(introductionsJob, { tenantId: event.tenantId, eventId: event.id }, { key: `introductions:${event.tenantId}:${event.id}` });
}

/** Schedules introductions for recent `pairs.published` events that may have been lost in a crash. */
export async function catchUpIntroductions(deps: Pick<IntroductionDeps, 'db' | 'queue'>, now: number): Promise<number> {
  const rows = await deps.db
    .selectFrom('program_events')
    .select(['tenant_id', 'id'])
    .where('type', '=', 'pairs.published')
    .where('occurred_at', '>=', new Date(now - CATCH_UP_DAYS * DAY_MS))
    .execute();
  for (const row of rows) await scheduleIntroductions(deps.queue, { tenantId: row.tenant_id, id: row.id });
  return rows.length;
}

/** Registers the job's handler; call before `queue.start()`. */
export async function registerIntroductions(deps: IntroductionDeps): Promise<void> {
  await deps.queue.register(introductionsJob, async (job) => {
    await sendIntroductions(deps, toTenantId(job.data.tenantId), job.data.eventId);
  });
}

/** Sends every introduction of the event not sent yet; throws (so the job retries) when a send failed. */
export async function sendIntroductions(deps: IntroductionDeps, tenantId: TenantId, eventId: string): Promise<void> {
  const run = () => introduce(deps, tenantId, eventId);
  await (deps.lock === undefined ? run() : deps.lock.run(introductionsLockKey(tenantId), run));
}

async function introduce(deps: IntroductionDeps, tenantId: TenantId, eventId: string): Promise<void> {
  const row = await deps.db
    .selectFrom('program_events')
    .select(['payload', 'program_id'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', eventId)
    .where('type', '=', 'pairs.published')
    .executeTakeFirst();
  if (row === undefined) {
    deps.log.warn({ tenantId, eventId }, 'no such pairs.published event; nothing to introduce');
    return;
  }
  const event = row.payload as Pick<PairsPublished, 'programName' | 'cycle' | 'pairs'>;
  const pairings = pairingRepository(deps.db);
  const enrolments = enrolmentRepository(deps.db);
  const bookings = bookingRepository(deps.db);

  const inputs: Omit<IntroductionInput, 'teamsUserIds'>[] = [];
  for (const published of event.pairs) {
    const pairing = await pairings.get(tenantId, toPairingId(published.pairingId));
    // An ended pair (someone already left) gets no introduction.
    if (pairing === undefined || pairing.endedAt !== null) continue;
    const people = new Map<UserId, Enrolment>();
    for (const { userId } of pairPeople(pairing)) {
      const enrolment = await enrolments.get(tenantId, pairing.programId, userId);
      if (enrolment !== undefined) people.set(userId, enrolment);
    }
    const booking = await bookings.getByPair(tenantId, pairing.programId, pairing.id, pairing.cycle);
    inputs.push({ pairing, programName: event.programName, enrolments: people, booking, tabUrl: deps.tabUrl });
  }
  const userIds = [...new Set(inputs.flatMap((input) => pairPeople(input.pairing).map((p) => p.userId)))];
  if (userIds.length === 0) return;

  // People who never opened Upward in Teams have no conversation yet: install it for them first.
  // Cards are built after, so that they carry the Teams ids the installs brought (refresh.userIds).
  const installs = await deps.installer.ensureReachableAll(tenantId, userIds);
  for (const outcome of installs) {
    if (outcome.status === 'failed') deps.log.warn({ tenantId, userId: outcome.userId, code: outcome.code }, 'could not install Upward for a person');
  }
  const teamsUserIds = await conversationReferenceRepository(deps.db).teamsUserIds(tenantId, userIds);
  // Each card with the pairing it introduces and which series it shows, so that the update that
  // follows a booking skips people whose card already shows it.
  const cards = inputs.flatMap((input) => {
    const seriesKey = shownSeriesKey(input.booking);
    return introductionViews({ ...input, teamsUserIds }).map(({ userId, view }) => ({
      pairingId: input.pairing.id,
      seriesKey,
      message: {
        userId,
        key: introductionKey(input.pairing.id, userId),
        activity: cardActivity(introductionCard(view), `Meet your partner in ${event.programName}`),
      } satisfies ProactiveMessage,
    }));
  });
  const report = await deps.sender.sendAll(tenantId, cards.map((c) => c.message));
  const shown = introductionSeriesRepository(deps.db);
  const at = epochMs((deps.now ?? Date.now)());
  for (const [i, outcome] of report.outcomes.entries()) {
    const sent = cards[i]!;
    if (outcome.status === 'sent') await shown.record(tenantId, sent.pairingId, outcome.userId, sent.seriesKey, at);
  }
  deps.log.info({ tenantId, eventId, counts: report.counts }, 'pair introductions sent');
  // Install failures (Graph), send failures and sends another sender still holds may pass: the
  // retry reaches them (a holder that failed meanwhile has given its claim up), and the key makes
  // it skip everyone already introduced.
  const failed =
    report.outcomes.filter((o) => o.status === 'failed' || o.status === 'in-progress').length + installs.filter((o) => o.status === 'failed').length;
  if (failed > 0) throw new Error(`${failed} introduction(s) could not be delivered; the job retries them`);
}
