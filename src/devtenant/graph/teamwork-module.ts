import type { Request, Router } from 'express';
import type { CatalogApp, DevInstallation } from '../connector/dev-teams.ts';
import { GraphError } from '../graph-error.ts';
import { callerOf, type GraphCaller } from '../http/caller.ts';
import type { GraphRouteDeps, GraphRouteModule } from '../http/graph-route-module.ts';
import { sendGraph } from '../http/graph-response.ts';
import { graphErrors } from './graph-errors.ts';
import { matchesFilter, parseEqualityFilter } from './teamwork-filter.ts';
import { userOr404 } from './users-routes.ts';

const has = (granted: readonly string[], any: readonly string[]): boolean => {
  const lower = new Set(granted.map((g) => g.toLowerCase()));
  return any.some((p) => lower.has(p.toLowerCase()));
};
const WRITE_ANY = ['TeamsAppInstallation.ReadWriteForUser.All', 'TeamsAppInstallation.ReadWriteForUser'];
const WRITE_SELF = ['TeamsAppInstallation.ReadWriteSelfForUser.All', 'TeamsAppInstallation.ReadWriteSelfForUser', ...WRITE_ANY];
const READ_ANY = ['TeamsAppInstallation.ReadForUser.All', 'TeamsAppInstallation.ReadForUser', ...WRITE_ANY];
const READ_SELF = ['TeamsAppInstallation.ReadSelfForUser.All', 'TeamsAppInstallation.ReadSelfForUser', ...WRITE_SELF, ...READ_ANY];
const CATALOG = ['AppCatalog.Read.All', 'AppCatalog.ReadWrite.All', 'AppCatalog.Submit', 'Directory.Read.All', 'Directory.ReadWrite.All'];
const denied = () => new GraphError(403, 'Forbidden', 'Missing role permissions on the request. API requires one of the teams app installation permissions.');

/**
 * Which apps the caller may see or change for a person: every app with a ...ForUser permission,
 * only its own app with a ...SelfForUser one (the app whose bot or owner is the caller). A
 * delegated caller acts for themself only.
 */
function scopeOf(caller: GraphCaller, personId: string, write: boolean): (app: CatalogApp) => boolean {
  const granted = caller.kind === 'app' ? caller.roles : caller.scopes;
  if (caller.kind === 'delegated' && caller.userId?.toLowerCase() !== personId.toLowerCase()) throw denied();
  if (has(granted, write ? WRITE_ANY : READ_ANY)) return () => true;
  if (!has(granted, write ? WRITE_SELF : READ_SELF)) throw denied();
  const self = caller.appId.toLowerCase();
  return (app) => app.ownerAppId.toLowerCase() === self || app.botId.toLowerCase() === self;
}

/** `$expand=teamsApp` / `teamsAppDefinition` (comma-separated). */
function expansions(req: Request): Set<string> {
  const raw = Object.entries(req.query).find(([k]) => k.toLowerCase() === '$expand')?.[1];
  const names = typeof raw === 'string' ? raw.split(',').map((s) => s.trim()).filter((s) => s !== '') : [];
  const known = new Map([['teamsapp', 'teamsApp'], ['teamsappdefinition', 'teamsAppDefinition']]);
  const out = new Set<string>();
  for (const name of names) {
    const found = known.get(name.toLowerCase());
    if (!found) throw graphErrors.badRequest(`Could not find a property named '${name}' on type 'microsoft.graph.userScopeTeamsAppInstallation'.`);
    out.add(found);
  }
  return out;
}

const filterText = (req: Request): string | undefined => {
  const raw = Object.entries(req.query).find(([k]) => k.toLowerCase() === '$filter')?.[1];
  return typeof raw === 'string' ? raw : undefined;
};

const teamsAppView = (app: CatalogApp) => ({ id: app.id, externalId: app.externalId, displayName: app.displayName, distributionMethod: app.distributionMethod });

function installationView(installation: DevInstallation, expand: ReadonlySet<string>): Record<string, unknown> {
  return {
    id: installation.id,
    consentedPermissionSet: null,
    ...(expand.has('teamsApp') ? { teamsApp: teamsAppView(installation.app) } : {}),
    ...(expand.has('teamsAppDefinition')
      ? {
          teamsAppDefinition: {
            id: Buffer.from(`${installation.app.id}##1.0.0##Published`).toString('base64'),
            teamsAppId: installation.app.id,
            displayName: installation.app.displayName,
            version: '1.0.0',
            publishingState: 'published',
            shortDescription: null,
            description: null,
            lastModifiedDateTime: null,
            authorization: null,
            createdBy: null,
          },
        }
      : {}),
  };
}

/** The catalog id in `teamsApp@odata.bind` (`…/appCatalogs/teamsApps/{id}`). */
function boundAppId(body: unknown): string {
  const bind = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)['teamsApp@odata.bind'] : undefined;
  const match = typeof bind === 'string' ? /\/appCatalogs\/teamsApps\/([^/?#]+)\/?$/i.exec(bind) : null;
  if (!match) throw graphErrors.badRequest("The 'teamsApp@odata.bind' property is required and must name '…/appCatalogs/teamsApps/{id}'.");
  return decodeURIComponent(match[1]!);
}

/**
 * Teams apps in people's personal scope (Graph `userTeamwork`): the org app catalog, install,
 * list, read, remove, and the installation's 1:1 chat. Installing Upward's app opens the chat of
 * its bot with the person and posts `installationUpdate` to the bot (see ../connector/), as Teams does.
 */
export const teamworkModule: GraphRouteModule = {
  name: 'teamwork',
  segments: ['appCatalogs', 'teamsApps', 'teamwork', 'installedApps', 'chat'],
  mount(router: Router, deps: GraphRouteDeps) {
    const teams = deps.teams;
    const base = (): string => `${deps.baseUrl()}/v1.0/$metadata`;

    router.get('/appCatalogs/teamsApps', (req, res) => {
      const caller = callerOf(req);
      if (!has(caller.kind === 'app' ? caller.roles : caller.scopes, CATALOG)) throw graphErrors.directoryDenied();
      const filter = parseEqualityFilter(filterText(req), ['id', 'externalId', 'displayName', 'distributionMethod']);
      const apps = teams.catalog(caller.tenantId).filter((app) => matchesFilter(filter, (p) => String((app as unknown as Record<string, unknown>)[p] ?? '')));
      sendGraph(res, 200, { '@odata.context': `${base()}#appCatalogs/teamsApps`, value: apps.map(teamsAppView) });
    });

    const installed = (req: Request, write: boolean) => {
      const caller = callerOf(req);
      const person = userOr404(deps, caller.tenantId, String(req.params['id']));
      const visible = scopeOf(caller, person.id, write);
      return { caller, person, visible, installations: teams.installedApps(person.tenantId, person.id).filter((i) => visible(i.app)) };
    };
    const oneInstallation = (req: Request, write: boolean) => {
      const found = installed(req, write);
      const installation = found.installations.find((i) => i.id === String(req.params['installationId']));
      if (!installation) throw new GraphError(404, 'NotFound', `The installation '${String(req.params['installationId'])}' was not found for this user.`);
      return { ...found, installation };
    };

    router.get('/users/:id/teamwork/installedApps', (req, res) => {
      const { person, installations } = installed(req, false);
      const expand = expansions(req);
      const filter = parseEqualityFilter(filterText(req), ['teamsApp/id', 'teamsApp/externalId', 'teamsApp/displayName']);
      const matching = installations.filter((i) => matchesFilter(filter, (p) => String((i.app as unknown as Record<string, unknown>)[p.slice('teamsApp/'.length)] ?? '')));
      sendGraph(res, 200, {
        '@odata.context': `${base()}#users('${person.id}')/teamwork/installedApps${expand.size > 0 ? `(${[...expand].join(',')}())` : ''}`,
        value: matching.map((i) => installationView(i, expand)),
      });
    });

    router.post('/users/:id/teamwork/installedApps', (req, res) => {
      const caller = callerOf(req);
      const person = userOr404(deps, caller.tenantId, String(req.params['id']));
      const allowed = scopeOf(caller, person.id, true);
      const appId = boundAppId(req.body);
      const app = teams.catalog(caller.tenantId).find((a) => a.id.toLowerCase() === appId.toLowerCase());
      if (!app) throw new GraphError(404, 'NotFound', `The teamsApp '${appId}' was not found in the app catalog.`);
      if (!allowed(app)) throw denied();
      const result = teams.install(person, app);
      if ('conflict' in result) throw new GraphError(409, 'Conflict', 'App is already installed for this user.');
      sendGraph(res, 201, undefined);
    });

    router.get('/users/:id/teamwork/installedApps/:installationId', (req, res) => {
      const { person, installation } = oneInstallation(req, false);
      const expand = expansions(req);
      sendGraph(res, 200, { '@odata.context': `${base()}#users('${person.id}')/teamwork/installedApps/$entity`, ...installationView(installation, expand) });
    });

    router.get('/users/:id/teamwork/installedApps/:installationId/chat', (req, res) => {
      const { person, installation } = oneInstallation(req, false);
      const chat = teams.chatOf(installation);
      sendGraph(res, 200, {
        '@odata.context': `${base()}#chats/$entity`,
        id: chat.chatId,
        topic: null,
        createdDateTime: chat.createdAt,
        lastUpdatedDateTime: chat.createdAt,
        chatType: 'oneOnOne',
        webUrl: `https://teams.microsoft.com/l/chat/${encodeURIComponent(chat.chatId)}/0?tenantId=${person.tenantId}`,
        tenantId: person.tenantId,
        isHiddenForAllMembers: false,
        onlineMeetingInfo: null,
        viewpoint: null,
      });
    });

    router.delete('/users/:id/teamwork/installedApps/:installationId', (req, res) => {
      const { person, installation } = oneInstallation(req, true);
      teams.uninstall(person, installation.id);
      sendGraph(res, 204, undefined);
    });
  },
};
