/**
 * Introductions that follow the booking: each time scheduling saves a pair's booking as booked
 * (booked first, a session moved, the rest of the series moved) or cancelled, a job is scheduled
 * in the same transaction, keyed by booking and version, so a booking and its job exist together
 * or not at all and a retried save schedules nothing twice. The job updates each person's
 * introduction card in place (PUT under its message key) to show the series as it now is — or
 * that the meetings were cancelled; someone who never received the introduction of a booked series
 * (Upward not installed yet, the introductions job not run yet) is sent the updated one instead,
 * once Upward is installed for them. Each person's card records which series it shows
 * (`introduction_series`), so a retried or replayed job updates and sends nothing twice.
 */
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { z } from 'zod';
import { tenantId as toTenantId, type TenantId, type UserId } from '../core/ids.ts';
import { epochMs } from '../core/time.ts';
import type { JobDefinition, JobQueue } from '../jobs/job-queue.ts';
import type { BookedListener } from '../scheduling/deps.ts';
import { bookingId as toBookingId, bookingRepository, type BookingRecord } from '../store/bookings.ts';
import { conversationReferenceRepository } from '../store/conversation-references.ts';
import { introductionSeriesRepository } from '../store/introduction-series.ts';
import { pairingRepository, pairingId as toPairingId, type PairingRecord } from '../store/pairings.ts';
import type { Database } from '../store/schema.ts';
import { introductionCard } from '../teams/cards/introduction-card.ts';
import { cardActivity, type PersonInstaller, type ProactiveSender } from '../teams/proactive/index.ts';
import type { KeyedLock } from './keyed-lock.ts';
import { introductionKey, introductionsLockKey } from './introductions-job.ts';
import { shownSeriesKey } from './introduction-series.ts';
import { introductionViews, loadIntroductionInput, pairPeople } from './introduction-views.ts';

export const introductionUpdateJob: JobDefinition<{ tenantId: string; bookingId: string; version: number }> = {
  name: 'engagement.introduction-update',
  schema: z.object({ tenantId: z.string().min(1), bookingId: z.string().min(1), version: z.number().int() }),
  retryLimit: 8,
  retryDelaySeconds: 60,
  expireInSeconds: 600,
  concurrency: 2,
};

export interface IntroductionUpdateDeps {
  readonly db: Kysely<Database>;
  readonly sender: ProactiveSender;
  readonly installer: PersonInstaller;
  readonly tabUrl: string;
  readonly log: Logger;
  readonly now: () => number;
  /** Shared with the introductions job, so the two never both send one person's introduction. */
  readonly lock?: KeyedLock;
}

/** What one run did, per person (for logs and tests). */
export interface IntroductionUpdateReport {
  readonly updated: UserId[];
  readonly sent: UserId[];
  /** Their card already showed this series. */
  readonly unchanged: UserId[];
  /** Blocked Upward: nothing reaches them. */
  readonly unreachable: UserId[];
}

/**
 * Scheduling's `onBooked` port: one job per saved version of a booked or cancelled booking, created
 * in the saving transaction. Register the job (`registerIntroductionUpdates`) before any booking is saved.
 */
export function introductionUpdatesOnBooking(queue: JobQueue): BookedListener {
  const follow = async (trx: Parameters<BookedListener['booked']>[0], tenantId: TenantId, bookings: readonly BookingRecord[]) => {
    for (const booking of bookings) {
      await queue.send(
        introductionUpdateJob,
        { tenantId, bookingId: booking.id, version: booking.version },
        { key: `introduction-update:${tenantId}:${booking.id}:${booking.version}`, transaction: trx },
      );
    }
  };
  return { booked: follow, cancelled: follow };
}

/** Registers the job's handler; call before `queue.start()`. */
export async function registerIntroductionUpdates(queue: JobQueue, deps: IntroductionUpdateDeps): Promise<void> {
  await queue.register(introductionUpdateJob, async (job) => {
    await updateIntroductions(deps, toTenantId(job.data.tenantId), job.data.bookingId);
  });
}

/**
 * Brings both introductions of the booking's pair to the series as it is now (a job for an older
 * version finds the newer series and shows that; the newer version's job then finds nothing to do),
 * or to saying the meetings were cancelled. Throws (so the job retries) when a card could not be
 * delivered for a reason that may pass.
 */
export async function updateIntroductions(deps: IntroductionUpdateDeps, tenantId: TenantId, bookingId: string): Promise<IntroductionUpdateReport> {
  const report: IntroductionUpdateReport = { updated: [], sent: [], unchanged: [], unreachable: [] };
  const booking = await bookingRepository(deps.db).get(tenantId, toBookingId(bookingId));
  // Half-way through a move the booking is not booked; its next save as booked schedules another run.
  if (booking === undefined || (booking.state !== 'booked' && booking.state !== 'cancelled')) return report;
  const pairing = await pairingRepository(deps.db).get(tenantId, toPairingId(booking.pairId));
  // A pair booked outside a published program or another cycle's booking: no introduction to follow.
  if (pairing === undefined || pairing.cycle !== booking.cycle || pairing.programId !== booking.programId) return report;
  // A pair that ended has nothing booked to follow; but leaving cancels the series after the pair
  // ends, and a card must not keep offering a join link to meetings that are gone.
  if (pairing.endedAt !== null && booking.state !== 'cancelled') return report;

  const run = () => bringUpToDate(deps, tenantId, booking.id, pairing, report);
  await (deps.lock === undefined ? run() : deps.lock.run(introductionsLockKey(tenantId), run));
  deps.log.info({ tenantId, bookingId, updated: report.updated.length, sent: report.sent.length, unchanged: report.unchanged.length }, 'introductions follow the booked series');
  return report;
}

async function bringUpToDate(
  deps: IntroductionUpdateDeps,
  tenantId: TenantId,
  bookingId: string,
  pairing: PairingRecord,
  report: IntroductionUpdateReport,
): Promise<void> {
  const shownRepo = introductionSeriesRepository(deps.db);
  const people = pairPeople(pairing).map((p) => p.userId);
  // Read inside the lock: what the introductions job just sent is visible here.
  let input = await loadIntroductionInput(deps.db, tenantId, pairing, deps.tabUrl);
  if (input.booking?.id !== bookingId) return;
  const key = shownSeriesKey(input.booking);
  const shown = await shownRepo.shown(tenantId, pairing.id, people);
  const todo = people.filter((userId) => {
    if (shown.get(userId) !== key) return true;
    report.unchanged.push(userId);
    return false;
  });
  if (todo.length === 0) return;

  const activityFor = (userId: UserId) => {
    const view = introductionViews(input).find((v) => v.userId === userId)!.view;
    return cardActivity(introductionCard(view), `Meet your partner in ${input.programName}`);
  };
  const record = (userId: UserId) => shownRepo.record(tenantId, pairing.id, userId, key, epochMs(deps.now()));
  let failures = 0;
  const neverSent: UserId[] = [];
  for (const userId of todo) {
    const outcome = await deps.sender.update(tenantId, userId, introductionKey(pairing.id, userId), activityFor(userId));
    if (outcome.status === 'updated') {
      await record(userId);
      report.updated.push(userId);
    } else if (outcome.status === 'not-sent') {
      neverSent.push(userId);
    } else if (outcome.status === 'failed') {
      failures++;
      deps.log.warn({ tenantId, userId, code: outcome.code }, 'could not update an introduction; the job retries it');
    } else {
      report.unreachable.push(userId);
    }
  }

  // A cancelled series is no reason to introduce anyone: whoever is introduced later is shown it cancelled.
  if (neverSent.length > 0 && input.booking.state === 'booked') {
    // As the introductions job does: install Upward for whoever has no conversation yet, then
    // build the cards, so that they carry the Teams ids the installs brought (refresh.userIds).
    const installs = await deps.installer.ensureReachableAll(tenantId, neverSent);
    for (const outcome of installs) {
      if (outcome.status === 'failed') deps.log.warn({ tenantId, userId: outcome.userId, code: outcome.code }, 'could not install Upward for a person');
    }
    input = { ...input, teamsUserIds: await conversationReferenceRepository(deps.db).teamsUserIds(tenantId, people) };
    const sent = await deps.sender.sendAll(
      tenantId,
      neverSent.map((userId) => ({ userId, key: introductionKey(pairing.id, userId), activity: activityFor(userId) })),
    );
    for (const outcome of sent.outcomes) {
      if (outcome.status === 'sent') {
        await record(outcome.userId);
        report.sent.push(outcome.userId);
      } else if (outcome.status === 'blocked' || (outcome.status === 'unreachable' && outcome.reason === 'blocked-earlier')) {
        report.unreachable.push(outcome.userId);
      } else {
        // Failed, not installed yet, or sent (or being sent) by another sender meanwhile: the
        // retry sends it once it can, or updates the one the other sender delivered.
        failures++;
      }
    }
  }
  if (failures > 0) throw new Error(`${failures} introduction(s) could not be brought up to date; the job retries them`);
}
