import { randomUUID } from 'node:crypto';
import { App } from '@microsoft/teams.apps';
import { ExpressAdapter } from '@microsoft/teams.apps';
import type { Express } from 'express';
import type { Logger } from 'pino';
import { tenantId as toTenantId, userId as toUserId, type TenantId, type UserId } from '../core/ids.ts';
import { welcomeCard } from './cards/welcome-card.ts';
import type { LoopHandlers } from './loop/loop-handlers.ts';
import { teamsLogger } from './teams-logger.ts';

/** Where a person's 1:1 chat with Upward is, so later messages can be sent proactively. */
export interface ConversationReferenceRecord {
  readonly userId: UserId;
  readonly conversationId: string;
  readonly serviceUrl: string;
  readonly channelId: string;
  readonly botId: string;
  readonly userName: string | null;
  /**
   * Their Teams user id (`from.id`, `29:…`) when the activity also names the object id: the MRI
   * that per-person cards list in `refresh.userIds`.
   */
  readonly teamsUserId?: string;
}

export interface ConversationReferenceStore {
  upsert(tenantId: TenantId, reference: ConversationReferenceRecord): Promise<void>;
}

export interface BotOptions {
  readonly log: Logger;
  readonly bot: { readonly id: string | undefined; readonly password: string | undefined; readonly allowUnauthenticated: boolean };
  readonly tenantId: string;
  readonly tabUrl: string;
  readonly conversations: ConversationReferenceStore;
  /**
   * The person's first name from the directory. Teams sends only ids on install, and the first
   * word of a display name is often not a first name ("Li Na Li", "Dr. Ada Obi").
   */
  readonly givenNameOf: (tenantId: TenantId, userId: UserId) => Promise<string | undefined>;
  /**
   * The bot's Bot Framework tokens (scope https://api.botframework.com/.default) from Upward's own
   * client-credentials provider, the same code path for a real tenant and the development tenant
   * (the SDK's MSAL client refuses the development tenant's http:// authority). Without it the SDK
   * gets tokens itself from `bot.id` / `bot.password`.
   */
  readonly botToken?: { readonly appId: string; readonly get: () => Promise<string> };
  /** The mentoring loop: card actions (feedback, commands as buttons) and chat commands. */
  readonly loop?: LoopHandlers;
  /**
   * Told each time Upward is installed (again) for a person, once their conversation is stored:
   * the place to send what could not reach them before (a person who blocked or removed Upward
   * missed their introduction). `installId` names the install (the activity's id), so Teams
   * delivering the same activity twice can be told apart from a second install.
   */
  readonly onInstalled?: (tenantId: TenantId, userId: UserId, installId: string) => Promise<void>;
  /**
   * Further handlers on the same SDK app, registered before it initialises — the place for
   * `registerMessageExtension(app, deps)` (src/teams/message-extension).
   */
  readonly extend?: (app: App) => void;
}

export interface Bot {
  /** Registers POST /api/messages on the given Express app (the SDK validates its own tokens). */
  mount(app: Express): Promise<void>;
}

/**
 * Upward's bot on Teams SDK v2: the welcome card (and the catch-up of what the person missed) when
 * Upward is installed for a person, chat commands and card actions.
 */
export function createBot(options: BotOptions): Bot {
  const log = options.log.child({ component: 'bot' });
  return {
    async mount(expressApp) {
      const app = new App({
        httpServerAdapter: new ExpressAdapter(expressApp, { logger: teamsLogger(log, 'http') }),
        logger: teamsLogger(log),
        ...(options.botToken
          ? { clientId: options.botToken.appId, token: options.botToken.get, tenantId: options.tenantId }
          : options.bot.id
            ? { clientId: options.bot.id, clientSecret: options.bot.password, tenantId: options.tenantId }
            : {}),
        dangerouslyAllowUnauthenticatedRequests: options.bot.allowUnauthenticated,
        messagingEndpoint: '/api/messages',
      });

      const identify = (activity: { conversation: { tenantId?: string }; from: { id: string; aadObjectId?: string } }) => ({
        tenant: toTenantId((activity.conversation.tenantId ?? options.tenantId).toLowerCase()),
        person: toUserId((activity.from.aadObjectId ?? activity.from.id).toLowerCase()),
      });
      const greetingName = async (activity: Parameters<typeof identify>[0] & { from: { name?: string } }): Promise<string | undefined> => {
        const { tenant, person } = identify(activity);
        try {
          return (await options.givenNameOf(tenant, person)) ?? firstName(activity.from.name);
        } catch (error) {
          // A greeting without a name beats no greeting: the directory may be briefly unreachable.
          log.warn({ err: error }, 'could not read the person\'s name for the welcome card');
          return firstName(activity.from.name);
        }
      };

      const remember = async (activity: {
        conversation: { id: string; tenantId?: string };
        from: { id: string; aadObjectId?: string; name?: string };
        recipient: { id: string };
        serviceUrl?: string;
        channelId: string;
      }): Promise<void> => {
        const { tenant, person } = identify(activity);
        await options.conversations.upsert(tenant, {
          userId: person,
          conversationId: activity.conversation.id,
          serviceUrl: activity.serviceUrl ?? '',
          channelId: activity.channelId,
          botId: activity.recipient.id,
          userName: activity.from.name ?? null,
          ...(activity.from.aadObjectId !== undefined && activity.from.id !== activity.from.aadObjectId ? { teamsUserId: activity.from.id } : {}),
        });
      };

      const installed = async (activity: Parameters<typeof remember>[0] & { id?: string }): Promise<void> => {
        await remember(activity);
        const { tenant, person } = identify(activity);
        // Before the welcome card, so a connector failure on the greeting cannot lose the catch-up.
        await options.onInstalled?.(tenant, person, activity.id ?? randomUUID());
      };

      app.on('install.add', async ({ activity, send }) => {
        await installed(activity);
        log.info({ conversation: activity.conversation.id }, 'installed for a person');
        await send(welcomeCard({ givenName: await greetingName(activity), tabUrl: options.tabUrl }));
      });

      // Teams also tells a bot it was added to a personal chat this way (often beside
      // installationUpdate); the catch-up is idempotent, and the welcome stays install.add's.
      app.on('conversationUpdate', async ({ activity }) => {
        const personal = activity.conversation.conversationType === 'personal';
        if (!personal || !(activity.membersAdded ?? []).some((member) => member.id === activity.recipient.id)) return;
        await installed(activity);
      });

      app.on('message', async ({ activity, send }) => {
        await remember(activity);
        const text = (activity.text ?? '').trim().toLowerCase();
        const greeting = options.loop ? /^(hi|hello|hey|start)\b/ : /^(hi|hello|hey|help|start|\?)\b/;
        if (text === '' || greeting.test(text)) {
          await send(welcomeCard({ givenName: await greetingName(activity), tabUrl: options.tabUrl }));
          return;
        }
        if (options.loop) {
          const { tenant, person } = identify(activity);
          await send(await options.loop.command({ tenantId: tenant, userId: person }, activity.text ?? ''));
          return;
        }
        await send("Sorry, I didn't understand that. Type **help** to see what I can do.");
      });

      // Extensions first, so that their own `card.action.<verb>` routes come before the loop's catch-all.
      options.extend?.(app);

      // Universal Actions (Action.Execute): the person comes from the activity, never from the card's data.
      app.on('card.action', async ({ activity }) => {
        const { tenant, person } = identify(activity);
        const action = activity.value.action;
        const data = (typeof action.data === 'object' && action.data !== null ? action.data : {}) as Record<string, unknown>;
        const answer = await options.loop?.cardAction({ tenantId: tenant, userId: person, teamsUserId: activity.from.id }, action.verb ?? '', data);
        if (answer !== undefined) return answer;
        const message = `Unknown action ${action.verb ?? ''}`;
        return { statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'BadRequest', message, innerHttpError: { statusCode: 400, body: { message } } } };
      });

      await app.initialize();
    },
  };
}

function firstName(name: string | undefined): string | undefined {
  const first = name?.trim().split(/\s+/)[0];
  return first === '' ? undefined : first;
}
