import { randomUUID } from 'node:crypto';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import type { Logger } from 'pino';
import { createTokenValidator } from '../auth/token-validator.ts';
import { ConfigError, loadConfig, type Config } from '../config/config.ts';
import { startDevTenant, type RunningDevTenant } from '../devtenant/dev-tenant.ts';
import { createAppTokenProvider } from '../graph/app-token-provider.ts';
import { createDirectoryReader, type DirectoryReader, type ManagerChainReader } from '../graph/directory.ts';
import type { Client } from '@microsoft/microsoft-graph-client';
import { createGraphClient } from '../graph/graph-client.ts';
import { createHttpApp } from '../server/http-app.ts';
import { createParticipationSource } from '../server/routes/participation-source.ts';
import { createProgramHealthSource } from '../server/routes/program-health-source.ts';
import { createJobQueue } from '../jobs/job-queue.ts';
import { startScheduling } from '../scheduling/scheduling-runtime.ts';
import type { ProgramEvent } from '../programs/events.ts';
import { createProgramServices } from '../programs/program-services.ts';
import { workerMatchRunner } from '../programs/worker-match-runner.ts';
import { conversationReferenceRepository } from '../store/conversation-references.ts';
import { epochMs } from '../core/time.ts';
import { openStore, type Store } from '../store/store.ts';
import { createBot } from '../teams/bot.ts';
import { wireProactive, type ProactiveWiring } from './proactive-wiring.ts';
import { createLogger } from './logger.ts';
import { loopPortsOver, startEngagement, type Engagement } from '../engagement/engagement-runtime.ts';
import { sessionReschedulePort } from '../engagement/session-reschedule-port.ts';
import { introductionUpdatesOnBooking } from '../engagement/introduction-updates-job.ts';
import { feedbackRepository } from '../store/feedback.ts';
import { programFeedbackReader } from '../store/program-feedback-facts.ts';
import { createLoopHandlers } from '../teams/loop/loop-handlers.ts';
import { enrolledZone, membershipPort } from '../engagement/membership.ts';
import { registerMessageExtension } from '../teams/message-extension/index.ts';
import { messageExtensionDeps } from './message-extension-wiring.ts';
import { tenantId as toTenantId } from '../core/ids.ts';
import { createSessionAlternativesSource } from '../server/routes/session-alternatives-source.ts';
import { createPairBacklogSource } from '../server/routes/pair-backlog.ts';
import { PARALLEL_BATCHES } from '../scheduling/scheduling-runtime.ts';

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
 * The composition root: the only place that knows every concrete adapter. It parses the
 * configuration, starts the development tenant when configured (and only then), opens the store
 * and wires Graph, auth, the bot and the HTTP server together.
 */
export async function startApp(options: StartOptions = {}): Promise<RunningApp> {
  const overrides = options.overrides ?? {};
  let config = loadConfig({ overrides });
  const log = createLogger(config.logLevel);
  const closers: Array<() => Promise<void>> = [];
  const closeAll = async (): Promise<void> => {
    for (const close of closers.reverse()) await close().catch((error: unknown) => log.error({ err: error }, 'error while closing'));
  };

  // Listen first (answering 503 until ready) so that with PORT=0 the real port is known before
  // anything derives URLs from it: the public URL, the SSO audience, the sign-in redirect origin.
  let handle: RequestListener = (_req, res) => {
    res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '1' }).end('{"error":{"code":"unavailable","message":"Upward is starting"}}');
  };
  const server = createServer((req, res) => handle(req, res));
  await listen(server, config.server.port, config.server.host);
  closers.push(() => closeServer(server));
  const port = (server.address() as AddressInfo).port;
  if (config.server.port !== port) config = loadConfig({ overrides: { ...overrides, PORT: String(port) } });
  const url = `http://${config.server.host === '0.0.0.0' ? '127.0.0.1' : config.server.host}:${port}`;

  try {
    let devTenant: RunningDevTenant | undefined;
    if (config.devTenant.enabled) {
      devTenant = await startDevTenant({
        host: config.server.host === '0.0.0.0' ? '127.0.0.1' : config.server.host,
        port: config.devTenant.port,
        seed: config.devTenant.seed,
        size: config.devTenant.size,
        tenantId: config.entra.tenantId,
        app: {
          clientId: config.entra.clientId,
          appIdUri: config.entra.audiences[1]!,
          redirectOrigins: [new URL(config.server.publicUrl).origin],
        },
        dataDir: join(config.store.dataDir, 'devtenant'),
        // Upward's Teams app and bot: installing it through Graph posts installationUpdate to Upward's bot.
        teamsApp: { id: config.teams.appId, botId: config.bot.appId },
        botEndpoint: `${url}/api/messages`,
        ...(config.devTenant.scenarioFile === undefined ? {} : { scenarioFile: config.devTenant.scenarioFile }),
        log: log.child({ component: 'devtenant' }),
      });
      closers.push(() => devTenant!.close());
      // Port 0 means "any free port": point Upward at the port the tenant actually got, and take
      // the client secret it created for Upward's registration (no secret is ever committed).
      config = withDevTenant(config, devTenant);
    }

    const store = await openStore({ dataDir: config.store.dataDir, databaseUrl: config.store.databaseUrl, log });
    closers.push(() => store.close());

    const secret = config.entra.clientSecret;
    if (!secret) throw new ConfigError('ENTRA_CLIENT_SECRET: is required to call Microsoft Graph (put it in env/.env.<env>.user)');
    const tokens = createAppTokenProvider({
      loginBaseUrl: config.entra.loginBaseUrl,
      clientId: config.entra.clientId,
      clientSecret: secret,
      resource: 'https://graph.microsoft.com',
    });
    // One Graph client and one directory reader per tenant, shared by every adapter.
    const graphClients = new Map<string, Client>();
    const graphClientFor = (tenantId: string): Client => {
      let client = graphClients.get(tenantId);
      if (!client) {
        client = createGraphClient({ baseUrl: config.entra.graphBaseUrl, token: () => tokens.getToken(tenantId) });
        graphClients.set(tenantId, client);
      }
      return client;
    };
    const directories = new Map<string, DirectoryReader & ManagerChainReader>();
    const directoryFor = (tenantId: string): DirectoryReader & ManagerChainReader => {
      let reader = directories.get(tenantId);
      if (!reader) {
        reader = createDirectoryReader(graphClientFor(tenantId));
        directories.set(tenantId, reader);
      }
      return reader;
    };

    const references = conversationReferenceRepository(store.db);
    // The message extension (search, add to agenda, next session, log a session) over the store.
    const messageExtension = messageExtensionDeps({ db: store.db, log, defaultTenantId: config.entra.tenantId, tabUrl: `${config.server.publicUrl}/tab/` });
    const proactive = wireProactive({ config, store, log, devTenantUrl: devTenant?.url, graphClientFor });
    // Mutual free times around a session: one getSchedule read of the pair per request, shared by
    // the tab's reschedule dialog and the agenda card's "reschedule this one".
    const sessionAlternatives = createSessionAlternativesSource({
      db: store.db,
      now: () => epochMs(Date.now()),
      graphFor: (tenantId) => ({
        client: graphClientFor(tenantId),
        batch: { parallelBatches: PARALLEL_BATCHES },
      }),
    });
    const bot = createBot({
      log,
      bot: config.bot,
      tenantId: config.entra.tenantId,
      tabUrl: `${config.server.publicUrl}/tab/`,
      botToken: proactive.botToken,
      // The mentoring loop: feedback and command cards' actions, and chat commands.
      // Pause and leave act through the program and scheduling services, built below.
      loop: createLoopHandlers({
        ports: loopPortsOver(
          store,
          Date.now,
          membershipPort({ db: store.db, enrolments: () => programs.enrolments, scheduling: () => scheduling, now: Date.now, log }),
          `${config.server.publicUrl}/tab/`,
          {
            reschedule: sessionReschedulePort(store.db, sessionAlternatives, (tenantId, actor, bookingId, index, input) =>
              scheduling.rescheduleSession(tenantId, actor, bookingId, index, input),
            ),
            sessionsTabUrl: `${config.server.publicUrl}/tab/?view=personal`,
          },
        ),
        tabUrl: `${config.server.publicUrl}/tab/`,
        zoneOf: enrolledZone(store.db),
      }),
      extend: (app) => registerMessageExtension(app, messageExtension),
      givenNameOf: async (tenantId, userId) => (await directoryFor(tenantId).readProfile(userId)).givenName ?? undefined,
      conversations: {
        upsert: async (tenantId, reference) => {
          await references.upsert(tenantId, { ...reference, userName: reference.userName ?? undefined, at: epochMs(Date.now()) });
        },
      },
    });

    // The mentoring loop's jobs consume program events; set once the job queue exists (below).
    let engagement: Engagement | undefined;
    // Programs: matching runs on a worker thread; events are logged until the bot consumes them.
    const programs = createProgramServices(store.db, {
      directoryFor,
      matcher: workerMatchRunner(),
      publish: async (event) => {
        log.info({ event: event.type, id: event.id, tenantId: event.tenantId, programId: event.programId }, 'program event');
        // Someone left or pairs changed: search should not wait out its index's TTL. (New
        // enrolments emit no event; the index's 60 s TTL covers them.)
        messageExtension.invalidate(toTenantId(event.tenantId));
        try {
          // The event is already in program_events: if this fails, the catch-up at start schedules it.
          await engagement?.onProgramEvent(event);
        } finally {
          options.onProgramEvent?.(event);
        }
      },
      now: () => epochMs(Date.now()),
      newId: () => randomUUID(),
      onBackgroundError: (error, what) => log.error({ err: error }, `failed: ${what}`),
    });
    closers.push(() => programs.close());

    // Scheduling: cohort runs and session re-checks are durable jobs on the store's database.
    const jobs = await createJobQueue(store, { log: log.child({ component: 'jobs' }) });
    closers.push(() => jobs.stop());
    const scheduling = await startScheduling({
      store,
      queue: jobs,
      log: log.child({ component: 'scheduling' }),
      graphClientFor,
      // A booked (or moved) series brings each person's introduction up to date (a job per save).
      onBooked: introductionUpdatesOnBooking(jobs),
    });
    engagement = await startEngagement({
      store,
      queue: jobs,
      sender: proactive.sender,
      installer: proactive.installer,
      tabUrl: `${config.server.publicUrl}/tab/`,
      log: log.child({ component: 'engagement' }),
    });
    await jobs.start();
    await engagement.catchUp();

    const httpApp = await createHttpApp({
      log,
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
      directoryFor,
      mountSelfAuthenticated: (app) => bot.mount(app),
      programs,
      scheduling,
      participation: createParticipationSource(store.db, graphClientFor),
      programHealth: createProgramHealthSource(store.db, { feedback: programFeedbackReader(store.db) }),
      feedback: feedbackRepository(store.db),
      actionDone: feedbackRepository(store.db),
      sessionAlternatives,
      pairBacklog: createPairBacklogSource(store.db),
      sessionMessages: engagement.sessionMessages,
    });

    handle = httpApp;
    log.info({ url }, 'Upward is listening');

    let closed: Promise<void> | undefined;
    return { url, config, devTenant, store, log, proactive, close: () => (closed ??= closeAll()) };
  } catch (error) {
    await closeAll();
    throw error;
  }
}

function withDevTenant(config: Config, devTenant: RunningDevTenant): Config {
  return {
    ...config,
    entra: {
      ...config.entra,
      loginBaseUrl: devTenant.url,
      graphBaseUrl: devTenant.url,
      clientSecret: config.entra.clientSecret ?? devTenant.clientSecret,
    },
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolvePromise();
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolvePromise) => {
    server.close(() => resolvePromise());
    server.closeAllConnections();
  });
}
