import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino, type Logger } from 'pino';
import { z } from 'zod';
import { DevTeams } from './connector/dev-teams.ts';
import type { ConnectorFaultsInput, ConnectorLimitsInput } from './connector/connector-settings.ts';
import { createDevTenantApp } from './dev-tenant-app.ts';
import { createDevDirectory, type DevDirectory } from './directory/dev-directory.ts';
import type { GraphRouteModule } from './http/graph-route-module.ts';
import type { ThrottlePolicy } from './http/throttle-hook.ts';
import {
  UPWARD_GRAPH_APP_ROLES,
  UPWARD_GRAPH_DELEGATED_SCOPES,
  createAppRegistry,
  type AppRegistration,
} from './identity/app-registrations.ts';
import { loadOrCreateServiceState } from './identity/service-state.ts';
import { signingKeyFromJwk } from './identity/signing-key.ts';
import { createTokenIssuer } from './identity/token-issuer.ts';
import { createTokenVerifier } from './identity/token-verifier.ts';
import { OTHER_TENANT_ID, seedOrganisations } from './org/organisations.ts';
import { GRAPH_ROUTE_MODULES, SERVICE_ROUTE_MODULES, type ServiceRouteModule } from './route-modules.ts';
import { loadScenarioFile } from './scenario/load-scenario.ts';
import type { ScenarioOrganisation } from './scenario/scenario-organisation.ts';
import type { FaultSettingsInput } from './throttling/fault-settings.ts';
import type { ThrottleSettingsInput } from './throttling/throttle-settings.ts';
import { createTrafficControl, type TrafficControl } from './throttling/traffic-control.ts';

export type { DevDirectory } from './directory/dev-directory.ts';
export type { DevPerson, DevWorkingHours, DayOfWeek } from './org/dev-person.ts';
export type { ScenarioCalendarItem } from './scenario/scenario-calendar.ts';
export { scenarioEventBody } from './scenario/scenario-calendar.ts';
export { ScenarioError } from './scenario/scenario-error.ts';
export type { ScenarioOrganisation } from './scenario/scenario-organisation.ts';
export type { FaultSettings, FaultSettingsInput } from './throttling/fault-settings.ts';
export type { ThrottleSettings, ThrottleSettingsInput } from './throttling/throttle-settings.ts';
export type { TrafficControl } from './throttling/traffic-control.ts';
export type { TrafficStatsReport, MailboxStats } from './throttling/traffic-stats.ts';
export type { DevTeams, PersonReceived, DevInstallation, CatalogApp } from './connector/dev-teams.ts';
export type { ReceivedActivity } from './connector/conversations.ts';
export type { ConnectorStats } from './connector/connector-traffic.ts';
export type { ConnectorFaultsInput, ConnectorLimitsInput } from './connector/connector-settings.ts';

/** An extra app registered in the seeded tenants, e.g. a less-privileged client for tests. */
export interface ExtraAppRegistration {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly displayName?: string;
  /** Graph application permissions on its app-only tokens. */
  readonly graphAppRoles?: readonly string[];
  /** Graph delegated permissions on its on-behalf-of tokens. */
  readonly graphDelegatedScopes?: readonly string[];
}

export interface DevTenantOptions {
  host: string;
  /** 0 picks a free port (tests). */
  port: number;
  /** The generated organisation: same seed and size, same people. */
  seed: number;
  size: number;
  /** The main tenant's id (config ENTRA_TENANT_ID). */
  tenantId: string;
  /** Upward's app registration; redirectOrigins are the origins sign-in may redirect to. */
  app: { clientId: string; appIdUri: string; redirectOrigins: string[] };
  /** Folder for the tenant's own state (client secret, signing key), e.g. `${DATA_DIR}/devtenant`. */
  dataDir: string;
  log?: Logger;
  /** Clock for token lifetimes and error timestamps (tests move it forward). Defaults to the real clock. */
  now?: () => Date;
  extraApps?: readonly ExtraAppRegistration[];
  /** Graph modules to serve instead of the built-in list (GRAPH_ROUTE_MODULES). */
  graphModules?: readonly GraphRouteModule[];
  /** Root-level API modules to serve instead of the built-in list (SERVICE_ROUTE_MODULES). */
  serviceModules?: readonly ServiceRouteModule[];
  /**
   * Outlook throttling per app id + mailbox. Settings (default: the service's 4 concurrent and
   * 10,000 requests per 10 minutes; `{ enabled: false }` turns it off), or a custom policy
   * function, which then runs after the built-in limiter at its defaults.
   */
  throttle?: ThrottleSettingsInput | ThrottlePolicy;
  /** Injected faults (latency, seeded 429/503/504, timeouts, n-th request failures); none by default. */
  faults?: FaultSettingsInput;
  /**
   * A scenario file (YAML or JSON) whose people replace the generated main organisation; `size`
   * is then ignored. A bad file fails the start with a ScenarioError naming line and field.
   */
  scenarioFile?: string;
  /**
   * Upward's Teams app in every tenant's app catalog: its manifest id (TEAMS_APP_ID) and its bot's
   * Microsoft app id (default: Upward's client id). Without it nothing can be installed through Graph.
   */
  teamsApp?: { id: string; displayName?: string; botId?: string };
  /**
   * The bot's messaging endpoint (Upward's `/api/messages`): installing the app through Graph posts
   * `installationUpdate` there, as Teams does. Also settable later through `teams.setBotEndpoint`.
   */
  botEndpoint?: string;
  /** The Bot Connector's limits and injected faults (default: Teams' limits, no faults). */
  connector?: { limits?: ConnectorLimitsInput; faults?: ConnectorFaultsInput };
}

export interface RunningDevTenant {
  /** Base URL, e.g. http://127.0.0.1:3979: both LOGIN_BASE_URL and GRAPH_BASE_URL. */
  readonly url: string;
  readonly tenantId: string;
  /** A second, small organisation (for cross-tenant tests). */
  readonly otherTenantId: string;
  /** Upward's client secret, generated once into dataDir and reused. */
  readonly clientSecret: string;
  readonly directory: DevDirectory;
  /** Throttling, faults and their counters (also at `/_devtenant/*` over HTTP). */
  readonly traffic: TrafficControl;
  /** The loaded scenario (its calendar items are for the calendar module to create), if any. */
  readonly scenario: ScenarioOrganisation | undefined;
  /** Teams: installed apps, bot conversations, what people received, the Bot Connector's limits (also at `/_devtenant/connector/*`). */
  readonly teams: DevTeams;
  close(): Promise<void>;
}

const guid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'must be a GUID');
const optionsSchema = z.object({
  host: z.string().min(1),
  port: z.number().int().min(0).max(65535),
  seed: z.number().int(),
  size: z.number().int().min(1).max(50_000),
  tenantId: guid,
  app: z.object({ clientId: guid, appIdUri: z.string().min(1), redirectOrigins: z.array(z.string().url()) }),
  dataDir: z.string().min(1),
});

/** The host to put in URLs: a wildcard listen address is reached through loopback. */
function urlHost(host: string, address: AddressInfo): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return address.family === 'IPv6' && !host.startsWith('[') ? `[${host}]` : host;
}

/**
 * Starts the development tenant: Entra-style identity endpoints and the Graph v1.0 subset
 * Upward uses, over a seeded organisation (plus a small second one), on one local HTTP origin.
 * The organisation is regenerated from the seed at every start rather than stored; only the
 * client secret and the signing key persist (in dataDir), so secrets and tokens survive restarts.
 */
export async function startDevTenant(options: DevTenantOptions): Promise<RunningDevTenant> {
  optionsSchema.parse(options);
  const log = options.log ?? pino({ level: 'silent' });
  const now = options.now ?? (() => new Date());
  const state = await loadOrCreateServiceState(options.dataDir);
  const key = await signingKeyFromJwk(state.signingKey);
  const tenantId = options.tenantId.toLowerCase();
  const scenario = options.scenarioFile === undefined ? undefined : await loadScenarioFile(options.scenarioFile, { tenantId });
  const directory = createDevDirectory(seedOrganisations({ tenantId, seed: options.seed, size: options.size, main: scenario?.organisation }));
  const customThrottle = typeof options.throttle === 'function' ? options.throttle : undefined;
  const traffic = createTrafficControl({
    directory,
    now,
    ...(typeof options.throttle === 'object' ? { throttle: options.throttle } : {}),
    ...(options.faults ? { faults: options.faults } : {}),
  });

  const upward: AppRegistration = {
    clientId: options.app.clientId.toLowerCase(),
    displayName: 'Upward',
    clientSecret: state.clientSecret,
    graphAppRoles: UPWARD_GRAPH_APP_ROLES,
    graphDelegatedScopes: UPWARD_GRAPH_DELEGATED_SCOPES,
    appIdUri: options.app.appIdUri,
    redirectOrigins: options.app.redirectOrigins,
  };
  const extras: AppRegistration[] = (options.extraApps ?? []).map((a) => ({
    clientId: a.clientId.toLowerCase(),
    displayName: a.displayName ?? 'Development test app',
    clientSecret: a.clientSecret,
    graphAppRoles: a.graphAppRoles ?? [],
    graphDelegatedScopes: a.graphDelegatedScopes ?? [],
    appIdUri: undefined,
    redirectOrigins: [],
  }));

  let url = '';
  const baseUrl = (): string => url;
  const isKnownTenant = (id: string): boolean => directory.tenants.some((t) => t.tenantId === id);
  const teams = new DevTeams({
    directory,
    now,
    log,
    baseUrl,
    app: options.teamsApp && {
      externalId: options.teamsApp.id.toLowerCase(),
      displayName: options.teamsApp.displayName ?? 'Upward',
      botId: (options.teamsApp.botId ?? upward.clientId).toLowerCase(),
      ownerAppId: upward.clientId,
    },
    botEndpoint: options.botEndpoint,
    ...(options.connector?.limits ? { limits: options.connector.limits } : {}),
    ...(options.connector?.faults ? { faults: options.connector.faults } : {}),
  });
  const app = createDevTenantApp({
    directory,
    apps: createAppRegistry([upward, ...extras]),
    issuer: createTokenIssuer({ key, baseUrl, now }),
    verifier: createTokenVerifier({ key, baseUrl, now, isKnownTenant }),
    key,
    baseUrl,
    now,
    log,
    dataDir: options.dataDir,
    seed: options.seed,
    scenario: scenario && { tenantId, calendarItems: scenario.calendarItems },
    graphModules: options.graphModules ?? GRAPH_ROUTE_MODULES,
    serviceModules: options.serviceModules ?? SERVICE_ROUTE_MODULES,
    throttle: customThrottle,
    traffic,
    adminSecret: () => state.clientSecret,
    teams,
  });

  const server: Server = createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  url = `http://${urlHost(options.host, address)}:${address.port}`;
  log.info({ url, tenantId, people: directory.people(tenantId).length }, 'development tenant listening');

  let closing: Promise<void> | undefined;
  return {
    url,
    tenantId,
    otherTenantId: OTHER_TENANT_ID,
    clientSecret: state.clientSecret,
    directory,
    traffic,
    scenario,
    teams,
    // Idempotent; also drops idle keep-alive connections so that close does not hang on them.
    close: () =>
      (closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      })),
  };
}
