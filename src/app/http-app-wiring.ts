import { resolve } from 'node:path';
import type { Client } from '@microsoft/microsoft-graph-client';
import type { Express } from 'express';
import type { Logger } from 'pino';
import { createTokenValidator } from '../auth/token-validator.ts';
import type { Config } from '../config/config.ts';
import type { Engagement } from '../engagement/engagement-runtime.ts';
import type { DirectoryReader } from '../graph/directory.ts';
import type { ProgramServices } from '../programs/program-services.ts';
import type { SchedulingService } from '../scheduling/scheduling-service.ts';
import { createHttpApp } from '../server/http-app.ts';
import { createPairBacklogSource } from '../server/routes/pair-backlog.ts';
import { createParticipationSource } from '../server/routes/participation-source.ts';
import { createProgramHealthSource } from '../server/routes/program-health-source.ts';
import type { SessionAlternativesSource } from '../server/routes/session-alternatives-source.ts';
import { feedbackRepository } from '../store/feedback.ts';
import { programFeedbackReader } from '../store/program-feedback-facts.ts';
import type { Store } from '../store/store.ts';
import type { Bot } from '../teams/bot.ts';

export interface HttpAppWiringOptions {
  readonly config: Config;
  readonly store: Store;
  readonly log: Logger;
  readonly graphClientFor: (tenantId: string) => Client;
  readonly directoryFor: (tenantId: string) => DirectoryReader;
  readonly bot: Bot;
  readonly programs: ProgramServices;
  readonly scheduling: SchedulingService;
  readonly engagement: Engagement;
  readonly sessionAlternatives: SessionAlternativesSource;
  /** Folder of the built tab; default dist/tab. */
  readonly tabDirectory: string | undefined;
}

/**
 * Upward's HTTP surface over everything started before it: the bot's endpoint, the tab's API
 * behind tokens validated for the configured tenants and audiences, and the built tab.
 */
export function wireHttpApp(options: HttpAppWiringOptions): Promise<Express> {
  const { config, store } = options;
  return createHttpApp({
    log: options.log,
    validator: createTokenValidator({
      loginBaseUrl: config.entra.loginBaseUrl,
      allowedTenantIds: config.entra.allowedTenantIds,
      audiences: config.entra.audiences,
    }),
    tabConfig: {
      tenantId: config.entra.tenantId,
      clientId: config.entra.clientId,
      loginBaseUrl: config.entra.loginBaseUrl,
      apiScope: `${config.entra.audiences[1]}/access_as_user`,
    },
    tabDirectory: resolve(options.tabDirectory ?? 'dist/tab'),
    ping: () => store.ping(),
    directoryFor: options.directoryFor,
    mountSelfAuthenticated: (app) => options.bot.mount(app),
    programs: options.programs,
    scheduling: options.scheduling,
    participation: createParticipationSource(store.db, options.graphClientFor),
    programHealth: createProgramHealthSource(store.db, { feedback: programFeedbackReader(store.db) }),
    feedback: feedbackRepository(store.db),
    actionDone: feedbackRepository(store.db),
    sessionAlternatives: options.sessionAlternatives,
    pairBacklog: createPairBacklogSource(store.db),
    sessionMessages: options.engagement.sessionMessages,
  });
}
