import { join } from 'node:path';
import type { Logger } from 'pino';
import type { Config } from '../config/config.ts';
import { startDevTenant, type RunningDevTenant } from '../devtenant/dev-tenant.ts';
import { reachableHost } from './http-listener.ts';
import type { ShutdownStack } from './shutdown-stack.ts';

export interface DevTenantWiring {
  /** The configuration pointed at the development tenant when it runs, else as given. */
  readonly config: Config;
  readonly devTenant: RunningDevTenant | undefined;
}

/**
 * Starts the development tenant beside Upward when the configuration asks for it (and only then),
 * registered with Upward's own app and bot so that installing Upward through its Graph posts
 * installationUpdate to Upward's bot at `url`.
 */
export async function startDevTenantWhenConfigured(config: Config, url: string, log: Logger, shutdown: ShutdownStack): Promise<DevTenantWiring> {
  if (!config.devTenant.enabled) return { config, devTenant: undefined };
  const devTenant = await startDevTenant({
    host: reachableHost(config.server.host),
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
    teamsApp: { id: config.teams.appId, botId: config.bot.appId },
    botEndpoint: `${url}/api/messages`,
    ...(config.devTenant.scenarioFile === undefined ? {} : { scenarioFile: config.devTenant.scenarioFile }),
    log: log.child({ component: 'devtenant' }),
  });
  shutdown.onClose(() => devTenant.close());
  // Port 0 means "any free port": point Upward at the port the tenant actually got, and take
  // the client secret it created for Upward's registration (no secret is ever committed).
  return { config: withDevTenant(config, devTenant), devTenant };
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
