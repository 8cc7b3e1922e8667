import { randomUUID } from 'node:crypto';
import type { RequestHandler, Response } from 'express';

/**
 * Gives every response Graph's correlation headers: a fresh `request-id`, and `client-request-id`
 * echoing the caller's (or the request id when the caller sent none).
 */
export function requestIds(): RequestHandler {
  return (req, res, next) => {
    const requestId = randomUUID();
    const clientRequestId = req.get('client-request-id');
    res.setHeader('request-id', requestId);
    res.setHeader('client-request-id', clientRequestId ?? requestId);
    next();
  };
}

/** The ids requestIds() put on a response. */
export function requestIdsOf(res: Response): { requestId: string; clientRequestId: string } {
  const requestId = String(res.getHeader('request-id') ?? randomUUID());
  return { requestId, clientRequestId: String(res.getHeader('client-request-id') ?? requestId) };
}
