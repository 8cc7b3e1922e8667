import { useEffect, useState } from 'react';
import type { ApiClient } from '../api/api-client.ts';
import type { AuthSession } from '../auth/auth-session.ts';
import { authorizedCall } from '../auth/authorized-call.ts';
import type { MeState } from './me-state.ts';

/** Loads `/api/me` for the session; changing `attempt` loads it again. */
export function useMe(api: ApiClient, session: AuthSession, attempt: number): MeState {
  const [state, setState] = useState<MeState>({ status: 'loading' });
  useEffect(() => {
    const abort = new AbortController();
    setState({ status: 'loading' });
    authorizedCall(session, (token) => api.me(token, abort.signal)).then(
      (me) => {
        // undefined: the page is on its way to sign-in, so keep showing the skeleton.
        if (me !== undefined && !abort.signal.aborted) setState({ status: 'loaded', profile: me.profile });
      },
      (error: unknown) => {
        if (!abort.signal.aborted) setState({ status: 'failed', error });
      },
    );
    return () => abort.abort();
  }, [api, session, attempt]);
  return state;
}
