import type { TabConfig } from '../../contracts/tab-config.ts';
import type { AuthSession } from '../auth/auth-session.ts';
import { createBrowserSession } from '../auth/browser-session.ts';
import { createHostSession } from '../auth/host-session.ts';
import { createTokenStore } from '../auth/token-store.ts';
import type { HostInfo } from '../host/detect-host.ts';

/** The session that fits the host: the host's own sign-in inside Teams/Outlook, a redirect in a browser. */
export async function createSession(host: HostInfo, config: TabConfig): Promise<AuthSession> {
  if (host.kind === 'teams') {
    // MSAL is only needed inside a host; a plain browser never downloads it.
    const { createHostTokenSource } = await import('../auth/host-token.ts');
    return createHostSession(createHostTokenSource(config));
  }
  return createBrowserSession(config, createTokenStore(window.sessionStorage), {
    location: window.location,
    history: window.history,
    now: () => Date.now(),
  });
}
