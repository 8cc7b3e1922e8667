import type { HostKind } from '../host/detect-host.ts';

/** How a session starts: signed in, on its way to sign in, signed out by choice, or failed. */
export type SessionStart =
  | { readonly kind: 'ready' }
  | { readonly kind: 'redirecting' }
  | { readonly kind: 'signed-out' }
  | { readonly kind: 'failed'; readonly message: string };

/** Raised when a fresh sign-in still gets a 401: signing in again would only loop. */
export class SignInLoopError extends Error {
  constructor() {
    super('You signed in, but Upward still did not accept the sign-in.');
    this.name = 'SignInLoopError';
  }
}

/**
 * Gets and renews the bearer token for Upward's API. One implementation for inside a host (NAA,
 * then Teams SSO) and one for a plain browser (redirect sign-in).
 */
export interface AuthSession {
  readonly host: HostKind;
  /** Whether a "Sign out" control makes sense (inside a host the host owns the sign-in). */
  readonly canSignOut: boolean;
  start(): Promise<SessionStart>;
  /** A token to send, or undefined when the page is leaving to sign in. */
  getToken(): Promise<string | undefined>;
  /**
   * After a 401: drops the token and gets a new one, once. Undefined when the page is leaving to
   * sign in; throws SignInLoopError when this already happened and the API still refused.
   */
  renewAfterUnauthorized(): Promise<string | undefined>;
  /** Tells the session a call with its token succeeded, which re-arms the one renewal. */
  confirm(): void;
  /** Starts a sign-in the person asked for. */
  signIn(): void;
  signOut(): void;
}
