import type { TabConfig } from '../../contracts/tab-config.ts';
import { SignInLoopError, type AuthSession, type SessionStart } from './auth-session.ts';
import { authorizeUrl, parseAuthResponse, randomValue } from './implicit-grant.ts';
import type { TokenStore } from './token-store.ts';

/** The parts of `window` the browser sign-in touches; injected so tests can drive it. */
export interface BrowserWindow {
  readonly location: { readonly origin: string; readonly pathname: string; readonly search: string; readonly hash: string; assign(url: string): void };
  readonly history: { replaceState(data: unknown, unused: string, url: string): void };
  now(): number;
}

/** Where the identity provider sends people back: the tab's root, with no query (it must match the registration). */
export const redirectUriFor = (origin: string): string => `${origin}/tab/`;

// A token this close to expiry is treated as expired so a call never leaves with a dying token.
const EXPIRY_MARGIN_MS = 60_000;

/** The sign-in for a plain browser: redirect to the authorize endpoint, read the token on return. */
export function createBrowserSession(config: TabConfig, store: TokenStore, win: BrowserWindow): AuthSession {
  const redirect = (): undefined => {
    const state = randomValue();
    const nonce = randomValue();
    store.savePending({ state, nonce, returnSearch: win.location.search });
    win.location.assign(authorizeUrl(config, { redirectUri: redirectUriFor(win.location.origin), state, nonce }));
    return undefined;
  };

  const validToken = (): string | undefined => {
    const stored = store.token();
    return stored !== undefined && stored.expiresAt - EXPIRY_MARGIN_MS > win.now() ? stored.accessToken : undefined;
  };

  /** Reads a sign-in response from the fragment, if there is one, and removes it from the address bar. */
  const completeFromFragment = (): SessionStart | undefined => {
    const response = parseAuthResponse(win.location.hash);
    if (response === undefined) return undefined;
    const pending = store.pending();
    store.clearPending();
    const search = pending?.returnSearch ?? win.location.search;
    win.history.replaceState(null, '', `${win.location.pathname}${search}`);
    if (pending === undefined || pending.state !== response.state) {
      return { kind: 'failed', message: 'The sign-in response did not match the sign-in this tab started, so it was ignored.' };
    }
    if (response.kind === 'error') {
      const detail = response.description !== '' ? response.description : response.error;
      return { kind: 'failed', message: `Sign-in did not complete: ${detail}` };
    }
    store.saveToken({ accessToken: response.accessToken, expiresAt: win.now() + response.expiresInSeconds * 1000 });
    store.setSignedOut(false);
    return { kind: 'ready' };
  };

  return {
    host: 'browser',
    canSignOut: true,
    start: () => {
      const completed = completeFromFragment();
      if (completed !== undefined) return Promise.resolve(completed);
      if (validToken() !== undefined) return Promise.resolve({ kind: 'ready' });
      if (store.signedOut()) return Promise.resolve({ kind: 'signed-out' });
      redirect();
      return Promise.resolve({ kind: 'redirecting' });
    },
    getToken: () => Promise.resolve(validToken() ?? redirect()),
    renewAfterUnauthorized: () => {
      store.clearToken();
      if (store.renewed()) return Promise.reject(new SignInLoopError());
      store.setRenewed(true);
      return Promise.resolve(redirect());
    },
    confirm: () => store.setRenewed(false),
    signIn: () => {
      store.setSignedOut(false);
      store.setRenewed(false);
      redirect();
    },
    signOut: () => {
      store.clearToken();
      store.clearPending();
      store.setRenewed(false);
      store.setSignedOut(true);
    },
  };
}
