import { ApiError } from '../api/api-error.ts';
import { SignInLoopError } from '../auth/auth-session.ts';

/** What to tell the person about a failed load, and the next step to offer. */
export interface LoadErrorText {
  readonly title: string;
  readonly body: string;
  /** `retry` repeats the load; `sign-in` starts a fresh sign-in. */
  readonly action: 'retry' | 'sign-in';
}

/** Words for a failed call to the API, with a next step the person can take. */
export function describeLoadError(error: unknown, what: string): LoadErrorText {
  if (error instanceof SignInLoopError) {
    return {
      title: 'Upward did not accept your sign-in',
      body: 'You signed in, but Upward still refused the sign-in. Sign in again; if this keeps happening, tell your IT admin that Upward rejects tokens for your account.',
      action: 'sign-in',
    };
  }
  if (!(error instanceof ApiError)) {
    return { title: `Could not load ${what}`, body: `Something unexpected went wrong in the tab (${String(error)}). Try again.`, action: 'retry' };
  }
  const detail = error.message.trim();
  switch (true) {
    case error.status === 0:
      return { title: `Could not load ${what}`, body: "Upward's server did not answer. Check your connection, then try again.", action: 'retry' };
    case error.status === 401:
      return { title: 'Your sign-in was not accepted', body: `${detail} Sign in again to continue.`, action: 'sign-in' };
    case error.status === 403:
      return {
        title: "You don't have access to Upward yet",
        body: `${detail} Ask your program admin (HR or Learning & Development) to add you to a program, or your IT admin to give you access to the Upward app.`,
        action: 'retry',
      };
    case error.status === 404:
      return { title: `Could not find ${what}`, body: `${detail} If you are new to the organisation, your directory entry may not be ready yet; try again later.`, action: 'retry' };
    case error.status === 429 || error.status === 503:
      return { title: 'Upward is busy', body: `${detail} Wait a moment, then try again.`, action: 'retry' };
    case error.status >= 500:
      return { title: `Could not load ${what}`, body: `Something went wrong on Upward's side (${error.code}). Try again in a moment; if it keeps failing, tell your IT admin.`, action: 'retry' };
    default:
      return { title: `Could not load ${what}`, body: `${detail} Try again.`, action: 'retry' };
  }
}
