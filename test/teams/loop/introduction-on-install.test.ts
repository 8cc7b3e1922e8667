/**
 * Introductions someone missed, on the store with a recording Bot Connector: a person who had
 * blocked Upward when the pair was published is skipped; once Upward is installed for them again
 * (the bot stores their conversation and tells engagement) they are sent the introduction as it is
 * now — the booked one when the series is booked — exactly once, however often the install event
 * comes, and nothing goes to someone already introduced; a pair published after the install is
 * left to the introductions job.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserId } from '../../../src/core/ids.ts';
import { epochMs } from '../../../src/core/time.ts';
import { introduceOnInstall, introductionOnInstallJob, scheduleIntroductionOnInstall } from '../../../src/engagement/introduction-on-install.ts';
import { introductionKey, sendIntroductions } from '../../../src/engagement/introductions-job.ts';
import { conversationReferenceRepository } from '../../../src/store/conversation-references.ts';
import { introductionSeriesRepository } from '../../../src/store/introduction-series.ts';
import { sentMessageRepository } from '../../../src/store/sent-messages.ts';
import { openTestStore, type TestStore } from '../../store/open-test-store.ts';
import { junior, senior } from './planned-pair.ts';
import { recordingQueue } from '../../jobs/recording-queue.ts';
import { booked, conversationOf, NOW, world, type World } from './introduction-world.ts';

/** When the person installed Upward again: after the pair was published (at NOW). */
const AFTER_PUBLISH = epochMs(NOW + 60_000);

let testStore: TestStore;
beforeAll(async () => {
  testStore = await openTestStore('pglite');
});
afterAll(() => testStore?.cleanup());

/** A published pair where the senior had blocked Upward before the introductions went out. */
async function blockedAtPublish(): Promise<World> {
  const w = await world(testStore.store.db, [junior.userId, senior.userId]);
  await conversationReferenceRepository(testStore.store.db).markBlocked(w.pair.tenant, senior.userId, epochMs(NOW - 1000));
  await sendIntroductions(w.intro, w.pair.tenant, w.eventId);
  return w;
}

/** What the bot stores when Upward is installed for the person again (no longer blocked). */
const reinstall = (w: World, userId: UserId) =>
  conversationReferenceRepository(testStore.store.db).upsert(w.pair.tenant, {
    userId,
    conversationId: conversationOf(w, userId),
    serviceUrl: 'https://connector.test/',
    channelId: 'msteams',
    botId: '28:bot',
    teamsUserId: `29:${userId}`,
    at: epochMs(NOW),
  });

describe('an introduction missed while Upward was blocked', () => {
  it('is sent once Upward is installed again, once however often the install is heard of', async () => {
    const w = await blockedAtPublish();
    expect(w.connector.of(conversationOf(w, senior.userId))).toEqual([]);
    expect(w.connector.of(conversationOf(w, junior.userId))).toHaveLength(1);

    await reinstall(w, senior.userId);
    const outcomes = await introduceOnInstall(w.updates, w.pair.tenant, senior.userId, AFTER_PUBLISH);
    expect(outcomes.map((o) => o.status)).toEqual(['sent']);
    const [card, ...more] = w.connector.of(conversationOf(w, senior.userId));
    expect(more).toEqual([]);
    expect(card!.text).toContain('Meet your partner: Ada Obi');
    expect(card!.text).toContain('still looking for a time');
    const delivered = await sentMessageRepository(testStore.store.db).find(w.pair.tenant, introductionKey(w.pair.booking.pairId, senior.userId), senior.userId);
    expect(delivered?.activityId).toBe(card!.id);

    // The install heard of again (another activity, a replay): nothing more reaches anyone.
    expect(await introduceOnInstall(w.updates, w.pair.tenant, senior.userId)).toEqual([]);
    expect(await introduceOnInstall(w.updates, w.pair.tenant, junior.userId)).toEqual([]);
    await sendIntroductions(w.intro, w.pair.tenant, w.eventId);
    expect(w.connector.total()).toBe(2);
  });

  it('is sent once when two install events are handled at the same moment', async () => {
    const w = await blockedAtPublish();
    await reinstall(w, senior.userId);
    // No shared lock: as on two app instances, only the store's claim keeps the second one out.
    const unlocked = { ...w.updates, lock: undefined };
    const results = await Promise.allSettled([introduceOnInstall(unlocked, w.pair.tenant, senior.userId), introduceOnInstall(unlocked, w.pair.tenant, senior.userId)]);
    expect(results.filter((r) => r.status === 'fulfilled' && r.value.some((o) => o.status === 'sent'))).toHaveLength(1);
    // The other found it delivered, or (still being sent) failed so that its job retries; the retry sends nothing.
    expect(await introduceOnInstall(unlocked, w.pair.tenant, senior.userId)).toEqual([]);
    expect(w.connector.of(conversationOf(w, senior.userId))).toHaveLength(1);
  });

  it('is the booked introduction when the series was booked meanwhile, and the card records that series', async () => {
    const w = await blockedAtPublish();
    await w.save(booked);
    await w.runJobs();
    expect(w.connector.of(conversationOf(w, senior.userId))).toEqual([]);
    expect(w.connector.of(conversationOf(w, junior.userId))[0]!.updates).toBe(1);

    await reinstall(w, senior.userId);
    await introduceOnInstall(w.updates, w.pair.tenant, senior.userId);
    const [card, ...more] = w.connector.of(conversationOf(w, senior.userId));
    expect(more).toEqual([]);
    expect(card!.text).toContain('Every Tuesday at 10:00');
    expect(card!.text).not.toContain('still looking');
    // What the card shows is recorded: the update job, replayed, changes nothing.
    const shown = await introductionSeriesRepository(testStore.store.db).shown(w.pair.tenant, w.pair.booking.pairId, [senior.userId, junior.userId]);
    expect(shown.get(senior.userId)).toBe(shown.get(junior.userId));
    await w.save((b) => b);
    await w.runJobs();
    expect(w.connector.of(conversationOf(w, senior.userId))[0]!.updates).toBe(0);
    expect(w.connector.total()).toBe(2);
  });

  it('leaves a pair published after the install to the introductions job, which sends it with both Teams ids', async () => {
    // Installed (reachable) before the pair was published; the catch-up ran late, ahead of the job.
    const w = await world(testStore.store.db, [junior.userId, senior.userId]);
    expect(await introduceOnInstall(w.updates, w.pair.tenant, junior.userId, epochMs(NOW - 60_000))).toEqual([]);
    expect(w.connector.total()).toBe(0);
    await sendIntroductions(w.intro, w.pair.tenant, w.eventId);
    expect(w.connector.of(conversationOf(w, junior.userId))).toHaveLength(1);
    expect(w.connector.total()).toBe(2);
  });

  it('stays unsent while the person still blocks Upward', async () => {
    const w = await blockedAtPublish();
    const outcomes = await introduceOnInstall(w.updates, w.pair.tenant, senior.userId);
    expect(outcomes.map((o) => o.status)).toEqual(['unreachable']);
    expect(w.connector.of(conversationOf(w, senior.userId))).toEqual([]);
  });
});

describe('scheduling the catch-up', () => {
  it('makes one job per install: the same activity delivered twice schedules it once', async () => {
    const queue = recordingQueue();
    const tenant = (await blockedAtPublish()).pair.tenant;
    await scheduleIntroductionOnInstall(queue, tenant, senior.userId, 'activity-1', AFTER_PUBLISH);
    await scheduleIntroductionOnInstall(queue, tenant, senior.userId, 'activity-1', AFTER_PUBLISH);
    await scheduleIntroductionOnInstall(queue, tenant, senior.userId, 'activity-2', epochMs(AFTER_PUBLISH + 1));
    expect(queue.jobs.map((j) => j.data)).toEqual([
      { tenantId: tenant, userId: senior.userId, installedAt: AFTER_PUBLISH },
      { tenantId: tenant, userId: senior.userId, installedAt: AFTER_PUBLISH + 1 },
    ]);
    expect(introductionOnInstallJob.schema.safeParse(queue.jobs[0]!.data).success).toBe(true);
  });
});
