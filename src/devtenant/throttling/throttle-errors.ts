import { GraphError } from '../graph-error.ts';

/** Retry-After as a header value: whole seconds stay integers, fractions keep up to 3 decimals. */
export function retryAfterHeader(seconds: number): string {
  return String(Math.round(seconds * 1000) / 1000);
}

/** The errors throttling and fault injection answer with, in Graph's and Exchange's wording. */
export const throttleErrors = {
  /** What Outlook sends when a mailbox has too many requests in flight for the app. */
  concurrency: (retryAfterSeconds: number) =>
    new GraphError(429, 'ApplicationThrottled', 'Application is over its MailboxConcurrency limit.', { 'Retry-After': retryAfterHeader(retryAfterSeconds) }),
  /** Graph's documented throttling answer (the rate limit, and injected 429s). */
  rate: (retryAfterSeconds: number) =>
    new GraphError(429, 'TooManyRequests', 'Please retry again later.', { 'Retry-After': retryAfterHeader(retryAfterSeconds) }),
  status: (status: 500 | 502 | 503 | 504, retryAfterSeconds: number | undefined) => {
    const headers: Record<string, string> = status === 503 && retryAfterSeconds !== undefined ? { 'Retry-After': retryAfterHeader(retryAfterSeconds) } : {};
    switch (status) {
      case 500:
        return new GraphError(500, 'InternalServerError', 'An internal server error occurred.', headers);
      case 502:
        return new GraphError(502, 'BadGateway', 'The service received an invalid response from an upstream server.', headers);
      case 503:
        return new GraphError(503, 'ServiceUnavailable', 'The service is temporarily unavailable. Please retry later.', headers);
      default:
        return new GraphError(504, 'GatewayTimeout', 'The request timed out before the service could answer.', headers);
    }
  },
} as const;
