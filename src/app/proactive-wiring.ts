import type { Logger } from 'pino';
import type { Config } from '../config/config.ts';
import { createAppTokenProvider } from '../graph/app-token-provider.ts';
import type { Client } from '@microsoft/microsoft-graph-client';
import { createTeamsAppInstaller } from '../graph/teamwork.ts';
import { conversationReferenceRepository } from '../store/conversation-references.ts';
import { sentMessageRepository } from '../store/sent-messages.ts';
import type { Store } from '../store/store.ts';
import { createPersonInstaller, createProactiveSender, createSdkBotConnector, type PersonInstaller, type ProactiveSender } from '../teams/proactive/index.ts';
import { teamsLogger } from '../teams/teams-logger.ts';

/** The Bot Framework's resource: bot tokens are asked for `<this>/.default`. */
const BOT_FRAMEWORK = 'https://api.botframework.com';
/** The Bot Connector for Teams when no activity has named a regional one yet. */
const TEAMS_SERVICE_URL = 'https://smba.trafficmanager.net/teams/';

/** Proactive messaging as the composition root wires it. */
export interface ProactiveWiring {
  /** Sends cards to people by their conversation references, within Teams' limits, once per key. */
  readonly sender: ProactiveSender;
  /** Installs Upward for people who have no conversation reference yet (Graph installedApps). */
  readonly installer: PersonInstaller;
  /** The bot's identity and tokens, for the Teams SDK app (createBot's `botToken`). */
  readonly botToken: { readonly appId: string; readonly get: () => Promise<string> };
}

export interface ProactiveWiringOptions {
  readonly config: Config;
  readonly store: Store;
  readonly log: Logger;
  /** The development tenant's base URL when it runs (its Bot Connector is the default serviceUrl). */
  readonly devTenantUrl: string | undefined;
  /** An app-only Graph token for a tenant (the composition root's provider). */
  readonly graphClientFor: (tenantId: string) => Client;
}

/**
 * The bot's credentials are BOT_ID / BOT_PASSWORD when set, else Upward's own app registration
 * (the development tenant has no other). Tokens come from the bot's home tenant (a single-tenant
 * bot) through Upward's client-credentials provider: only the URLs differ between a real tenant
 * and the development one.
 */
export function wireProactive(options: ProactiveWiringOptions): ProactiveWiring {
  const { config, store, log } = options;
  const appId = config.bot.appId;
  const secret = config.bot.id === undefined ? config.entra.clientSecret : config.bot.password;
  if (!secret) throw new Error('a bot secret is required: BOT_PASSWORD, or ENTRA_CLIENT_SECRET when the bot is Upward\'s own app');
  const botTokens = createAppTokenProvider({ loginBaseUrl: config.entra.loginBaseUrl, clientId: appId, clientSecret: secret, resource: BOT_FRAMEWORK });
  const botToken = { appId, get: () => botTokens.getToken(config.entra.tenantId) };
  const references = conversationReferenceRepository(store.db);

  const sender = createProactiveSender({
    references,
    sent: sentMessageRepository(store.db),
    connector: createSdkBotConnector({ token: botToken.get, logger: teamsLogger(log, 'connector') }),
    log,
  });
  const installer = createPersonInstaller({
    installerFor: (tenantId) => createTeamsAppInstaller(options.graphClientFor(tenantId)),
    references,
    teamsAppId: config.teams.appId,
    botId: appId,
    defaultServiceUrl: options.devTenantUrl === undefined ? TEAMS_SERVICE_URL : `${options.devTenantUrl}/`,
  });
  return { sender, installer, botToken };
}

