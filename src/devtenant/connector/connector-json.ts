import type { ErrorRequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import { GraphError } from '../graph-error.ts';
import { ConnectorError } from './connector-error.ts';

/** Writes a connector answer (Teams' connector answers application/json; charset=utf-8). */
export function sendConnector(res: Response, status: number, body: unknown, headers: Readonly<Record<string, string>> = {}): void {
  res.status(status);
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(body));
}

/**
 * The connector's error answers: its ErrorResponse bodies, and for a bad or missing token the
 * Bot Connector's own 401 (`{"message":"Authorization has been denied for this request."}`).
 */
export function connectorErrorHandler(log: Logger): ErrorRequestHandler {
  return (error: unknown, _req, res, _next) => {
    if (res.headersSent) return;
    if ((error instanceof GraphError && error.status === 401) || (error instanceof ConnectorError && error.status === 401)) {
      sendConnector(res, 401, { message: 'Authorization has been denied for this request.' }, { 'WWW-Authenticate': 'Bearer realm="api.botframework.com"' });
      return;
    }
    if (error instanceof ConnectorError) {
      sendConnector(res, error.status, error.body(), error.headers);
      return;
    }
    const parser = error as { type?: string };
    if (parser?.type === 'entity.parse.failed') {
      sendConnector(res, 400, { error: { code: 'BadSyntax', message: 'The request body is not valid JSON.' } });
      return;
    }
    if (parser?.type === 'entity.too.large') {
      sendConnector(res, 413, { error: { code: 'MessageSizeTooBig', message: 'Message size too big.' } });
      return;
    }
    log.error({ err: error }, 'development tenant: unexpected error in the Bot Connector');
    sendConnector(res, 500, { error: { code: 'ServiceError', message: 'The connector failed to handle the request.' } });
  };
}
