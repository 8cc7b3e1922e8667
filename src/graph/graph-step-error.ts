import { UpwardError, type ErrorCode } from '../core/errors.ts';
import type { BatchAnswer } from './batch.ts';

/**
 * A Graph request that answered with an error, keeping Graph's own status and error code
 * (`ErrorInvalidUser`, `TimeZoneNotSupportedException`, …) so callers and people see what Graph
 * said rather than a generic failure.
 */
export class GraphRequestError extends UpwardError {
  readonly status: number;
  /** Graph's `error.code`, or `HTTP <status>` when the body had none. */
  readonly graphCode: string;

  constructor(code: ErrorCode, message: string, status: number, graphCode: string) {
    super(code, message);
    this.name = 'GraphRequestError';
    this.status = status;
    this.graphCode = graphCode;
  }
}

/** One request's result inside a batch: the value, or the error Graph gave. */
export type StepOutcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: GraphRequestError };

/** True for statuses the batch runner retries until its budget runs out. */
export const isTransientStatus = (status: number): boolean => status === 429 || status === 503 || status === 504;

/** Turns a failed batch answer into an error naming what we were doing and Graph's code. */
export function stepError(answer: BatchAnswer, doing: string): GraphRequestError {
  const error = (answer.body as { error?: { code?: string; message?: string } } | undefined)?.error;
  const graphCode = error?.code ?? `HTTP ${answer.status}`;
  const code: ErrorCode =
    answer.status === 429 || answer.status >= 500 ? 'unavailable' : answer.status === 404 ? 'not_found' : 'upstream';
  const message = `Microsoft Graph refused ${doing} (${answer.status} ${graphCode}): ${error?.message ?? 'no message'}`;
  return new GraphRequestError(code, message, answer.status, graphCode);
}
