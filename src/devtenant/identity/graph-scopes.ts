import { BOT_FRAMEWORK_RESOURCE, GRAPH_APP_ID, GRAPH_RESOURCE } from './app-registrations.ts';
import { entraErrors } from './entra-error.ts';

const GRAPH_PREFIXES = [`${GRAPH_RESOURCE}/`, `${GRAPH_APP_ID}/`];
const OIDC_SCOPES = new Set(['openid', 'profile', 'email', 'offline_access']);

/** Splits a space-separated OAuth scope parameter. */
export const splitScopes = (scope: string): string[] => scope.split(/\s+/).filter((s) => s !== '');

/** The permission part of a Graph scope ("https://graph.microsoft.com/User.Read" → "User.Read"), or undefined for another resource. */
function graphPermission(scope: string): string | undefined {
  const lower = scope.toLowerCase();
  const prefix = GRAPH_PREFIXES.find((p) => lower.startsWith(p));
  if (prefix) return scope.slice(prefix.length).replace(/^\/+/, '');
  // A bare permission name ("User.Read") means Graph, as in Entra.
  return scope.includes('/') || scope.includes(':') ? undefined : scope;
}

/** The resource a client-credentials token is for: Microsoft Graph or the Bot Framework (a bot's own token). */
export type ClientCredentialsResource = 'graph' | 'botframework';

/**
 * Checks a client-credentials scope: exactly `/.default` of Graph, or of the Bot Framework
 * (`https://api.botframework.com/.default`, what a bot asks for to call the Bot Connector).
 * Returns which one; one request cannot mix them, as in Entra (one resource per token).
 */
export function checkClientCredentialsScope(scope: string, tenantLabel: string): ClientCredentialsResource {
  const scopes = splitScopes(scope);
  const botFramework = `${BOT_FRAMEWORK_RESOURCE}/`;
  if (scopes.length > 0 && scopes.every((s) => s.toLowerCase().startsWith(botFramework))) {
    if (scopes.some((s) => s.slice(botFramework.length).toLowerCase() !== '.default')) throw entraErrors.scopeNeedsDefault(scope);
    return 'botframework';
  }
  for (const s of scopes) {
    const permission = graphPermission(s);
    if (permission === undefined) throw entraErrors.unknownResource(s.replace(/\/[^/]*$/, ''), tenantLabel);
    if (permission.toLowerCase() !== '.default') throw entraErrors.scopeNeedsDefault(scope);
  }
  return 'graph';
}

/** Checks an on-behalf-of scope: Graph permissions or `/.default`, plus optional OpenID scopes. */
export function checkOnBehalfOfScope(scope: string, tenantLabel: string): void {
  const scopes = splitScopes(scope).filter((s) => !OIDC_SCOPES.has(s.toLowerCase()));
  if (scopes.length === 0) throw entraErrors.invalidScope(scope);
  for (const s of scopes) {
    if (graphPermission(s) === undefined) throw entraErrors.unknownResource(s.replace(/\/[^/]*$/, ''), tenantLabel);
  }
}

export { OIDC_SCOPES };
