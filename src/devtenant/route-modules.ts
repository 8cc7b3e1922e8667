import type { RequestHandler, Router } from 'express';
import type { GraphRouteDeps, GraphRouteModule } from './http/graph-route-module.ts';
import type { TokenVerifier } from './identity/token-verifier.ts';
import { connectorModule } from './connector/connector-module.ts';
import { calendarModule } from './graph/calendar-module.ts';
import { mailboxSettingsRoutes } from './graph/mailbox-settings-routes.ts';
import { teamworkModule } from './graph/teamwork-module.ts';
import { usersRoutes } from './graph/users-routes.ts';

/**
 * THE place where the development tenant's APIs are plugged in.
 *
 * Graph v1.0 modules are served under `/v1.0` behind token verification and throttling/faults
 * (per app + mailbox for Outlook segments, see ./throttling/), and every one of them is reachable
 * through `POST /v1.0/$batch` (./batch/) without any registration.
 * To add one (e.g. the calendars in ./calendar/), append it here:
 *   `{ name: 'calendar', segments: ['calendar', 'events', ...], mount: mountCalendarRoutes }`
 */
export const GRAPH_ROUTE_MODULES: readonly GraphRouteModule[] = [usersRoutes, mailboxSettingsRoutes, calendarModule, teamworkModule];

/** What a non-Graph API module (e.g. a Bot Connector at `/v3/...`) receives. */
export interface ServiceRouteDeps extends GraphRouteDeps {
  readonly verifier: TokenVerifier;
  /** The shared bearer-token middleware for other audiences (puts a GraphCaller on the request). */
  readonly authenticate: (audiences: readonly string[]) => RequestHandler;
  /** The secret the `/_devtenant/...` control endpoints require (guard them with throttling/admin-auth.ts). */
  readonly adminSecret: () => string;
}

/** An API outside Graph, mounted at the service root with its own paths and its own auth. */
export interface ServiceRouteModule {
  readonly name: string;
  mount(router: Router, deps: ServiceRouteDeps): void;
}

/** Root-level modules: the Bot Connector (`/v3/...`, ./connector/). */
export const SERVICE_ROUTE_MODULES: readonly ServiceRouteModule[] = [connectorModule];
