import type { Logger } from 'pino';
import type { DevDirectory } from '../directory/dev-directory.ts';
import type { DevPerson } from '../org/dev-person.ts';
import { installationUpdateActivity, postToBot } from './bot-delivery.ts';
import { createConnectorTraffic, type ConnectorTraffic } from './connector-traffic.ts';
import type { ConnectorFaultsInput, ConnectorLimitsInput } from './connector-settings.ts';
import { ConversationBook, type DevConversation, type ReceivedActivity } from './conversations.ts';
import { teamsIds } from './teams-ids.ts';

/** Upward's Teams app as the tenant's app catalog holds it. */
export interface DevTeamsAppInfo {
  /** The manifest id (TEAMS_APP_ID): the catalog entry's `externalId`. */
  readonly externalId: string;
  readonly displayName: string;
  /** The Microsoft app id of the app's bot. */
  readonly botId: string;
  /** The Entra app that may install it with TeamsAppInstallation.ReadWriteSelfForUser (Upward's client id). */
  readonly ownerAppId: string;
}

/** An app in a tenant's org catalog. */
export interface CatalogApp extends DevTeamsAppInfo {
  /** The catalog id (what `teamsApp@odata.bind` names). */
  readonly id: string;
  readonly distributionMethod: 'organization';
}

/** An app installed in a person's personal scope. */
export interface DevInstallation {
  readonly id: string;
  readonly tenantId: string;
  readonly userId: string;
  readonly app: CatalogApp;
  readonly installedAt: string;
}

/** What one person received from bots. */
export interface PersonReceived {
  readonly tenantId: string;
  readonly userId: string;
  readonly activities: readonly ReceivedActivity[];
}

export interface DevTeamsOptions {
  readonly directory: DevDirectory;
  readonly now: () => Date;
  readonly log: Logger;
  /** The service's base URL: the `serviceUrl` bots are told to answer at. */
  readonly baseUrl: () => string;
  /** Upward's Teams app; without it the catalog is empty and nothing can be installed. */
  readonly app: DevTeamsAppInfo | undefined;
  /** Where the app's bot listens (e.g. Upward's `/api/messages`); without it installs reach no bot. */
  readonly botEndpoint: string | undefined;
  readonly limits?: ConnectorLimitsInput;
  readonly faults?: ConnectorFaultsInput;
  readonly fetch?: typeof fetch;
}

/**
 * The development tenant's Teams: the org app catalog, apps installed for people, the 1:1 chats
 * of bots and people, who blocked a bot, and the Bot Connector's limits. Shared by the Graph
 * teamwork routes (installing) and the Bot Connector (messaging); held in memory, like the
 * organisation, so a restart starts with nothing installed.
 */
export class DevTeams {
  readonly conversations = new ConversationBook();
  readonly traffic: ConnectorTraffic;
  readonly #options: DevTeamsOptions;
  readonly #installations = new Map<string, DevInstallation>();
  readonly #blocked = new Set<string>();
  readonly #deliveries = new Set<Promise<void>>();
  readonly #byTeamsUserId = new Map<string, ReadonlyMap<string, DevPerson>>();
  #botEndpoint: string | undefined;

  constructor(options: DevTeamsOptions) {
    this.#options = options;
    this.#botEndpoint = options.botEndpoint;
    this.traffic = createConnectorTraffic({
      now: options.now,
      ...(options.limits ? { limits: options.limits } : {}),
      ...(options.faults ? { faults: options.faults } : {}),
    });
  }

  now(): Date {
    return this.#options.now();
  }

  /** The base URL bots answer at, with the trailing slash Teams' serviceUrls have. */
  serviceUrl(): string {
    return `${this.#options.baseUrl()}/`;
  }

  /** Points installs at another bot endpoint (tests start the bot after the tenant). */
  setBotEndpoint(endpoint: string | undefined): void {
    this.#botEndpoint = endpoint;
  }

  catalog(tenantId: string): readonly CatalogApp[] {
    const app = this.#options.app;
    if (!app || !this.#options.directory.tenant(tenantId)) return [];
    return [{ ...app, id: teamsIds.catalogApp(tenantId, app.externalId), distributionMethod: 'organization' }];
  }

  installedApps(tenantId: string, userId: string): readonly DevInstallation[] {
    return [...this.#installations.values()].filter((i) => i.tenantId === tenantId && i.userId === userId.toLowerCase());
  }

  /** Installs an app from the catalog for a person; `conflict` when it is already installed. */
  install(person: DevPerson, app: CatalogApp): { installation: DevInstallation } | { conflict: true } {
    const key = installationKey(person.tenantId, person.id, app.id);
    if (this.#installations.has(key)) return { conflict: true };
    const installation: DevInstallation = {
      id: teamsIds.installation(person.id, app.id),
      tenantId: person.tenantId,
      userId: person.id.toLowerCase(),
      app,
      installedAt: this.#options.now().toISOString(),
    };
    this.#installations.set(key, installation);
    this.#deliver('add', person, installation);
    return { installation };
  }

  uninstall(person: DevPerson, installationId: string): boolean {
    const installation = this.installedApps(person.tenantId, person.id).find((i) => i.id === installationId);
    if (!installation) return false;
    this.#installations.delete(installationKey(installation.tenantId, installation.userId, installation.app.id));
    this.#deliver('remove', person, installation);
    return true;
  }

  /** A person of the tenant by Teams user id (`29:…`), object id or UPN. */
  person(tenantId: string, memberId: string): DevPerson | undefined {
    if (!memberId.startsWith('29:')) return this.#options.directory.find(tenantId, memberId);
    let index = this.#byTeamsUserId.get(tenantId);
    if (!index) {
      index = new Map(this.#options.directory.people(tenantId).map((p) => [teamsIds.user(tenantId, p.id), p]));
      this.#byTeamsUserId.set(tenantId, index);
    }
    return index.get(memberId);
  }

  /** Whether an app with this bot is installed for the person. */
  hasBot(tenantId: string, userId: string, botId: string): boolean {
    return this.installedApps(tenantId, userId).some((i) => i.app.botId.toLowerCase() === botId.toLowerCase());
  }

  /** The 1:1 chat of an installation's bot with its person (opened on first use; the same after a reinstall). */
  chatOf(installation: Pick<DevInstallation, 'tenantId' | 'userId'> & { app: Pick<CatalogApp, 'botId'> }): DevConversation {
    const { tenantId, userId } = installation;
    const botId = installation.app.botId.toLowerCase();
    return this.conversations.open(
      { id: teamsIds.personalConversation(tenantId, botId, userId), chatId: teamsIds.chat(userId, botId), tenantId, userId, botId },
      this.#options.now(),
    );
  }

  setBlocked(tenantId: string, userIds: readonly string[], blocked: boolean): void {
    for (const userId of userIds) {
      const key = `${tenantId}|${userId.toLowerCase()}`;
      if (blocked) this.#blocked.add(key);
      else this.#blocked.delete(key);
    }
  }

  isBlocked(tenantId: string, userId: string): boolean {
    return this.#blocked.has(`${tenantId}|${userId.toLowerCase()}`);
  }

  blockedPeople(): { tenantId: string; userId: string }[] {
    return [...this.#blocked].map((key) => {
      const [tenantId, userId] = key.split('|') as [string, string];
      return { tenantId, userId };
    });
  }

  /** What people received, optionally only one person's (any tenant) or one tenant's. */
  received(filter: { tenantId?: string; userId?: string } = {}): PersonReceived[] {
    const byPerson = new Map<string, { tenantId: string; userId: string; activities: ReceivedActivity[] }>();
    for (const conversation of this.conversations.all()) {
      if (filter.tenantId !== undefined && conversation.tenantId !== filter.tenantId.toLowerCase()) continue;
      if (filter.userId !== undefined && conversation.userId !== filter.userId.toLowerCase()) continue;
      const key = `${conversation.tenantId}|${conversation.userId}`;
      let entry = byPerson.get(key);
      if (!entry) byPerson.set(key, (entry = { tenantId: conversation.tenantId, userId: conversation.userId, activities: [] }));
      entry.activities.push(...conversation.activities.values());
    }
    return [...byPerson.values()]
      .map((p) => ({ ...p, activities: p.activities.sort((a, b) => Number(a.activityId) - Number(b.activityId)) }))
      .sort((a, b) => (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0));
  }

  /** Resolves once every activity posted to the bot so far has been answered (or failed). */
  async idle(): Promise<void> {
    while (this.#deliveries.size > 0) await Promise.allSettled([...this.#deliveries]);
  }

  /** Posts installationUpdate to the bot after the Graph call has been answered, as Teams does (asynchronously). */
  #deliver(action: 'add' | 'remove', person: DevPerson, installation: DevInstallation): void {
    const endpoint = this.#botEndpoint;
    if (endpoint === undefined) return;
    const activity = installationUpdateActivity({
      action,
      person,
      conversation: this.chatOf(installation),
      botName: installation.app.displayName,
      serviceUrl: this.serviceUrl(),
      now: this.#options.now(),
    });
    const delivery = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => postToBot(endpoint, activity, this.#options.fetch ?? fetch))
      .then((result) => {
        this.traffic.count(result.ok ? 'deliveryOk' : 'deliveryFailed');
        if (!result.ok) this.#options.log.warn({ endpoint, status: result.status, error: result.error, action }, 'development tenant: the bot did not accept installationUpdate');
      })
      .finally(() => this.#deliveries.delete(delivery));
    this.#deliveries.add(delivery);
  }
}

const installationKey = (tenantId: string, userId: string, appId: string): string => `${tenantId}|${userId.toLowerCase()}|${appId}`;
