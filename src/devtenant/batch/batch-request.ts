import { z } from 'zod';
import { GraphError } from '../graph-error.ts';
import { fieldErrors } from '../throttling/field-errors.ts';
import { isBatchPath } from './batch-path.ts';

/** Graph's limit on requests in one JSON batch. */
export const MAX_BATCH_REQUESTS = 20;

/** One validated request of a batch. */
export interface BatchStep {
  readonly id: string;
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path and query relative to /v1.0, always starting with "/" (dot segments resolved). */
  readonly path: string;
  /** Header names as given by the client. */
  readonly headers: Readonly<Record<string, string>>;
  /** The body, when the request has one. */
  readonly body?: unknown;
  readonly dependsOn: readonly string[];
}

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
const headerValue = z.union([z.string(), z.number(), z.boolean()]).transform(String);
const stepSchema = z.looseObject({
  id: z.union([z.string().min(1, 'must not be empty'), z.number().transform(String)], { error: 'is required (a string)' }),
  method: z
    .string({ error: 'is required' })
    .transform((m) => m.toUpperCase())
    .pipe(z.enum(METHODS, { error: `must be one of ${METHODS.join(', ')}` })),
  url: z.string({ error: 'is required' }).min(1, 'must not be empty'),
  headers: z.record(z.string(), headerValue).optional(),
  body: z.unknown().optional(),
  dependsOn: z.array(z.union([z.string(), z.number().transform(String)])).optional(),
});

const badRequest = (message: string): GraphError => new GraphError(400, 'BadRequest', message);
const ORIGIN = 'http://batch.invalid';

/** The sub-request's path relative to /v1.0, or a 400 for anything that is not a relative Graph URL. */
function relativePath(url: string, id: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) {
    throw badRequest(`Invalid request URL '${url}' in request '${id}': batch URLs are relative to the version, e.g. "/users/{id}".`);
  }
  const resolved = new URL(url.startsWith('/') ? url.slice(1) : url, `${ORIGIN}/v1.0/`);
  if (resolved.origin !== ORIGIN || !resolved.pathname.startsWith('/v1.0/')) throw badRequest(`Invalid request URL '${url}' in request '${id}'.`);
  const path = resolved.pathname.slice('/v1.0'.length);
  if (isBatchPath(path)) throw badRequest(`Request '${id}' is a batch request; a batch cannot contain another batch.`);
  return `${path}${resolved.search}`;
}

const hasHeader = (headers: Record<string, string>, name: string): boolean => Object.keys(headers).some((h) => h.toLowerCase() === name);

/**
 * Validates a `$batch` body the way Graph does and returns its requests. Anything wrong fails the
 * whole batch with 400 BadRequest: not a `{requests: [...]}` body, more than 20 requests, a
 * request without id, method or url, a duplicate id, a `dependsOn` naming no request of the batch
 * or forming a cycle, an absolute URL, or a body without a Content-Type header.
 */
export function parseBatchRequest(raw: unknown): BatchStep[] {
  if (raw === null || typeof raw !== 'object' || !Array.isArray((raw as { requests?: unknown }).requests)) {
    throw badRequest('Invalid batch payload format: the body must be a JSON object with a "requests" array.');
  }
  const requests = (raw as { requests: unknown[] }).requests;
  if (requests.length === 0) throw badRequest('The batch must contain at least one request.');
  if (requests.length > MAX_BATCH_REQUESTS) throw badRequest('Number of requests inside batch exceeds the limit.');

  const steps: BatchStep[] = requests.map((request, index) => {
    const parsed = stepSchema.safeParse(request);
    if (!parsed.success) {
      const first = fieldErrors(parsed.error)[0]!;
      throw badRequest(`Invalid batch request: requests[${index}]${first.field === '(root)' ? '' : `.${first.field}`} ${first.message}.`);
    }
    const { id, method, url, headers = {}, body, dependsOn = [] } = parsed.data;
    const hasBody = body !== undefined && body !== null;
    if (hasBody && !hasHeader(headers, 'content-type')) throw badRequest(`Write request id : ${id} does not contain Content-Type header or body.`);
    return { id, method, path: relativePath(url, id), headers, ...(hasBody ? { body } : {}), dependsOn };
  });

  const ids = new Set<string>();
  for (const step of steps) {
    if (ids.has(step.id)) throw badRequest(`Batch request ids must be unique: '${step.id}' appears more than once.`);
    ids.add(step.id);
  }
  for (const step of steps) {
    const unknown = step.dependsOn.find((d) => !ids.has(d));
    if (unknown !== undefined) throw badRequest(`Request '${step.id}' depends on '${unknown}', which is not a request of this batch.`);
  }
  const cycle = findCycle(steps);
  if (cycle) throw badRequest(`The dependsOn of requests ${cycle.map((id) => `'${id}'`).join(' → ')} form a cycle.`);
  return steps;
}

/** A dependency cycle (ids in order, first repeated at the end), if any. */
function findCycle(steps: readonly BatchStep[]): string[] | undefined {
  const byId = new Map(steps.map((s) => [s.id, s]));
  const state = new Map<string, 'visiting' | 'done'>();
  const trail: string[] = [];
  const visit = (id: string): string[] | undefined => {
    if (state.get(id) === 'done') return undefined;
    if (state.get(id) === 'visiting') return [...trail.slice(trail.indexOf(id)), id];
    state.set(id, 'visiting');
    trail.push(id);
    for (const dep of byId.get(id)!.dependsOn) {
      const found = visit(dep);
      if (found) return found;
    }
    trail.pop();
    state.set(id, 'done');
    return undefined;
  };
  for (const step of steps) {
    const found = visit(step.id);
    if (found) return found;
  }
  return undefined;
}
