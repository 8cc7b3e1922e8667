/**
 * What the message extension is given (it imports no store and no Graph): the composition root
 * passes adapters that satisfy these ports.
 */
import type { Logger } from 'pino';
import type { FeedbackSubmission } from '../../core/feedback/feedback.ts';
import type { TenantId, UserId } from '../../core/ids.ts';
import type { PairId } from '../../core/sessions/session.ts';
import type { EpochMs } from '../../core/time.ts';
import type { AgendaCardView } from '../cards/agenda-card.ts';
import type { NextSessionCardView } from '../cards/next-session-card.ts';
import type { TeachSearch } from './teach-search.ts';

/** One running pair of the person, as a choice in a dialog. */
export interface PairChoice {
  readonly pairId: PairId;
  readonly programName: string;
  /** Display names of the other side(s). */
  readonly partnerNames: readonly string[];
}

export interface PairsPort {
  /** The person's running pairs in the tenant (ended ones are left out). */
  runningPairsOf(tenantId: TenantId, userId: UserId): Promise<readonly PairChoice[]>;
}

/** What "Add to our agenda" stores; the store's `AgendaBacklogRepository` satisfies the port. */
export interface BacklogEntry {
  readonly pairId: PairId;
  /** Idempotency key within the pair: the same message added twice is one item. */
  readonly id: string;
  readonly text: string;
  readonly link: string | null;
  readonly addedBy: UserId;
  readonly addedAt: EpochMs;
}

export interface BacklogPort {
  add(tenantId: TenantId, entry: BacklogEntry): Promise<{ readonly added: boolean }>;
}

/** The person's next session as the agenda card shows it, or why there is none. */
export type NextSessionAnswer =
  | { readonly kind: 'agenda'; readonly view: AgendaCardView }
  | Extract<NextSessionCardView, { kind: 'none' | 'paused' }>;

export interface NextSessionPort {
  forPerson(tenantId: TenantId, userId: UserId, now: EpochMs): Promise<NextSessionAnswer>;
}

/** A session the pair held outside the booked series, with the author's feedback on it. */
export interface LoggedSession {
  /** Idempotency key: the dialog's submission id, so a retried submit records it once. */
  readonly id: string;
  readonly pairId: PairId;
  readonly authorId: UserId;
  /** The day it was held, `YYYY-MM-DD` as the person picked it. */
  readonly date: string;
  readonly minutes: number;
  readonly feedback: FeedbackSubmission;
  readonly loggedAt: EpochMs;
}

export interface SessionLogPort {
  /** `duplicate` when this id was recorded before (nothing is written again). */
  record(tenantId: TenantId, session: LoggedSession): Promise<'recorded' | 'duplicate'>;
}

export interface MessageExtensionDeps {
  readonly log: Logger;
  /** Used when an activity carries no tenant (the Agents Playground without one configured). */
  readonly defaultTenantId: string;
  readonly now: () => EpochMs;
  readonly tabUrl: string;
  readonly search: TeachSearch;
  readonly pairs: PairsPort;
  readonly backlog: BacklogPort;
  readonly nextSession: NextSessionPort;
  readonly sessionLog: SessionLogPort;
  /**
   * How long a handler may wait on its ports before it answers "try again". Teams gives an
   * invoke 5 seconds in practice (15 at most); the default keeps well inside that.
   */
  readonly deadlineMs?: number;
}
