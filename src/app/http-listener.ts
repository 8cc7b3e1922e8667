import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig, type Config } from '../config/config.ts';
import type { ShutdownStack } from './shutdown-stack.ts';

/** The HTTP server, listening before Upward is ready to answer. */
export interface EarlyListener {
  /** The configuration with PORT set to the port actually listened on. */
  readonly config: Config;
  /** Where Upward listens, e.g. http://127.0.0.1:3978. */
  readonly url: string;
  /** From now on, requests go to `handler` instead of the 503 "starting" answer. */
  serve(handler: RequestListener): void;
}

/** The address to reach a host at from this machine: a wildcard bind is reached over loopback. */
export function reachableHost(host: string): string {
  return host === '0.0.0.0' ? '127.0.0.1' : host;
}

/**
 * Listens first (answering 503 until `serve`) so that with PORT=0 the real port is known before
 * anything derives URLs from it: the public URL, the SSO audience, the sign-in redirect origin.
 * The server is closed last, after everything started behind it.
 */
export async function listenBeforeReady(config: Config, overrides: Record<string, string>, shutdown: ShutdownStack): Promise<EarlyListener> {
  let handle: RequestListener = (_req, res) => {
    res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '1' }).end('{"error":{"code":"unavailable","message":"Upward is starting"}}');
  };
  const server = createServer((req, res) => handle(req, res));
  await listen(server, config.server.port, config.server.host);
  shutdown.onClose(() => closeServer(server));
  const port = (server.address() as AddressInfo).port;
  const listening = config.server.port === port ? config : loadConfig({ overrides: { ...overrides, PORT: String(port) } });
  return {
    config: listening,
    url: `http://${reachableHost(listening.server.host)}:${port}`,
    serve(handler) {
      handle = handler;
    },
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolvePromise();
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolvePromise) => {
    server.close(() => resolvePromise());
    server.closeAllConnections();
  });
}
