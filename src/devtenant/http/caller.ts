import type { Request } from 'express';
import { GraphError } from '../graph-error.ts';

/** Who is calling Graph, from the verified bearer token. */
export interface GraphCaller {
  readonly tenantId: string;
  /** The calling app's client id. */
  readonly appId: string;
  /** The signed-in user's object id (delegated tokens only). */
  readonly userId?: string;
  /** Application permissions (app-only tokens). */
  readonly roles: readonly string[];
  /** Delegated permissions (delegated tokens). */
  readonly scopes: readonly string[];
  readonly kind: 'app' | 'delegated';
}

type WithCaller = Request & { graphCaller?: GraphCaller };

/** Attaches the verified caller to the request (done by the authentication middleware). */
export function setCaller(req: Request, caller: GraphCaller): void {
  (req as WithCaller).graphCaller = caller;
}

/** The verified caller; route handlers behind the authentication middleware always have one. */
export function callerOf(req: Request): GraphCaller {
  const caller = (req as WithCaller).graphCaller;
  if (!caller) throw new GraphError(401, 'InvalidAuthenticationToken', 'Access token is empty.');
  return caller;
}
