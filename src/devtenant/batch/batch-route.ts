import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import { GraphError } from '../graph-error.ts';
import { sendGraph, GRAPH_JSON_CONTENT_TYPE } from '../http/graph-response.ts';
import { isBatchPath } from './batch-path.ts';
import { parseBatchRequest } from './batch-request.ts';
import { BATCH_MARKER_HEADER, loopbackDispatch } from './loopback-dispatch.ts';
import { runBatch } from './run-batch.ts';

/** Longest a batch waits for its requests (an injected timeout can hang one for minutes). */
const BATCH_DEADLINE_MS = 15 * 60_000;

/**
 * `POST /v1.0/$batch` — Graph's JSON batching. Sits in the Graph router after authentication
 * (a bad token fails the whole batch with 401, as in Graph), body parsing and /me; the batch
 * itself is never throttled, each request in it is. Sub-requests go through the tenant's own
 * HTTP pipeline (see loopback-dispatch.ts), so every Graph route module is batchable.
 */
export function batchRoute(deps: { baseUrl: () => string; now: () => Date }): RequestHandler {
  // Per running tenant: marks this tenant's own sub-requests so that they cannot nest a batch.
  const marker = randomUUID();
  return async (req, res, next) => {
    if (!isBatchPath(req.path)) return next();
    if (req.method !== 'POST') throw new GraphError(405, 'Request_BadRequest', 'Specified HTTP method is not allowed for the request target.');
    if (req.get(BATCH_MARKER_HEADER) === marker) throw new GraphError(400, 'BadRequest', 'A batch request cannot contain another batch request.');
    const steps = parseBatchRequest(req.body);

    const gone = new AbortController();
    res.once('close', () => gone.abort());
    const dispatch = loopbackDispatch({
      baseUrl: deps.baseUrl(),
      authorization: req.get('authorization'),
      marker,
      signal: AbortSignal.any([gone.signal, AbortSignal.timeout(BATCH_DEADLINE_MS)]),
      now: deps.now,
    });
    const answers = await runBatch(steps, dispatch, () => {
      const requestId = randomUUID();
      const error = new GraphError(424, 'FailedDependency', 'Failed Dependency');
      return { status: 424, headers: { 'Content-Type': GRAPH_JSON_CONTENT_TYPE }, body: error.body(requestId, requestId, deps.now()) };
    });
    sendGraph(res, 200, { responses: answers });
  };
}
