import express from 'express';
import { BOT_FRAMEWORK_RESOURCE } from '../identity/app-registrations.ts';
import type { ServiceRouteModule } from '../route-modules.ts';
import { connectorAdminRoutes } from './connector-admin-routes.ts';
import { connectorErrors } from './connector-error.ts';
import { connectorErrorHandler } from './connector-json.ts';
import { connectorRoutes } from './connector-routes.ts';

/**
 * The Bot Connector (what `smba.trafficmanager.net` is for Teams bots) at `/v3/...`, with its
 * control API at `/_devtenant/connector/...`. Bots reach it through the `serviceUrl` of the
 * activities the tenant posts them (installationUpdate when the app is installed through Graph).
 */
export const connectorModule: ServiceRouteModule = {
  name: 'bot-connector',
  mount(router, deps) {
    const v3 = express.Router();
    v3.use(deps.authenticate([BOT_FRAMEWORK_RESOURCE]));
    v3.use(connectorRoutes(deps.teams));
    v3.use((req, _res, next) => next(connectorErrors.badArgument(`Unknown connector operation ${req.method} /v3${req.path}.`)));
    v3.use(connectorErrorHandler(deps.log));
    router.use('/v3', v3);
    router.use(connectorAdminRoutes(deps.teams, deps.directory, deps.adminSecret));
  },
};
