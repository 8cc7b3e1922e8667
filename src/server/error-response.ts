import type { ErrorRequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import { AuthError } from '../auth/auth-error.ts';
import type { ApiErrorBody } from '../contracts/api-error.ts';
import { UpwardError, type ErrorCode, type FieldError } from '../core/errors.ts';

const STATUS: Record<ErrorCode, number> = {
  bad_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  illegal_transition: 409,
  upstream: 502,
  unavailable: 503,
};

/** The one JSON error shape of Upward's API: `{ error: { code, message, fields? } }`. */
export function sendError(res: Response, status: number, code: string, message: string, fields?: readonly FieldError[]): void {
  res.status(status).json({ error: { code, message, ...(fields && fields.length > 0 ? { fields } : {}) } } satisfies ApiErrorBody);
}

/**
 * Maps errors to HTTP at the edge. Bad input is always a 4xx naming what is wrong; only an
 * unexpected failure is a 500, and its details go to the log, not to the caller.
 */
export function errorResponder(log: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) return next(error);
    if (error instanceof AuthError) {
      res.setHeader('WWW-Authenticate', `Bearer error="invalid_token", error_description="${error.reason}"`);
      return sendError(res, error.status, error.reason, error.message);
    }
    if (error instanceof UpwardError) return sendError(res, STATUS[error.code], error.code, error.message, error.fields);
    const bodyError = error as { type?: string; status?: number; message?: string };
    if (bodyError.type === 'entity.parse.failed') return sendError(res, 400, 'bad_input', 'the request body is not valid JSON');
    if (bodyError.type === 'entity.too.large') return sendError(res, 413, 'bad_input', 'the request body is too large');
    if (typeof bodyError.status === 'number' && bodyError.status >= 400 && bodyError.status < 500) {
      return sendError(res, bodyError.status, 'bad_input', bodyError.message ?? 'bad request');
    }
    log.error({ err: error, method: req.method, path: req.path }, 'unexpected error');
    return sendError(res, 500, 'internal', 'something went wrong on our side; the error is logged');
  };
}
