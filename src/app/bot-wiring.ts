import type { Logger } from 'pino';
import type { Config } from '../config/config.ts';
import { epochMs } from '../core/time.ts';
import { loopPortsOver, type Engagement } from '../engagement/engagement-runtime.ts';
import { enrolledZone, membershipPort } from '../engagement/membership.ts';
import { sessionReschedulePort } from '../engagement/session-reschedule-port.ts';
import type { DirectoryReader } from '../graph/directory.ts';
import type { ProgramServices } from '../programs/program-services.ts';
import type { SchedulingService } from '../scheduling/scheduling-service.ts';
import type { SessionAlternativesSource } from '../server/routes/session-alternatives-source.ts';
import { conversationReferenceRepository } from '../store/conversation-references.ts';
import type { Store } from '../store/store.ts';
import { createBot, type Bot } from '../teams/bot.ts';
import { createLoopHandlers } from '../teams/loop/loop-handlers.ts';
import { registerMessageExtension, type MessageExtensionDeps } from '../teams/message-extension/index.ts';
import type { ProactiveWiring } from './proactive-wiring.ts';

export interface BotWiringOptions {
  readonly config: Config;
  readonly store: Store;
  readonly log: Logger;
  readonly directoryFor: (tenantId: string) => DirectoryReader;
  readonly proactive: ProactiveWiring;
  readonly messageExtension: MessageExtensionDeps;
  /** Pause and leave act through the program and scheduling services. */
  readonly programs: ProgramServices;
  readonly scheduling: SchedulingService;
  readonly sessionAlternatives: SessionAlternativesSource;
  /** Told of each install, so an introduction missed while Upward was blocked or removed is sent. */
  readonly engagement: Engagement;
}

/**
 * Upward's bot: the welcome card on install, the mentoring loop (feedback and command cards'
 * actions, chat commands) and the message extension, remembering each person's conversation so
 * that proactive messages can reach them.
 */
export function wireBot(options: BotWiringOptions): Bot {
  const { config, store, log } = options;
  const tabUrl = `${config.server.publicUrl}/tab/`;
  const references = conversationReferenceRepository(store.db);
  return createBot({
    log,
    bot: config.bot,
    tenantId: config.entra.tenantId,
    tabUrl,
    botToken: options.proactive.botToken,
    loop: createLoopHandlers({
      ports: loopPortsOver(
        store,
        Date.now,
        membershipPort({ db: store.db, enrolments: () => options.programs.enrolments, scheduling: () => options.scheduling, now: Date.now, log }),
        tabUrl,
        {
          reschedule: sessionReschedulePort(store.db, options.sessionAlternatives, (tenantId, actor, bookingId, index, input) =>
            options.scheduling.rescheduleSession(tenantId, actor, bookingId, index, input),
          ),
          sessionsTabUrl: `${config.server.publicUrl}/tab/?view=personal`,
        },
      ),
      tabUrl,
      zoneOf: enrolledZone(store.db),
    }),
    extend: (app) => registerMessageExtension(app, options.messageExtension),
    givenNameOf: async (tenantId, userId) => (await options.directoryFor(tenantId).readProfile(userId)).givenName ?? undefined,
    onInstalled: (tenantId, userId, installId) => options.engagement.onInstalled(tenantId, userId, installId),
    conversations: {
      upsert: async (tenantId, reference) => {
        await references.upsert(tenantId, { ...reference, userName: reference.userName ?? undefined, at: epochMs(Date.now()) });
      },
    },
  });
}
