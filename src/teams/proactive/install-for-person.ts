import { UpwardError } from '../../core/errors.ts';
import type { TenantId, UserId } from '../../core/ids.ts';
import { epochMs, type EpochMs } from '../../core/time.ts';
import type { ProactiveReference, SenderClock } from './ports.ts';
import { runPool } from './run-pool.ts';

/** Upward's Teams app in people's personal scope, through Graph (src/graph/teamwork.ts fits). */
export interface AppInstallerPort {
  catalogAppId(externalId: string): Promise<string | undefined>;
  install(userId: UserId, catalogAppId: string): Promise<'installed' | 'already-installed'>;
  findInstallation(userId: UserId, catalogAppId: string): Promise<{ readonly id: string } | undefined>;
  chatId(userId: UserId, installationId: string): Promise<string>;
}

/** Reading and storing conversation references (the store's repository fits). */
export interface InstallReferencePort {
  get(tenantId: TenantId, userId: UserId): Promise<ProactiveReference | undefined>;
  upsert(
    tenantId: TenantId,
    sighting: { userId: UserId; conversationId: string; serviceUrl: string; channelId: string; botId: string; userName?: string | undefined; at: EpochMs },
  ): Promise<unknown>;
}

/** What making one person reachable came to. */
export type InstallOutcome =
  | { readonly status: 'reachable'; readonly userId: UserId; readonly conversationId: string }
  /** Installed now (or found installed); `via` says who stored the reference: the bot on install, or Upward from the chat Graph gave. */
  | { readonly status: 'installed'; readonly userId: UserId; readonly conversationId: string; readonly via: 'bot' | 'graph-chat'; readonly wasInstalled: boolean }
  /** They blocked the bot: installing again would not reach them, so nothing is done. */
  | { readonly status: 'blocked'; readonly userId: UserId }
  | { readonly status: 'failed'; readonly userId: UserId; readonly code: string; readonly message: string };

export interface PersonInstallerOptions {
  /** A Graph installer for the person's tenant (app-only token of that tenant). */
  readonly installerFor: (tenantId: TenantId) => AppInstallerPort;
  readonly references: InstallReferencePort;
  /** The app's manifest id (TEAMS_APP_ID). */
  readonly teamsAppId: string;
  /** The bot's Microsoft app id. */
  readonly botId: string;
  /**
   * The Bot Connector to record when Upward stores the reference itself (the bot's install
   * activity did not arrive in time): `https://smba.trafficmanager.net/teams/` for Teams, the
   * development tenant's URL locally.
   */
  readonly defaultServiceUrl: string;
  /** How long to wait for the bot's install activity to store the reference. Default 10 s. */
  readonly waitMs?: number;
  readonly pollMs?: number;
  readonly clock?: SenderClock;
}

/** Installs Upward for people who have not got it, so the bot can message them proactively. */
export interface PersonInstaller {
  ensureReachable(tenantId: TenantId, userId: UserId): Promise<InstallOutcome>;
  /** The same for many people, a few at a time; one person's failure does not stop the others. */
  ensureReachableAll(tenantId: TenantId, userIds: readonly UserId[]): Promise<InstallOutcome[]>;
}

const realClock: SenderClock = { now: () => Date.now(), sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) };
/** Graph installs per tenant at once: the installations API is not built for bursts. */
const INSTALL_CONCURRENCY = 4;

export function createPersonInstaller(options: PersonInstallerOptions): PersonInstaller {
  const clock = options.clock ?? realClock;
  const catalogIds = new Map<TenantId, Promise<string>>();
  const catalogIdOf = (tenantId: TenantId): Promise<string> => {
    let id = catalogIds.get(tenantId);
    if (!id) {
      id = options
        .installerFor(tenantId)
        .catalogAppId(options.teamsAppId)
        .then((found) => {
          if (found === undefined) throw new UpwardError('not_found', `Upward (Teams app ${options.teamsAppId}) is not in the app catalog of tenant ${tenantId}; an admin must publish it first`);
          return found;
        });
      // A failed lookup is not remembered: the admin may publish the app in the meantime.
      id.catch(() => catalogIds.delete(tenantId));
      catalogIds.set(tenantId, id);
    }
    return id;
  };

  /** Polls for the reference the bot stores on installationUpdate. */
  const waitForReference = async (tenantId: TenantId, userId: UserId): Promise<ProactiveReference | undefined> => {
    const deadline = clock.now() + (options.waitMs ?? 10_000);
    for (;;) {
      const reference = await options.references.get(tenantId, userId);
      if (reference || clock.now() >= deadline) return reference;
      await clock.sleep(options.pollMs ?? 200);
    }
  };

  const ensureReachable = async (tenantId: TenantId, userId: UserId): Promise<InstallOutcome> => {
    const existing = await options.references.get(tenantId, userId);
    if (existing?.blockedAt !== undefined) return { status: 'blocked', userId };
    if (existing) return { status: 'reachable', userId, conversationId: existing.conversationId };
    try {
      const installer = options.installerFor(tenantId);
      const catalogAppId = await catalogIdOf(tenantId);
      const installed = await installer.install(userId, catalogAppId);
      const fromBot = await waitForReference(tenantId, userId);
      if (fromBot) return { status: 'installed', userId, conversationId: fromBot.conversationId, via: 'bot', wasInstalled: installed === 'already-installed' };
      // The bot has not heard of the install (yet): the chat Graph names is the same conversation.
      const installation = await installer.findInstallation(userId, catalogAppId);
      if (!installation) throw new UpwardError('upstream', `Graph reported Upward installed for ${userId} but lists no installation`);
      const chatId = await installer.chatId(userId, installation.id);
      await options.references.upsert(tenantId, {
        userId,
        conversationId: chatId,
        serviceUrl: options.defaultServiceUrl,
        channelId: 'msteams',
        botId: `28:${options.botId}`,
        at: epochMs(clock.now()),
      });
      return { status: 'installed', userId, conversationId: chatId, via: 'graph-chat', wasInstalled: installed === 'already-installed' };
    } catch (error) {
      if (!(error instanceof UpwardError)) throw error;
      return { status: 'failed', userId, code: error.code, message: error.message };
    }
  };

  return {
    ensureReachable,
    async ensureReachableAll(tenantId, userIds) {
      const outcomes: InstallOutcome[] = new Array(userIds.length);
      await runPool(userIds.length, INSTALL_CONCURRENCY, async (i) => {
        outcomes[i] = await ensureReachable(tenantId, userIds[i]!);
      });
      return outcomes;
    },
  };
}
