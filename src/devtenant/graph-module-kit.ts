/**
 * What a Graph route module (e.g. ./calendar/) needs from the development tenant's HTTP layer,
 * in one import: the caller of a request, Graph's response writer and the module contract.
 */
export { callerOf, type GraphCaller } from './http/caller.ts';
export { GRAPH_JSON_CONTENT_TYPE, sendGraph } from './http/graph-response.ts';
export type { GraphRouteDeps, GraphRouteModule } from './http/graph-route-module.ts';
export type { ThrottlePolicy } from './http/throttle-hook.ts';
export { userOr404 } from './graph/users-routes.ts';
export { ianaZoneName, windowsZoneName } from './time-zone-names.ts';
export { GraphError } from './graph-error.ts';
