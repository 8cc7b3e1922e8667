/**
 * Graph's error body, `{"error":{"code","message","innerError":{date,request-id,client-request-id}}}`,
 * raised anywhere in the development tenant and written by its HTTP layer with the given status.
 */
export class GraphError extends Error {
  readonly status: number;
  readonly code: string;
  /** Extra response headers, e.g. Retry-After on a 429. */
  readonly headers: Readonly<Record<string, string>>;

  constructor(status: number, code: string, message: string, headers: Record<string, string> = {}) {
    super(message);
    this.name = 'GraphError';
    this.status = status;
    this.code = code;
    this.headers = headers;
  }

  /** The JSON body Graph sends for this error. */
  body(requestId: string, clientRequestId: string | undefined, now: Date): object {
    return {
      error: {
        code: this.code,
        message: this.message,
        innerError: {
          date: now.toISOString().replace(/\.\d{3}Z$/, ''),
          'request-id': requestId,
          'client-request-id': clientRequestId ?? requestId,
        },
      },
    };
  }
}
