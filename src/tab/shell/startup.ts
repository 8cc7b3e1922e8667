import type { ApiClient } from '../api/api-client.ts';
import type { AuthSession } from '../auth/auth-session.ts';

/** Where opening the tab stands, from host detection to a signed-in session. */
export type Startup =
  | { readonly phase: 'starting' }
  | { readonly phase: 'redirecting' }
  | { readonly phase: 'signed-out'; readonly session: AuthSession }
  /** `session` is there when signing in again is the way forward; without it, trying again is. */
  | { readonly phase: 'failed'; readonly message: string; readonly session: AuthSession | undefined }
  | { readonly phase: 'ready'; readonly session: AuthSession; readonly api: ApiClient };
