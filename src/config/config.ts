import { readEnvFiles } from './env-files.ts';
import { ConfigError } from './config-error.ts';

export { ConfigError };
import { environmentSchema } from './schema.ts';

/** The one typed configuration object every part of Upward receives. */
export interface Config {
  readonly server: { readonly host: string; readonly port: number; readonly publicUrl: string };
  readonly store: { readonly dataDir: string; readonly databaseUrl: string | undefined };
  readonly logLevel: string;
  readonly entra: {
    /** The tenant Upward is registered in; background work runs against it. */
    readonly tenantId: string;
    /** Tenants whose users may sign in (multi-tenant deployments list more than one). */
    readonly allowedTenantIds: readonly string[];
    readonly clientId: string;
    readonly clientSecret: string | undefined;
    /** Audiences accepted on API tokens: the client id and the application ID URI (Teams SSO). */
    readonly audiences: readonly string[];
    readonly loginBaseUrl: string;
    readonly graphBaseUrl: string;
  };
  readonly teams: { readonly appId: string };
  readonly bot: {
    /**
     * The bot's Microsoft app id: BOT_ID when an Azure Bot is registered, else Upward's own app
     * registration (ENTRA_CLIENT_ID) — the id that owns the bot's tokens, in the manifest and on the wire.
     */
    readonly appId: string;
    readonly id: string | undefined;
    readonly password: string | undefined;
    /** Only for the local Agents Playground, which sends no token; refused with a real tenant. */
    readonly allowUnauthenticated: boolean;
  };
  readonly devTenant:
    | { readonly enabled: false }
    | {
        readonly enabled: true;
        readonly port: number;
        readonly seed: number;
        readonly size: number;
        readonly scenarioFile: string | undefined;
      };
}

const isLoopback = (url: string): boolean => {
  const host = new URL(url).hostname;
  return host === 'localhost' || host === '[::1]' || /^127\./.test(host);
};

/** Parses a flat variable map into the typed configuration, or throws one ConfigError. */
export function parseConfig(vars: Readonly<Record<string, string | undefined>>): Config {
  const parsed = environmentSchema.safeParse(vars);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? 'configuration');
    const missing = vars[name] === undefined || vars[name] === '';
    throw new ConfigError(`${name}: ${missing ? 'is required' : issue.message}`);
  }
  const env = parsed.data;
  const publicUrl = env.PUBLIC_URL ?? `http://${env.HOST === '0.0.0.0' ? '127.0.0.1' : env.HOST}:${env.PORT}`;
  const allowed = (env.ENTRA_ALLOWED_TENANT_IDS ?? env.ENTRA_TENANT_ID)
    .split(',')
    .map((t) => t.trim().toLowerCase())
    .filter((t) => t !== '');
  if (!allowed.includes(env.ENTRA_TENANT_ID.toLowerCase())) allowed.unshift(env.ENTRA_TENANT_ID.toLowerCase());

  const realTenant = !env.DEVTENANT_ENABLED || !isLoopback(env.LOGIN_BASE_URL) || !isLoopback(env.GRAPH_BASE_URL);
  if (env.BOT_ALLOW_UNAUTHENTICATED && (realTenant || env.BOT_ID !== undefined || env.BOT_PASSWORD !== undefined)) {
    throw new ConfigError(
      'BOT_ALLOW_UNAUTHENTICATED: must be false when a real tenant or bot credentials are configured (it is only for the local Agents Playground)',
    );
  }
  if (env.BOT_ID !== undefined && env.BOT_PASSWORD === undefined) {
    throw new ConfigError('BOT_PASSWORD: is required when BOT_ID is set');
  }
  if (env.DEVTENANT_ENABLED && env.DEVTENANT_PORT === env.PORT && env.PORT !== 0) {
    throw new ConfigError('DEVTENANT_PORT: must differ from PORT');
  }

  const appIdUri = env.ENTRA_APP_ID_URI ?? `api://${new URL(publicUrl).host}/${env.ENTRA_CLIENT_ID}`;
  return {
    server: { host: env.HOST, port: env.PORT, publicUrl },
    store: { dataDir: env.DATA_DIR, databaseUrl: env.DATABASE_URL },
    logLevel: env.LOG_LEVEL,
    entra: {
      tenantId: env.ENTRA_TENANT_ID.toLowerCase(),
      allowedTenantIds: allowed,
      clientId: env.ENTRA_CLIENT_ID.toLowerCase(),
      clientSecret: env.ENTRA_CLIENT_SECRET,
      audiences: [env.ENTRA_CLIENT_ID.toLowerCase(), appIdUri],
      loginBaseUrl: env.LOGIN_BASE_URL,
      graphBaseUrl: env.GRAPH_BASE_URL,
    },
    teams: { appId: env.TEAMS_APP_ID },
    bot: { appId: (env.BOT_ID ?? env.ENTRA_CLIENT_ID).toLowerCase(), id: env.BOT_ID, password: env.BOT_PASSWORD, allowUnauthenticated: env.BOT_ALLOW_UNAUTHENTICATED },
    devTenant: env.DEVTENANT_ENABLED
      ? {
          enabled: true,
          port: env.DEVTENANT_PORT,
          seed: env.DEVTENANT_SEED,
          size: env.DEVTENANT_SIZE,
          scenarioFile: env.DEVTENANT_SCENARIO,
        }
      : { enabled: false },
  };
}

/**
 * Loads `env/.env.<UPWARD_ENV>` then `env/.env.<UPWARD_ENV>.user` (secrets, git-ignored), with the
 * process environment winning over both, and parses the result. The only place that reads
 * `process.env`.
 */
export function loadConfig(options: { envDir?: string; overrides?: Record<string, string> } = {}): Config {
  const envName = process.env['UPWARD_ENV'] ?? 'local';
  const fromFiles = readEnvFiles(options.envDir ?? 'env', envName);
  return parseConfig({ ...fromFiles, ...process.env, ...options.overrides });
}
