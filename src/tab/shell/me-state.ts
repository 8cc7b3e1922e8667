import type { Profile } from '../api/types.ts';

/** Where loading the signed-in person's profile stands. */
export type MeState =
  | { readonly status: 'loading' }
  | { readonly status: 'loaded'; readonly profile: Profile }
  | { readonly status: 'failed'; readonly error: unknown };
