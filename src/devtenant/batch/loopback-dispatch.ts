import { randomUUID } from 'node:crypto';
import { GraphError } from '../graph-error.ts';
import { GRAPH_JSON_CONTENT_TYPE } from '../http/graph-response.ts';
import type { BatchStep } from './batch-request.ts';
import type { BatchAnswer, BatchDispatch } from './run-batch.ts';

/**
 * The header that marks a request as a batch's sub-request; its value is a secret of the running
 * tenant, so a client cannot forge it. The batch route refuses a marked request.
 */
export const BATCH_MARKER_HEADER = 'x-devtenant-batch-request';

/** Headers fetch manages itself or that would describe the outer connection, not the sub-request. */
const NOT_FORWARDED = new Set(['host', 'connection', 'keep-alive', 'content-length', 'transfer-encoding', 'upgrade', 'expect', 'te', 'trailer', 'authorization', BATCH_MARKER_HEADER]);
/** Response headers that describe the loopback connection. */
const NOT_RETURNED = new Set(['connection', 'keep-alive', 'content-length', 'transfer-encoding', 'date']);
/** Graph spells these in lower case; every other header name is returned Title-Cased. */
const LOWER_CASE = new Set(['request-id', 'client-request-id', 'x-ms-ags-diagnostic', 'x-ms-resource-unit']);
const SPECIAL_CASE: Readonly<Record<string, string>> = { 'odata-version': 'OData-Version', etag: 'ETag', 'www-authenticate': 'WWW-Authenticate' };

const titleCase = (name: string): string =>
  SPECIAL_CASE[name] ?? (LOWER_CASE.has(name) ? name : name.replace(/(^|-)([a-z])/g, (_m, dash: string, c: string) => `${dash}${c.toUpperCase()}`));

const isJson = (contentType: string | undefined): boolean => contentType !== undefined && /[/+]json\b/i.test(contentType);

export interface LoopbackOptions {
  /** The tenant's own base URL (`http://127.0.0.1:<port>`). */
  readonly baseUrl: string;
  /** The outer request's Authorization header: every sub-request runs as the batch's caller. */
  readonly authorization: string | undefined;
  readonly marker: string;
  /** Aborted when the outer request goes away. */
  readonly signal: AbortSignal;
  readonly now: () => Date;
}

/**
 * Dispatches each batch request as a real HTTP request to the tenant itself, so it passes the
 * same pipeline as any Graph call: token verification, throttling and faults (each request on its
 * own, with its own Retry-After), /me, permission checks, routes and error bodies — including
 * route modules added later. A connection that fails (e.g. an injected drop) answers 504.
 */
export function loopbackDispatch(options: LoopbackOptions): BatchDispatch {
  return async (step: BatchStep): Promise<Omit<BatchAnswer, 'id'>> => {
    const headers = new Headers();
    for (const [name, value] of Object.entries(step.headers)) if (!NOT_FORWARDED.has(name.toLowerCase())) headers.set(name, value);
    if (options.authorization !== undefined) headers.set('authorization', options.authorization);
    headers.set(BATCH_MARKER_HEADER, options.marker);
    try {
      const response = await fetch(`${options.baseUrl}/v1.0${step.path}`, {
        method: step.method,
        headers,
        ...(step.body === undefined ? {} : { body: encodeBody(step.body, headers.get('content-type') ?? undefined) }),
        redirect: 'manual',
        signal: options.signal,
      });
      return await toAnswer(response);
    } catch (error) {
      if (options.signal.aborted) throw error;
      const requestId = randomUUID();
      const failure = new GraphError(504, 'GatewayTimeout', 'The request timed out before the service could answer.');
      return { status: 504, headers: { 'Content-Type': GRAPH_JSON_CONTENT_TYPE }, body: failure.body(requestId, requestId, options.now()) };
    }
  };
}

/** JSON bodies are objects in the batch; other content types carry base64, as in Graph. */
function encodeBody(body: unknown, contentType: string | undefined): string | Uint8Array<ArrayBuffer> {
  if (isJson(contentType)) return JSON.stringify(body);
  if (typeof body === 'string') return Uint8Array.from(Buffer.from(body, 'base64'));
  return JSON.stringify(body);
}

async function toAnswer(response: Response): Promise<Omit<BatchAnswer, 'id'>> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (!NOT_RETURNED.has(name)) headers[titleCase(name)] = value;
  });
  const bytes = Buffer.from(await response.arrayBuffer());
  if (bytes.length === 0) return { status: response.status, headers };
  const contentType = response.headers.get('content-type') ?? undefined;
  if (isJson(contentType)) {
    try {
      return { status: response.status, headers, body: JSON.parse(bytes.toString('utf8')) as unknown };
    } catch {
      // A route that labels non-JSON as JSON: hand the text back rather than lose it.
      return { status: response.status, headers, body: bytes.toString('utf8') };
    }
  }
  const body = contentType !== undefined && /^text\//i.test(contentType) ? bytes.toString('utf8') : bytes.toString('base64');
  return { status: response.status, headers, body };
}
