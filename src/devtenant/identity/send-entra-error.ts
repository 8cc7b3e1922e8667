import { randomUUID } from 'node:crypto';
import type { Response } from 'express';
import type { EntraError } from './entra-error.ts';
import type { IdentityDeps } from './identity-deps.ts';

/** Writes an Entra OAuth error response (JSON, never cached). */
export function sendEntraError(res: Response, deps: Pick<IdentityDeps, 'baseUrl' | 'now'>, error: EntraError): void {
  const correlationId = String(res.getHeader('client-request-id') ?? randomUUID());
  res
    .status(error.status)
    .set('Cache-Control', 'no-store, no-cache')
    .set('Pragma', 'no-cache')
    .json(error.body(deps.baseUrl(), deps.now(), randomUUID(), correlationId));
}
