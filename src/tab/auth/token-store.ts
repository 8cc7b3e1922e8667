/**
 * What the browser sign-in keeps between page loads. Everything lives in sessionStorage — it dies
 * with the browser tab and is never shared with other tabs — and never in localStorage, where a
 * bearer token would outlive the session.
 */
export interface StoredToken {
  readonly accessToken: string;
  /** Epoch milliseconds after which the token is no longer worth sending. */
  readonly expiresAt: number;
}

/** A sign-in request on its way to the identity provider. */
export interface PendingSignIn {
  readonly state: string;
  readonly nonce: string;
  /** The query string to restore on return (`?view=...&theme=...`); the redirect URI carries none. */
  readonly returnSearch: string;
}

const TOKEN = 'upward.tab.token';
const PENDING = 'upward.tab.signin';
const RENEWED = 'upward.tab.renewed';
const SIGNED_OUT = 'upward.tab.signedOut';

function readJson<T>(storage: Storage, key: string, valid: (value: unknown) => value is T): T | undefined {
  const text = storage.getItem(key);
  if (text === null) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return valid(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

const isStoredToken = (v: unknown): v is StoredToken =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as StoredToken).accessToken === 'string' &&
  typeof (v as StoredToken).expiresAt === 'number';

const isPending = (v: unknown): v is PendingSignIn =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as PendingSignIn).state === 'string' &&
  typeof (v as PendingSignIn).nonce === 'string' &&
  typeof (v as PendingSignIn).returnSearch === 'string';

/** Typed access to the tab's sessionStorage entries. */
export interface TokenStore {
  token(): StoredToken | undefined;
  saveToken(token: StoredToken): void;
  clearToken(): void;
  pending(): PendingSignIn | undefined;
  savePending(pending: PendingSignIn): void;
  clearPending(): void;
  /** Set when a 401 already sent the person to sign in again; stops a redirect loop. */
  renewed(): boolean;
  setRenewed(value: boolean): void;
  /** Set by "Sign out" so the next load shows a sign-in button instead of signing straight back in. */
  signedOut(): boolean;
  setSignedOut(value: boolean): void;
}

/** A TokenStore over the given Storage (sessionStorage in the tab). */
export function createTokenStore(storage: Storage): TokenStore {
  const flag = (key: string, value: boolean): void => {
    if (value) storage.setItem(key, '1');
    else storage.removeItem(key);
  };
  return {
    token: () => readJson(storage, TOKEN, isStoredToken),
    saveToken: (token) => storage.setItem(TOKEN, JSON.stringify(token)),
    clearToken: () => storage.removeItem(TOKEN),
    pending: () => readJson(storage, PENDING, isPending),
    savePending: (pending) => storage.setItem(PENDING, JSON.stringify(pending)),
    clearPending: () => storage.removeItem(PENDING),
    renewed: () => storage.getItem(RENEWED) === '1',
    setRenewed: (value) => flag(RENEWED, value),
    signedOut: () => storage.getItem(SIGNED_OUT) === '1',
    setSignedOut: (value) => flag(SIGNED_OUT, value),
  };
}
