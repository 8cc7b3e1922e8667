import type { Response } from 'express';

/** The content type Graph answers JSON with. */
export const GRAPH_JSON_CONTENT_TYPE = 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

/**
 * Sends a Graph JSON body with Graph's exact content type (res.json would rewrite it).
 * Extra headers (e.g. Location, Retry-After) may be given.
 */
export function sendGraph(res: Response, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.status(status);
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  if (status === 204 || body === undefined) {
    res.end();
    return;
  }
  res.setHeader('Content-Type', GRAPH_JSON_CONTENT_TYPE);
  res.end(JSON.stringify(body));
}
