import type { Router } from 'express';
import type { Logger } from 'pino';
import type { DevTeams } from '../connector/dev-teams.ts';
import type { DevDirectory } from '../directory/dev-directory.ts';
import type { ScenarioCalendarItem } from '../scenario/scenario-calendar.ts';

/** What a Graph route module receives when it is mounted. */
export interface GraphRouteDeps {
  /** The seeded organisations (people, managers, mailbox zones and working hours). */
  readonly directory: DevDirectory;
  /** The service's base URL, e.g. for `@odata.nextLink` and `@odata.context`. */
  readonly baseUrl: () => string;
  readonly now: () => Date;
  readonly log: Logger;
  /** Folder for the tenant's own state, if a module must keep some across restarts. */
  readonly dataDir: string;
  /** The organisation's seed: generated data (e.g. calendars) derives from it deterministically. */
  readonly seed: number;
  /** A loaded scenario's calendar items, to be created in their owners' calendars. */
  readonly scenario: { readonly tenantId: string; readonly calendarItems: readonly ScenarioCalendarItem[] } | undefined;
  /** The tenant's Teams: app catalog, installed apps, bot conversations (shared by the teamwork routes and the Bot Connector). */
  readonly teams: DevTeams;
}

/**
 * A group of Graph v1.0 routes. `mount` registers handlers on a router that is served under
 * `/v1.0`, after token verification (`callerOf(req)` gives the caller) and the throttling hook,
 * and before the unknown-route and error handlers (throw a GraphError; it becomes Graph's error
 * body). `/me/...` has already been rewritten to `/users/{caller}/...` for delegated callers, so
 * register `/users/:id/...` paths only.
 */
export interface GraphRouteModule {
  readonly name: string;
  /**
   * Path segment names the module serves (e.g. "calendar", "events"), so that an unknown one is
   * reported as Graph does: "Resource not found for the segment '...'".
   */
  readonly segments?: readonly string[];
  mount(router: Router, deps: GraphRouteDeps): void;
}
