import { isUnauthorized } from '../api/api-error.ts';
import type { AuthSession } from './auth-session.ts';

/**
 * Runs an API call with the session's token and, on a 401, once more with a renewed one.
 * Resolves undefined when the page is leaving to sign in (nothing to render).
 */
export async function authorizedCall<T>(session: AuthSession, call: (token: string) => Promise<T>): Promise<T | undefined> {
  const token = await session.getToken();
  if (token === undefined) return undefined;
  try {
    const result = await call(token);
    session.confirm();
    return result;
  } catch (error) {
    if (!isUnauthorized(error)) throw error;
  }
  const fresh = await session.renewAfterUnauthorized();
  if (fresh === undefined) return undefined;
  const result = await call(fresh);
  session.confirm();
  return result;
}
