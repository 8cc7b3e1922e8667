/**
 * Introductions someone missed, sent once Upward is installed for them again. The introductions
 * job skips a person who had blocked or removed Upward when their pair was published (nothing can
 * reach them), and so do the updates after booking; installing Upward again is the first moment
 * they can be reached. When the bot hears of an install, a job (keyed by the install activity, so
 * a replayed activity schedules nothing twice) sends the person the introduction of each running
 * pairing they never received — as it is now, so the booked one once the series is booked — under
 * the introduction's own message key, so a repeated install event, the introductions job and the
 * updates after booking together still deliver it once.
 */
import { z } from 'zod';
import { tenantId as toTenantId, userId as toUserId, type TenantId, type UserId } from '../core/ids.ts';
import { epochMs, type EpochMs } from '../core/time.ts';
import type { JobDefinition, JobQueue } from '../jobs/job-queue.ts';
import { introductionSeriesRepository } from '../store/introduction-series.ts';
import { pairingRepository } from '../store/pairings.ts';
import { sentMessageRepository } from '../store/sent-messages.ts';
import { introductionCard } from '../teams/cards/introduction-card.ts';
import { cardActivity, type ProactiveMessage, type SendOutcome } from '../teams/proactive/index.ts';
import type { IntroductionUpdateDeps } from './introduction-updates-job.ts';
import { introductionKey, introductionsLockKey } from './introductions-job.ts';
import { shownSeriesKey } from './introduction-series.ts';
import { introductionViews, loadIntroductionInput } from './introduction-views.ts';

export const introductionOnInstallJob: JobDefinition<{ tenantId: string; userId: string; installedAt?: number | undefined }> = {
  name: 'engagement.introduction-on-install',
  // installedAt is absent from jobs queued before it was added: they consider every pairing.
  schema: z.object({ tenantId: z.string().min(1), userId: z.string().min(1), installedAt: z.number().int().nonnegative().optional() }),
  retryLimit: 8,
  retryDelaySeconds: 60,
  // Waits behind a running introductions job of the tenant (they share a lock), which can be long.
  expireInSeconds: 1800,
  concurrency: 2,
};

/** What an install brought the person: one outcome per introduction they were missing. */
export type MissedIntroductions = readonly SendOutcome[];

/** The same dependencies as the updates after booking (no installer: the person just installed Upward). */
export type IntroductionOnInstallDeps = Omit<IntroductionUpdateDeps, 'installer'>;

/**
 * Schedules the catch-up for an install the bot heard of. `installId` names that install (the
 * activity's id), so Teams delivering the same activity again schedules nothing twice; another
 * install later is another job, and the message key keeps that one from sending anything again.
 */
export async function scheduleIntroductionOnInstall(queue: JobQueue, tenantId: TenantId, userId: UserId, installId: string, installedAt: EpochMs): Promise<void> {
  await queue.send(introductionOnInstallJob, { tenantId, userId, installedAt }, { key: `introduction-on-install:${tenantId}:${userId}:${installId}` });
}

/** Registers the job's handler; call before `queue.start()`. */
export async function registerIntroductionOnInstall(queue: JobQueue, deps: IntroductionOnInstallDeps): Promise<void> {
  await queue.register(introductionOnInstallJob, async (job) => {
    await introduceOnInstall(deps, toTenantId(job.data.tenantId), toUserId(job.data.userId), job.data.installedAt === undefined ? undefined : epochMs(job.data.installedAt));
  });
}

/**
 * Sends the person each introduction of their running pairings they have not received. Throws
 * (so the job retries) when one could not be delivered for a reason that may pass, or when
 * another sender is delivering it right now (the retry then finds it delivered, or sends it).
 *
 * With `installedAt`, pairings published after the install are left out: the person was
 * reachable when those were published, so the introductions job introduces them — with every
 * person's Teams id on the card, which a catch-up running ahead of that job (before it installed
 * Upward for the partner) could not know yet.
 */
export async function introduceOnInstall(deps: IntroductionOnInstallDeps, tenantId: TenantId, userId: UserId, installedAt?: EpochMs): Promise<MissedIntroductions> {
  const run = () => introduceMissed(deps, tenantId, userId, installedAt);
  return deps.lock === undefined ? run() : deps.lock.run(introductionsLockKey(tenantId), run);
}

async function introduceMissed(deps: IntroductionOnInstallDeps, tenantId: TenantId, userId: UserId, installedAt: EpochMs | undefined): Promise<MissedIntroductions> {
  const sent = sentMessageRepository(deps.db);
  const missed: { pairingId: string; seriesKey: string; message: ProactiveMessage }[] = [];
  for (const pairing of await pairingRepository(deps.db).listForUser(tenantId, userId, { runningOnly: true })) {
    if (installedAt !== undefined && pairing.publishedAt > installedAt) continue;
    const key = introductionKey(pairing.id, userId);
    // Most installs come from people already introduced (or being introduced by the job that installed Upward for them).
    if ((await sent.find(tenantId, key, userId)) !== undefined) continue;
    const input = await loadIntroductionInput(deps.db, tenantId, pairing, deps.tabUrl);
    const view = introductionViews(input).find((v) => v.userId === userId)?.view;
    if (view === undefined) continue;
    missed.push({
      pairingId: pairing.id,
      seriesKey: shownSeriesKey(input.booking),
      message: { userId, key, activity: cardActivity(introductionCard(view), `Meet your partner in ${input.programName}`) },
    });
  }
  if (missed.length === 0) return [];

  const report = await deps.sender.sendAll(tenantId, missed.map((m) => m.message));
  const shown = introductionSeriesRepository(deps.db);
  for (const [i, outcome] of report.outcomes.entries()) {
    // The card records the series it shows, so the updates after booking know what to change.
    if (outcome.status === 'sent') await shown.record(tenantId, missed[i]!.pairingId, userId, missed[i]!.seriesKey, epochMs(deps.now()));
  }
  deps.log.info({ tenantId, userId, counts: report.counts }, 'introductions missed before the install sent');
  const pending = report.outcomes.filter((o) => o.status === 'failed' || o.status === 'in-progress').length;
  if (pending > 0) throw new Error(`${pending} missed introduction(s) could not be delivered yet; the job retries them`);
  return report.outcomes;
}
