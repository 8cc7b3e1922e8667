import type { Request, RequestHandler } from 'express';
import { callerOf, type GraphCaller } from './caller.ts';

/**
 * Decides whether a Graph request may proceed. A policy that wants to refuse throws a GraphError
 * 429 with a Retry-After header (Graph's TooManyRequests / ApplicationThrottled), e.g. per
 * app id + mailbox counters for the Outlook limits (10,000 requests per 10 minutes, 4 concurrent).
 * A policy that tracks concurrency can use `release`, called once the response has finished.
 */
export type ThrottlePolicy = (request: Request, caller: GraphCaller) => void | { release(): void } | Promise<void | { release(): void }>;

/**
 * A hook for a custom throttling policy in the Graph pipeline, after authentication and the
 * built-in traffic control (../throttling/traffic-control.ts: Outlook limits and injected faults)
 * and before any route. Without a policy it lets everything through.
 */
export function throttleHook(policy?: ThrottlePolicy): RequestHandler {
  if (!policy) return (_req, _res, next) => next();
  return async (req, res, next) => {
    const ticket = await policy(req, callerOf(req));
    if (ticket) res.once('close', () => ticket.release());
    next();
  };
}
