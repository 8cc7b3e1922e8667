/**
 * What the program use cases need from the world, as small interfaces the composition root fills
 * in: the directory (Microsoft Graph), the matcher's thread, an event sink, the clock and ids.
 */
import type { TenantId, UserId } from '../core/ids.ts';
import type { PersonRef, Profile } from '../core/people/profile.ts';
import type { EpochMs } from '../core/time.ts';
import type { ProgramEvent } from './events.ts';
import type { MatchRunner } from './match-runner.ts';

/** The directory reads enrolment needs: a person's profile and their manager chain. */
export interface ProgramDirectory {
  readProfile(userId: UserId): Promise<Profile>;
  /** Manager, their manager, … up to the top (empty for the top of the tree). */
  readManagerChain(userId: UserId): Promise<readonly PersonRef[]>;
}

/** Everything the program use cases are built from. */
export interface ProgramPorts {
  readonly directoryFor: (tenantId: TenantId) => ProgramDirectory;
  /** Runs the matcher off the request path (a worker thread in the app). */
  readonly matcher: MatchRunner;
  /**
   * Delivers a domain event after the change it describes has been committed (the bot sends pair
   * introductions from `pairs.published`). Called once per event.
   */
  readonly publish: (event: ProgramEvent) => void | Promise<void>;
  readonly now: () => EpochMs;
  readonly newId: () => string;
  /** Told about failures that have no request to answer: a background run, an event sink. */
  readonly onBackgroundError: (error: unknown, what: string) => void;
}

/** Who is calling, as the use cases need it: proven by a token at the edge. */
export interface Actor {
  readonly tenantId: TenantId;
  readonly userId: UserId;
  /** Holds the program-admin role (`Upward.ProgramAdmin`) in their token. */
  readonly isAdmin: boolean;
  /** Their name from the token, when it carries one (kept beside them in a program's admin list). */
  readonly displayName?: string | undefined;
}
