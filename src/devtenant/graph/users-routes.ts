import type { Request, Response, Router } from 'express';
import type { DevPerson } from '../org/dev-person.ts';
import { callerOf } from '../http/caller.ts';
import type { GraphRouteDeps, GraphRouteModule } from '../http/graph-route-module.ts';
import { sendGraph } from '../http/graph-response.ts';
import { graphErrors } from './graph-errors.ts';
import { parseODataQuery, type ODataQuery } from './odata-query.ts';
import { pageOf } from './paging.ts';
import { requireRelationshipRead, requireUserRead } from './permissions.ts';
import { compileUserFilter } from './user-filter.ts';
import { projectUser, usersContext } from './user-projection.ts';

/** The person a `{id|userPrincipalName}` segment names in the caller's tenant, or Graph's 404. */
export function userOr404(deps: GraphRouteDeps, tenantId: string, idOrUpn: string): DevPerson {
  const person = deps.directory.find(tenantId, idOrUpn);
  if (!person) throw graphErrors.userNotFound(idOrUpn);
  return person;
}

function sortAndFilter(people: readonly DevPerson[], query: ODataQuery): readonly DevPerson[] {
  if (query.filter !== undefined && query.orderBy !== undefined && !query.eventual) {
    throw graphErrors.unsupportedQuery('Sorting not supported for current query.');
  }
  let result = query.filter === undefined ? people : people.filter(compileUserFilter(query.filter));
  if (query.orderBy) {
    const { property, descending } = query.orderBy;
    const key = (p: DevPerson): string => (property === 'displayName' ? p.displayName : p.userPrincipalName).toLowerCase();
    result = [...result].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0) * (descending ? -1 : 1));
  }
  return result;
}

/** Writes a paged collection of users in Graph's shape. */
function sendUserCollection(
  req: Request,
  res: Response,
  deps: GraphRouteDeps,
  people: readonly DevPerson[],
  query: ODataQuery,
  entitySet: 'users' | 'directoryObjects',
): void {
  const caller = callerOf(req);
  if (query.count && !query.eventual) throw graphErrors.countNeedsConsistency();
  const base = deps.baseUrl();
  const { page, nextLink } = pageOf(people, req, base, query.top, query.skipToken);
  sendGraph(res, 200, {
    '@odata.context': usersContext(base, entitySet, query.select, false),
    ...(query.count ? { '@odata.count': people.length } : {}),
    ...(nextLink ? { '@odata.nextLink': nextLink } : {}),
    value: page.map((p) => projectUser(p, query, deps.directory, caller, entitySet === 'directoryObjects')),
  });
}

function mount(router: Router, deps: GraphRouteDeps): void {
  router.get('/users', (req, res) => {
    const caller = callerOf(req);
    requireUserRead(caller, undefined);
    const query = parseODataQuery(req, ['select', 'filter', 'top', 'skiptoken', 'count', 'orderby', 'expand']);
    sendUserCollection(req, res, deps, sortAndFilter(deps.directory.people(caller.tenantId), query), query, 'users');
  });

  router.get('/users/$count', (req, res) => {
    const caller = callerOf(req);
    requireUserRead(caller, undefined);
    const query = parseODataQuery(req, ['filter']);
    if (!query.eventual) throw graphErrors.countNeedsConsistency();
    const count = sortAndFilter(deps.directory.people(caller.tenantId), query).length;
    res.status(200).setHeader('Content-Type', 'text/plain;charset=utf-8');
    res.end(String(count));
  });

  router.get('/users/:id', (req, res) => {
    const caller = callerOf(req);
    const id = String(req.params['id']);
    requireUserRead(caller, deps.directory.find(caller.tenantId, id)?.id);
    const query = parseODataQuery(req, ['select', 'expand']);
    const person = userOr404(deps, caller.tenantId, id);
    sendGraph(res, 200, {
      '@odata.context': usersContext(deps.baseUrl(), 'users', query.select, true),
      ...projectUser(person, query, deps.directory, caller),
    });
  });

  router.get('/users/:id/manager', (req, res) => {
    const caller = callerOf(req);
    const id = String(req.params['id']);
    requireRelationshipRead(caller, deps.directory.find(caller.tenantId, id)?.id ?? '');
    const query = parseODataQuery(req, ['select']);
    const person = userOr404(deps, caller.tenantId, id);
    const manager = deps.directory.manager(caller.tenantId, person.id);
    if (!manager) throw graphErrors.userNotFound('manager');
    sendGraph(res, 200, {
      '@odata.context': usersContext(deps.baseUrl(), 'directoryObjects', query.select, true),
      ...projectUser(manager, query, deps.directory, caller, true),
    });
  });

  router.get('/users/:id/directReports', (req, res) => {
    const caller = callerOf(req);
    const id = String(req.params['id']);
    requireRelationshipRead(caller, deps.directory.find(caller.tenantId, id)?.id ?? '');
    const query = parseODataQuery(req, ['select', 'top', 'skiptoken', 'count']);
    const person = userOr404(deps, caller.tenantId, id);
    sendUserCollection(req, res, deps, deps.directory.directReports(caller.tenantId, person.id), query, 'directoryObjects');
  });
}

/** Directory reads: users, a user, manager, direct reports (and /me through the alias). */
export const usersRoutes: GraphRouteModule = {
  name: 'users',
  segments: ['users', 'me', 'manager', 'directReports', '$count'],
  mount,
};
