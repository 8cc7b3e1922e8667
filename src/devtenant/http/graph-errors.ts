import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { GraphError } from '../graph-error.ts';
import { requestIdsOf } from './request-ids.ts';
import { sendGraph } from './graph-response.ts';

const LOOKS_LIKE_ID = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|.*@.*|[A-Za-z0-9_=+\-]{40,}|\$.*|\(.*\)|'.*')$/i;

/**
 * The end of the Graph pipeline for paths no module handled: Graph answers 400 BadRequest
 * "Resource not found for the segment '<first unknown segment>'", or 405 when every segment is
 * known and only the method is wrong.
 */
export function unknownGraphSegment(knownSegments: ReadonlySet<string>): RequestHandler {
  return (req, _res, next) => {
    const segments = req.path.split('/').filter((s) => s !== '').map((s) => decodeURIComponent(s));
    const unknown = segments.find((s, i) => !(knownSegments.has(s.toLowerCase()) || (i > 0 && LOOKS_LIKE_ID.test(s))));
    if (unknown !== undefined || segments.length === 0) {
      next(new GraphError(400, 'BadRequest', `Resource not found for the segment '${unknown ?? ''}'.`));
      return;
    }
    next(new GraphError(405, 'Request_BadRequest', 'Specified HTTP method is not allowed for the request target.'));
  };
}

interface BodyParserError {
  type?: string;
  status?: number;
}

/** Turns any error into Graph's error body; unexpected ones are logged and become 500s. */
export function graphErrorHandler(deps: { now: () => Date; log: Logger }): ErrorRequestHandler {
  return (error: unknown, _req, res, _next) => {
    let graphError: GraphError;
    const parserError = error as BodyParserError;
    if (error instanceof GraphError) graphError = error;
    else if (parserError?.type === 'entity.parse.failed') {
      graphError = new GraphError(400, 'BadRequest', 'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.');
    } else if (parserError?.type === 'entity.too.large') {
      graphError = new GraphError(413, 'RequestEntityTooLarge', 'The request payload is too large.');
    } else {
      deps.log.error({ err: error }, 'development tenant: unexpected error in a Graph route');
      graphError = new GraphError(500, 'InternalServerError', 'An internal server error occurred.');
    }
    const { requestId, clientRequestId } = requestIdsOf(res);
    if (res.headersSent) return;
    sendGraph(res, graphError.status, graphError.body(requestId, clientRequestId, deps.now()), { ...graphError.headers });
  };
}
