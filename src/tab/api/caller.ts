import type { AuthSession } from '../auth/auth-session.ts';
import { authorizedCall } from '../auth/authorized-call.ts';
import type { ApiClient, HttpMethod } from './api-client.ts';

/** Calls one API route with the signed-in person's token (renewed once after a 401). */
export type Caller = <T>(method: HttpMethod, path: string, body?: unknown, signal?: AbortSignal) => Promise<T>;

/**
 * Binds the client to the session. When the session is leaving the page to sign in the promise
 * never settles: there is nothing to render and the page is about to go.
 */
export function createCaller(api: ApiClient, session: AuthSession): Caller {
  return async <T,>(method: HttpMethod, path: string, body?: unknown, signal?: AbortSignal): Promise<T> => {
    const result = await authorizedCall(session, (token) => api.call<T>(token, method, path, body, signal));
    if (result === undefined) return new Promise<T>(() => {});
    return result;
  };
}
