import { Client, HTTPMessageHandler, RetryHandler, RetryHandlerOptions } from '@microsoft/microsoft-graph-client';
import { BearerMiddleware } from './bearer-middleware.ts';
import { ConnectionRetryMiddleware } from './connection-retry.ts';

export interface GraphClientOptions {
  /** https://graph.microsoft.com, or the development tenant's URL. */
  readonly baseUrl: string;
  readonly token: () => Promise<string>;
  /** Retries of 429/503/504, honouring Retry-After (the library's RetryHandler). */
  readonly maxRetries?: number;
}

/**
 * A Microsoft Graph client (`@microsoft/microsoft-graph-client`) for v1.0: bearer token, then the
 * library's RetryHandler (answers: 429/503/504), then a repeat of safe requests whose connection
 * dropped, then its HTTP handler. Only the base URL differs between Microsoft's
 * service and the development tenant.
 */
export function createGraphClient(options: GraphClientOptions): Client {
  const bearer = new BearerMiddleware(options.token);
  const retry = new RetryHandler(new RetryHandlerOptions(3, options.maxRetries ?? 3));
  const dropped = new ConnectionRetryMiddleware();
  const http = new HTTPMessageHandler();
  bearer.setNext(retry);
  retry.setNext(dropped);
  dropped.setNext(http);
  return Client.initWithMiddleware({
    baseUrl: `${options.baseUrl}/`,
    defaultVersion: 'v1.0',
    middleware: bearer,
  });
}
