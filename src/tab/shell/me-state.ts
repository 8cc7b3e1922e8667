import type { Profile } from '../../contracts/me.ts';

/** Where loading the signed-in person's profile stands. */
export type MeState =
  | { readonly status: 'loading' }
  | { readonly status: 'loaded'; readonly profile: Profile }
  | { readonly status: 'failed'; readonly error: unknown };
