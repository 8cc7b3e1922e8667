import express, { type Express } from 'express';
import type { Logger } from 'pino';
import { batchRoute } from './batch/batch-route.ts';
import type { DevDirectory } from './directory/dev-directory.ts';
import { graphAuthentication } from './http/graph-authentication.ts';
import { graphErrorHandler, unknownGraphSegment } from './http/graph-errors.ts';
import type { GraphRouteDeps, GraphRouteModule } from './http/graph-route-module.ts';
import { meAlias } from './http/me-alias.ts';
import { clientPathQuirk } from './http/client-path-quirk.ts';
import { requestIds } from './http/request-ids.ts';
import { throttleHook, type ThrottlePolicy } from './http/throttle-hook.ts';
import type { IdentityDeps } from './identity/identity-deps.ts';
import { authorizeRoutes } from './identity/authorize-routes.ts';
import { openIdRoutes } from './identity/openid-routes.ts';
import { tokenRoutes } from './identity/token-routes.ts';
import type { DevTeams } from './connector/dev-teams.ts';
import type { ServiceRouteModule } from './route-modules.ts';
import { adminRoutes } from './throttling/admin-routes.ts';
import type { TrafficControl } from './throttling/traffic-control.ts';

export interface DevTenantAppDeps extends IdentityDeps {
  readonly directory: DevDirectory;
  readonly dataDir: string;
  readonly seed: number;
  readonly scenario: GraphRouteDeps['scenario'];
  readonly graphModules: readonly GraphRouteModule[];
  readonly serviceModules: readonly ServiceRouteModule[];
  /** An extra, custom throttling policy (runs after the built-in traffic control). */
  readonly throttle: ThrottlePolicy | undefined;
  /** Built-in throttling, fault injection and their counters. */
  readonly traffic: TrafficControl;
  /** The secret the `/_devtenant` control API requires (Upward's client secret). */
  readonly adminSecret: () => string;
  /** The tenant's Teams (app catalog, installations, bot conversations). */
  readonly teams: DevTeams;
  readonly log: Logger;
}

/**
 * The development tenant's HTTP surface: Entra's login endpoints at `/{tenant}/...`, Graph at
 * `/v1.0/...`, and any root-level service modules, all on one origin.
 */
export function createDevTenantApp(deps: DevTenantAppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(clientPathQuirk());
  app.use(requestIds());

  app.get('/', (_req, res) => {
    res.json({
      service: 'Upward development tenant (stands in for Entra ID and Microsoft Graph v1.0)',
      tenants: deps.directory.tenants.map((t) => ({ ...t, people: deps.directory.people(t.tenantId).length })),
    });
  });
  app.use(openIdRoutes(deps));
  app.use(tokenRoutes(deps));
  app.use(authorizeRoutes(deps));

  const routeDeps = { directory: deps.directory, baseUrl: deps.baseUrl, now: deps.now, log: deps.log, dataDir: deps.dataDir, seed: deps.seed, scenario: deps.scenario, teams: deps.teams };
  const graph = express.Router({ caseSensitive: false });
  graph.use(graphAuthentication({ verifier: deps.verifier, baseUrl: deps.baseUrl }));
  graph.use(deps.traffic.middleware());
  graph.use(throttleHook(deps.throttle));
  graph.use(express.json({ limit: '4mb', type: ['application/json', 'application/*+json'] }));
  graph.use(meAlias());
  graph.use(batchRoute({ baseUrl: deps.baseUrl, now: deps.now }));
  for (const module of deps.graphModules) module.mount(graph, routeDeps);
  const known = new Set(['$batch', ...deps.graphModules.flatMap((m) => m.segments ?? [])].map((s) => s.toLowerCase()));
  graph.use(unknownGraphSegment(known));
  graph.use(graphErrorHandler(deps));
  app.use('/v1.0', graph);

  // Before the built-in control API, whose catch-all would answer a module's `/_devtenant/<module>/...` with 404.
  for (const module of deps.serviceModules) {
    const router = express.Router();
    module.mount(router, {
      ...routeDeps,
      verifier: deps.verifier,
      authenticate: (audiences) => graphAuthentication({ verifier: deps.verifier, baseUrl: deps.baseUrl, audiences }),
      adminSecret: deps.adminSecret,
    });
    app.use(router);
  }
  app.use(adminRoutes({ traffic: deps.traffic, secret: deps.adminSecret }));

  app.use((req, res) => {
    res.status(404).json({ error: 'not_found', error_description: `No development-tenant endpoint at ${req.method} ${req.path}` });
  });
  app.use(((error, _req, res, _next) => {
    deps.log.error({ err: error }, 'development tenant: unexpected error');
    if (!res.headersSent) res.status(500).json({ error: 'server_error', error_description: 'The development tenant failed to handle the request.' });
  }) as express.ErrorRequestHandler);
  return app;
}
