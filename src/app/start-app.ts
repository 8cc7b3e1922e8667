import type { Logger } from 'pino';
import { loadConfig, type Config } from '../config/config.ts';
import type { RunningDevTenant } from '../devtenant/dev-tenant.ts';
import type { ProgramEvent } from '../programs/events.ts';
import type { Store } from '../store/store.ts';
import { wireBot } from './bot-wiring.ts';
import { startDevTenantWhenConfigured } from './dev-tenant-wiring.ts';
import { wireGraph } from './graph-wiring.ts';
import { wireHttpApp } from './http-app-wiring.ts';
import { listenBeforeReady } from './http-listener.ts';
import { startJobs } from './job-wiring.ts';
import { createLogger } from './logger.ts';
import { messageExtensionDeps } from './message-extension-wiring.ts';
import { wireProactive, type ProactiveWiring } from './proactive-wiring.ts';
import { wireProgramServices } from './program-wiring.ts';
import { wireSessionAlternatives } from './session-alternatives-wiring.ts';
import { ShutdownStack } from './shutdown-stack.ts';
import { openConfiguredStore } from './store-wiring.ts';

export interface RunningApp {
  /** Where Upward listens, e.g. http://127.0.0.1:3978. */
  readonly url: string;
  readonly config: Config;
  readonly devTenant: RunningDevTenant | undefined;
  readonly store: Store;
  readonly log: Logger;
  /** Proactive messages to people (cards by conversation reference) and installing Upward for them. */
  readonly proactive: ProactiveWiring;
  close(): Promise<void>;
}

export interface StartOptions {
  /** Environment variables layered over env/.env.<UPWARD_ENV> and the process environment. */
  readonly overrides?: Record<string, string>;
  /** Folder of the built tab; default dist/tab. */
  readonly tabDirectory?: string;
  /** Also told about every program event after it is logged (tests watch `pairs.published`). */
  readonly onProgramEvent?: (event: ProgramEvent) => void;
}

/**
 * The composition root: the only place that knows every concrete adapter. Each step below is one
 * wiring module of src/app; each registers how to stop what it started, and `close` stops them in
 * reverse. A step that fails stops whatever started before it.
 */
export async function startApp(options: StartOptions = {}): Promise<RunningApp> {
  const overrides = options.overrides ?? {};
  const configured = loadConfig({ overrides });
  const log = createLogger(configured.logLevel);
  const shutdown = new ShutdownStack(log);
  const listener = await listenBeforeReady(configured, overrides, shutdown);
  const { url } = listener;

  try {
    const { config, devTenant } = await startDevTenantWhenConfigured(listener.config, url, log, shutdown);
    const store = await openConfiguredStore(config, log, shutdown);
    const { graphClientFor, directoryFor } = wireGraph(config);
    const messageExtension = messageExtensionDeps({ db: store.db, log, defaultTenantId: config.entra.tenantId, tabUrl: `${config.server.publicUrl}/tab/` });
    const proactive = wireProactive({ config, store, log, devTenantUrl: devTenant?.url, graphClientFor });
    const programs = wireProgramServices({ store, log, directoryFor, searchIndex: messageExtension, onProgramEvent: options.onProgramEvent }, shutdown);
    const { scheduling, engagement } = await startJobs({ config, store, log, graphClientFor, proactive, programs }, shutdown);
    const sessionAlternatives = wireSessionAlternatives(store, graphClientFor);
    const bot = wireBot({ config, store, log, directoryFor, proactive, messageExtension, programs: programs.services, scheduling, sessionAlternatives, engagement });
    const httpApp = await wireHttpApp({
      config, store, log, graphClientFor, directoryFor, bot, programs: programs.services, scheduling, engagement, sessionAlternatives, tabDirectory: options.tabDirectory,
    });
    listener.serve(httpApp);
    log.info({ url }, 'Upward is listening');
    return { url, config, devTenant, store, log, proactive, close: () => shutdown.close() };
  } catch (error) {
    await shutdown.close();
    throw error;
  }
}
