import { GraphError } from '../graph-error.ts';

/**
 * Graph's error codes and messages for the calendar surface, in one place so the same failure
 * always reads the same way. Messages Graph is known to send are copied; where Graph's exact text is
 * not known the message says plainly what is wrong.
 */

/** The body could not be read as the type Graph expects (wrong JSON type, unknown property, bad enum). */
export function requestBodyRead(message: string): GraphError {
  return new GraphError(400, 'RequestBodyRead', message);
}

/** A well-formed request asks for something the calendar does not allow. */
export function invalidRequest(message: string): GraphError {
  return new GraphError(400, 'ErrorInvalidRequest', message);
}

/** A parameter of an action or a query string is missing or out of range. */
export function invalidParameter(message: string): GraphError {
  return new GraphError(400, 'ErrorInvalidParameter', message);
}

/** A zone name that is neither a Windows nor an IANA zone; Outlook's message and code. */
export function timeZoneNotSupported(name: string): GraphError {
  return new GraphError(
    400,
    'TimeZoneNotSupportedException',
    `A valid TimeZone value must be specified. The following TimeZone value is not supported: '${name}'.`,
  );
}

/** The token lacks the permission, or a delegated caller reaches into someone else's mailbox. */
export function accessDenied(): GraphError {
  return new GraphError(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
}

/** `/me` with an application token. */
export function meNeedsDelegated(): GraphError {
  return new GraphError(400, 'BadRequest', '/me request is only valid with delegated authentication flow.');
}

/** A mailbox in the path that is not a person of the tenant. */
export function invalidUser(idOrAddress: string): GraphError {
  return new GraphError(404, 'ErrorInvalidUser', `The requested user '${idOrAddress}' is invalid.`);
}

/** An event id that decodes but names nothing in this mailbox. */
export function itemNotFound(): GraphError {
  return new GraphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
}

/** An event id that is not one this service issued. */
export function idMalformed(): GraphError {
  return new GraphError(400, 'ErrorInvalidIdMalformed', 'Id is malformed.');
}

/** Generated items are recreated from the seed on every read, so they cannot be changed. */
export function readOnlyGenerated(): GraphError {
  return invalidRequest("This item belongs to the development tenant's generated calendar and cannot be changed; create events through the API to change them.");
}
