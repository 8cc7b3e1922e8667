import pino from 'pino';
import { tenantId as toTenantId, userId as toUserId, type TenantId, type UserId } from '../../../src/core/ids.ts';
import { epochMs } from '../../../src/core/time.ts';
import type { DevPerson, DevTenantOptions } from '../../../src/devtenant/dev-tenant.ts';
import { createAppTokenProvider } from '../../../src/graph/app-token-provider.ts';
import { createGraphClient } from '../../../src/graph/graph-client.ts';
import { createTeamsAppInstaller, type TeamsAppInstaller } from '../../../src/graph/teamwork.ts';
import { conversationReferenceRepository, type ConversationReferenceRepository } from '../../../src/store/conversation-references.ts';
import { sentMessageRepository } from '../../../src/store/sent-messages.ts';
import { createProactiveSender, createSdkBotConnector, type ProactiveSenderOptions, type ProactiveSender } from '../../../src/teams/proactive/index.ts';
import { teamsLogger } from '../../../src/teams/teams-logger.ts';
import { TEST_TEAMS_APP_ID, startStubBot, type StubBot } from '../../devtenant/connector/connector-kit.ts';
import { TEST_CLIENT_ID, TEST_TENANT_ID, startTestTenant, type TestTenant } from '../../devtenant/test-tenant.ts';
import { openTestStore, type TestStore } from '../../store/open-test-store.ts';

export const silent = pino({ level: 'silent' });
export const TENANT: TenantId = toTenantId(TEST_TENANT_ID);

/** A development tenant with Upward's Teams app, a store, and Upward's proactive pieces wired as the composition root wires them. */
export interface ProactiveKit {
  readonly dev: TestTenant;
  readonly url: string;
  readonly store: TestStore;
  readonly references: ConversationReferenceRepository;
  readonly people: readonly DevPerson[];
  readonly stubBot: StubBot;
  readonly botToken: () => Promise<string>;
  readonly graphInstaller: TeamsAppInstaller;
  /** The file's sender over the store and the tenant's connector; with `overrides`, a new one with those options. */
  sender(overrides?: Partial<ProactiveSenderOptions>): ProactiveSender;
  /**
   * Installs Upward for the people through Graph; the stub bot receives their installationUpdate
   * and their conversation references are stored from it, as Upward's bot stores them.
   */
  installAndRemember(people: readonly DevPerson[]): Promise<void>;
  /** The control API of the tenant's connector. */
  admin(method: string, path: string, body?: unknown): Promise<any>;
  dispose(): Promise<void>;
}

/** `store` picks the backend (PGlite unless asked): the PostgreSQL server lets tests open a second connection, as a second app instance. */
export async function startProactiveKit(overrides: Partial<DevTenantOptions> = {}, setup: { store?: 'pglite' | 'postgres' } = {}): Promise<ProactiveKit> {
  const stubBot = await startStubBot();
  const dev = await startTestTenant({ size: 140, teamsApp: { id: TEST_TEAMS_APP_ID }, botEndpoint: stubBot.endpoint, ...overrides });
  const store = await openTestStore(setup.store ?? 'pglite');
  const url = dev.tenant.url;
  const secret = dev.tenant.clientSecret;
  const botTokens = createAppTokenProvider({ loginBaseUrl: url, clientId: TEST_CLIENT_ID, clientSecret: secret, resource: 'https://api.botframework.com' });
  const graphTokens = createAppTokenProvider({ loginBaseUrl: url, clientId: TEST_CLIENT_ID, clientSecret: secret, resource: 'https://graph.microsoft.com' });
  const botToken = () => botTokens.getToken(TEST_TENANT_ID);
  const graphInstaller = createTeamsAppInstaller(createGraphClient({ baseUrl: url, token: () => graphTokens.getToken(TEST_TENANT_ID) }));
  const references = conversationReferenceRepository(store.store.db);
  let catalogId: string | undefined;
  const makeSender = (options: Partial<ProactiveSenderOptions>): ProactiveSender =>
    createProactiveSender({
      references,
      sent: sentMessageRepository(store.store.db),
      connector: createSdkBotConnector({ token: botToken, logger: teamsLogger(silent) }),
      log: silent,
      ...options,
    });
  // One sender (one pacer) for the whole file, as Upward has one per process: separate pacers
  // would not know each other's recent sends.
  let shared: ProactiveSender | undefined;

  return {
    dev,
    url,
    store,
    references,
    people: dev.tenant.directory.people(TEST_TENANT_ID),
    stubBot,
    botToken,
    graphInstaller,
    sender: (options) => {
      if (options === undefined) return (shared ??= makeSender({}));
      return makeSender(options);
    },
    async installAndRemember(people) {
      catalogId ??= await graphInstaller.catalogAppId(TEST_TEAMS_APP_ID);
      for (const person of people) await graphInstaller.install(toUserId(person.id), catalogId!);
      await dev.tenant.teams.idle();
      const wanted = new Set(people.map((p) => p.id));
      for (const activity of stubBot.activities) {
        if (activity.type !== 'installationUpdate' || activity.action !== 'add' || !wanted.has(activity.from.aadObjectId)) continue;
        await references.upsert(TENANT, {
          userId: toUserId(activity.from.aadObjectId),
          conversationId: activity.conversation.id,
          serviceUrl: activity.serviceUrl,
          channelId: activity.channelId,
          botId: activity.recipient.id,
          userName: activity.from.name,
          at: epochMs(Date.now()),
        });
      }
    },
    async admin(method, path, body) {
      const response = await fetch(`${url}/_devtenant/connector${path}`, {
        method,
        headers: { authorization: `Bearer ${secret}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
      return text === '' ? undefined : JSON.parse(text);
    },
    async dispose() {
      await store.cleanup();
      await dev.dispose();
      await stubBot.close();
    },
  };
}

export const asUser = (person: DevPerson): UserId => toUserId(person.id);
