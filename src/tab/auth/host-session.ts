import type { AuthSession } from './auth-session.ts';
import { SignInLoopError } from './auth-session.ts';
import type { HostTokenSource } from './host-token.ts';

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * The session inside Teams/Outlook: the host signs the person in, so there is no sign-out and no
 * redirect; a 401 asks the host once for a fresh token.
 */
export function createHostSession(source: HostTokenSource): AuthSession {
  let token: string | undefined;
  let renewed = false;

  const acquire = async (forceRefresh: boolean): Promise<string> => {
    token = await source.acquire(forceRefresh);
    return token;
  };

  return {
    host: 'teams',
    canSignOut: false,
    start: async () => {
      try {
        await acquire(false);
        return { kind: 'ready' };
      } catch (error) {
        return { kind: 'failed', message: `Teams could not sign you in to Upward (${describe(error)}).` };
      }
    },
    getToken: async () => token ?? acquire(false),
    renewAfterUnauthorized: async () => {
      token = undefined;
      if (renewed) throw new SignInLoopError();
      renewed = true;
      return acquire(true);
    },
    confirm: () => {
      renewed = false;
    },
    signIn: () => {
      token = undefined;
      renewed = false;
    },
    signOut: () => {
      token = undefined;
    },
  };
}
