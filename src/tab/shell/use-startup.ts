import { useEffect, useState } from 'react';
import { createApiClient } from '../api/api-client.ts';
import type { HostInfo } from '../host/detect-host.ts';
import { describeLoadError } from '../views/load-error-text.ts';
import { createSession } from './create-session.ts';
import type { Startup } from './startup.ts';

/**
 * Reads the tab's settings, builds the session for the host and starts it. Changing `attempt`
 * starts over (after "Try again", "Sign out").
 */
export function useStartup(host: HostInfo | undefined, attempt: number): Startup {
  const [startup, setStartup] = useState<Startup>({ phase: 'starting' });
  useEffect(() => {
    if (host === undefined) return undefined;
    let live = true;
    const api = createApiClient(window.location.origin);
    const run = async (): Promise<Startup> => {
      let config;
      try {
        config = await api.tabConfig();
      } catch (error) {
        const text = describeLoadError(error, "Upward's settings");
        return { phase: 'failed', message: `${text.title}. ${text.body}`, session: undefined };
      }
      const session = await createSession(host, config);
      const started = await session.start();
      switch (started.kind) {
        case 'ready':
          return { phase: 'ready', session, api };
        case 'redirecting':
          return { phase: 'redirecting' };
        case 'signed-out':
          return { phase: 'signed-out', session };
        case 'failed':
          return { phase: 'failed', message: started.message, session: host.kind === 'browser' ? session : undefined };
      }
    };
    void run().then((next) => {
      if (live) setStartup(next);
    });
    return () => {
      live = false;
    };
  }, [host, attempt]);
  return startup;
}
