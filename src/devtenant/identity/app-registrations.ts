import { createHash } from 'node:crypto';

/** Graph application permissions (app roles) granted to Upward with admin consent. */
export const UPWARD_GRAPH_APP_ROLES: readonly string[] = [
  'User.Read.All',
  'Calendars.ReadWrite',
  'MailboxSettings.Read',
  'TeamsAppInstallation.ReadWriteSelfForUser.All',
  // Finds Upward's catalog id (GET /appCatalogs/teamsApps?$filter=externalId eq '<manifest id>') for installedApps.
  'AppCatalog.Read.All',
];
/** Graph delegated permissions consented for Upward, granted on on-behalf-of tokens. */
export const UPWARD_GRAPH_DELEGATED_SCOPES: readonly string[] = ['User.Read', 'Calendars.ReadWrite', 'MailboxSettings.Read'];
/** Upward's own API scope that the tab and Teams SSO ask for. */
export const UPWARD_API_SCOPE = 'access_as_user';
/** Upward's app role for people who run programs. */
export const PROGRAM_ADMIN_ROLE = 'Upward.ProgramAdmin';
/** Microsoft Graph's resource identifiers (URI and well-known app id). */
export const GRAPH_RESOURCE = 'https://graph.microsoft.com';
export const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';
/**
 * The Bot Framework's resource: bots ask for `https://api.botframework.com/.default` to call the
 * Bot Connector (send, update, create conversations), and the connector accepts tokens with this
 * audience only.
 */
export const BOT_FRAMEWORK_RESOURCE = 'https://api.botframework.com';

/**
 * An application registered in the development tenants (multi-tenant: consented in every seeded
 * organisation, as Upward is once installed).
 */
export interface AppRegistration {
  readonly clientId: string;
  readonly displayName: string;
  readonly clientSecret: string;
  /** Graph application permissions on app-only tokens. */
  readonly graphAppRoles: readonly string[];
  /** Graph delegated permissions on on-behalf-of tokens. */
  readonly graphDelegatedScopes: readonly string[];
  /** Application ID URI of the app's own API (absent for apps that expose none). */
  readonly appIdUri: string | undefined;
  /** Origins that sign-in redirects may go to. */
  readonly redirectOrigins: readonly string[];
}

/** A registry of apps by client id. */
export interface AppRegistry {
  find(clientId: string): AppRegistration | undefined;
}

export function createAppRegistry(apps: readonly AppRegistration[]): AppRegistry {
  const byId = new Map(apps.map((a) => [a.clientId.toLowerCase(), a]));
  return { find: (clientId) => byId.get(clientId.toLowerCase()) };
}

/**
 * The object id of an app's service principal in a tenant: stable across restarts (derived, not
 * stored) and different per tenant, as in Entra.
 */
export function servicePrincipalId(tenantId: string, clientId: string): string {
  const h = createHash('sha256').update(`sp:${tenantId.toLowerCase()}:${clientId.toLowerCase()}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
