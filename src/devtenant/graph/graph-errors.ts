import { GraphError } from '../graph-error.ts';

/** The Graph errors the directory endpoints raise, with Graph's codes and wording. */
export const graphErrors = {
  userNotFound: (id: string) =>
    new GraphError(404, 'Request_ResourceNotFound', `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`),
  directoryDenied: () => new GraphError(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.'),
  mailboxDenied: () => new GraphError(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.'),
  unknownProperty: (name: string) => new GraphError(400, 'BadRequest', `Could not find a property named '${name}' on type 'microsoft.graph.user'.`),
  unsupportedFilterProperty: (name: string) =>
    new GraphError(400, 'Request_UnsupportedQuery', `Unsupported or invalid query filter clause specified for property '${name}' of resource 'User'.`),
  unsupportedQuery: (detail = 'Unsupported Query.') => new GraphError(400, 'Request_UnsupportedQuery', detail),
  invalidFilter: (detail: string) => new GraphError(400, 'BadRequest', `Invalid filter clause: ${detail}`),
  badRequest: (message: string) => new GraphError(400, 'BadRequest', message),
  invalidPageSize: (value: string) =>
    new GraphError(400, 'Request_UnsupportedQuery', `Invalid page size specified: '${value}'. Must be between 1 and 999 inclusive.`),
  expiredPageToken: () =>
    new GraphError(400, 'Directory_ExpiredPageToken', 'The specified page token value has expired and can no longer be included in your request.'),
  countNeedsConsistency: () => new GraphError(400, 'Request_BadRequest', '$count is not currently supported.'),
} as const;
