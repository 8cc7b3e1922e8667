/**
 * What the bot's mentoring loop needs from the rest of Upward, as ports: the composition root
 * passes adapters over the store (src/engagement), tests pass their own.
 */
import type { Feedback } from '../../core/feedback/feedback.ts';
import type { TenantId, UserId } from '../../core/ids.ts';
import type { PairId, Session, SessionId } from '../../core/sessions/session.ts';
import type { EpochMs } from '../../core/time.ts';
import type { BacklogItem, Track } from '../../core/sessions/agenda.ts';
import type { IntroductionCardView } from '../cards/introduction-card.ts';

/** One person of a pair, as cards name them. */
export interface LoopPerson {
  readonly userId: UserId;
  readonly name: string;
  /** Their Teams user id (`29:…`) from their stored conversation, when Upward has seen one. */
  readonly teamsUserId?: string;
}

/** One session with what the feedback card needs around it. */
export interface LoopSession {
  readonly session: Session;
  /** Sessions in the series, cancelled ones left out (the N of "session n of N"). */
  readonly count: number;
  /** Everyone in the pair, with names. */
  readonly people: readonly LoopPerson[];
  /** Every session of the pair (for progress and the edit window). */
  readonly pairSessions: readonly Session[];
  /** Start of the pair's next session after this one; `null` after the last. */
  readonly nextStart: EpochMs | null;
  /** The online meeting's join link, when the series has one. */
  readonly joinUrl?: string | null;
  /** The program the pair's series belongs to. */
  readonly programId?: string;
  /**
   * The program track the pair follows, with its session plan (filled when asked for: see
   * `LoopSessionPort.find`); without one the agenda has no topic.
   */
  readonly track?: Track | null;
}

/** Finds a session by the id a card carries. */
export interface LoopSessionPort {
  /** `withTrack` also fills `track` (agenda cards need it; other cards do not pay for it). */
  find(tenantId: TenantId, id: SessionId, options?: { withTrack?: boolean }): Promise<LoopSession | undefined>;
}

/** The stored feedback (the store's feedback repository fits). */
export interface FeedbackStorePort {
  get(tenantId: TenantId, session: SessionId, authorId: UserId): Promise<Feedback | undefined>;
  insert(tenantId: TenantId, feedback: Feedback): Promise<Feedback>;
  update(tenantId: TenantId, feedback: Feedback): Promise<Feedback>;
  listForPair(tenantId: TenantId, pair: PairId): Promise<Feedback[]>;
}

/** The person's next session, for the "next" command. */
export interface NextSessionPort {
  nextFor(tenantId: TenantId, userId: UserId, now: EpochMs): Promise<LoopSession | undefined>;
}

/** One program the person is in (not left), with the partners of their running pair in it. */
export interface LoopMembership {
  readonly programId: string;
  readonly programName: string;
  readonly partners: readonly LoopPerson[];
}

/** Pausing and leaving, as the program and scheduling services do them. */
export interface MembershipPort {
  /** The person's programs they have not left, most recently enrolled first. */
  programsOf(tenantId: TenantId, userId: UserId): Promise<readonly LoopMembership[]>;
  /** Their upcoming sessions (not cancelled) that start before `until`: what a pause cancels. */
  sessionsBefore(tenantId: TenantId, userId: UserId, until: EpochMs): Promise<number>;
  /** Pauses every program of theirs until `until` and cancels their sessions before it. Repeatable. */
  pause(tenantId: TenantId, userId: UserId, until: EpochMs): Promise<void>;
  /** The name of a program the person has left, or `undefined` (a repeated confirm shows the same goodbye). */
  leftProgramName(tenantId: TenantId, userId: UserId, programId: string): Promise<string | undefined>;
  /** Leaves the program (no fault) and cancels their series in it. */
  leave(tenantId: TenantId, userId: UserId, programId: string): Promise<void>;
}

/** A pair's introduction as one of its people sees it (for the card's refresh). */
export interface IntroductionPort {
  /** `undefined` when there is no such pair or `userId` is not in it. */
  viewFor(tenantId: TenantId, pairId: string, userId: UserId): Promise<IntroductionCardView | undefined>;
}

/** A pair's shared agenda backlog (the store's agenda-backlog repository fits). */
export interface AgendaBacklogPort {
  /** `added: false` when an item with that id was already there (a repeated click). */
  add(
    tenantId: TenantId,
    item: { pairId: PairId; id: string; text: string; link: string | null; addedBy: UserId; addedAt: EpochMs },
  ): Promise<{ added: boolean; item: BacklogItem }>;
  /** Open items, oldest first. */
  list(tenantId: TenantId, pairId: PairId): Promise<readonly BacklogItem[]>;
}

/** A time a session could move to. */
export interface AlternativeTime {
  readonly start: EpochMs;
  readonly end: EpochMs;
}

/** Moving one session, as the scheduling service does it (free time read from both calendars). */
export interface SessionReschedulePort {
  /**
   * Mutual free times for the session, nearest first is how they are chosen; time order.
   * @throws UpwardError (`not_found`, `conflict`, …) with a message fit to show the person.
   */
  alternatives(tenantId: TenantId, userId: UserId, session: SessionId): Promise<readonly AlternativeTime[]>;
  /** Moves the session to `start`; @throws UpwardError when that time is no longer free. */
  moveTo(tenantId: TenantId, userId: UserId, session: SessionId, start: EpochMs): Promise<AlternativeTime>;
}

/** Private check-in answers (the store's check-in repository fits). */
export interface CheckInPort {
  /** Stores once per person and streak; a repeat keeps, and returns, the first answer. */
  record(
    tenantId: TenantId,
    answer: { streakKey: string; userId: UserId; programId: string; pairId: string; choice: string; answeredAt: EpochMs },
  ): Promise<{ recorded: boolean; answer: { choice: string } }>;
}

export interface LoopPorts {
  /** Pair introductions; without it their refresh keeps the card as sent. */
  readonly introductions?: IntroductionPort;
  readonly sessions: LoopSessionPort & NextSessionPort;
  readonly feedback: FeedbackStorePort;
  /** Pause and leave; without it the chat points people to the tab for those. */
  readonly membership?: MembershipPort;
  /** Check-in answers; without it an answer is acknowledged with a pointer to the program team. */
  readonly checkIns?: CheckInPort;
  /** The pair's backlog; without it the agenda card cannot add items (it says so). */
  readonly backlog?: AgendaBacklogPort;
  /** Moving a session; without it "Reschedule this one" points to the tab's Sessions section. */
  readonly reschedule?: SessionReschedulePort;
  /** Link to the tab's Sessions section, for the reschedule fallback; the tab link when absent. */
  readonly sessionsTabUrl?: string;
  readonly now: () => EpochMs;
}
