import type { ColumnType } from 'kysely';
import type { TenantId, UserId } from '../core/ids.ts';

/**
 * A column written once at insert and never updated: the key columns of every tenant-owned
 * table. Kysely then refuses `set({ tenant_id })` at compile time, so a row cannot be moved
 * between organisations by accident.
 */
type Immutable<T> = ColumnType<T, T, never>;

/**
 * One row per person Upward can message proactively in Teams: what the Bot Connector needs to
 * reach them. Keyed by (tenant_id, user_id); user_id is the person's Entra object id (`oid`,
 * `aadObjectId` on Teams activities), not the Teams-specific `29:` id.
 */
export interface ConversationReferencesTable {
  tenant_id: Immutable<TenantId>;
  user_id: Immutable<UserId>;
  conversation_id: string;
  service_url: string;
  channel_id: string;
  bot_id: string;
  user_name: string | null;
  /** Their Teams user id (`29:…`) as their own activities carry it; null until the bot has seen one. */
  teams_user_id: string | null;
  /** When sending failed because the person blocked or uninstalled the bot; null while reachable. */
  blocked_at: Date | null;
  installed_at: Immutable<Date>;
  updated_at: Date;
}

/**
 * The database as Kysely sees it: every table and its column types. Tables that belong to an
 * organisation type `tenant_id` as the branded `TenantId`, so a query can only be scoped by a
 * value that was made a tenant id on purpose.
 */
export interface Database {
  conversation_references: ConversationReferencesTable;
  programs: ProgramsTable;
  program_admins: ProgramAdminsTable;
  enrolments: EnrolmentsTable;
  invitations: InvitationsTable;
  proposals: ProposalsTable;
  pairings: PairingsTable;
  program_events: ProgramEventsTable;
  booking_runs: BookingRunsTable;
  bookings: BookingsTable;
  sent_messages: SentMessagesTable;
  message_claims: MessageClaimsTable;
  agenda_backlog: AgendaBacklogTable;
  check_ins: CheckInsTable;
  feedback: FeedbackTable;
  introduction_series: IntroductionSeriesTable;
}

/**
 * A jsonb column: read back as the parsed value, written as JSON text (`JSON.stringify`), because
 * the `pg` driver would turn a JavaScript array into a PostgreSQL array literal instead.
 */
type Json<T> = ColumnType<T, string, string>;

/** A reverse-mentoring program; `settings` holds what the core validates as a whole. */
export interface ProgramsTable {
  tenant_id: Immutable<TenantId>;
  id: Immutable<string>;
  name: string;
  state: string;
  rotation_cycle: number;
  settings: Json<unknown>;
  created_by: Immutable<UserId>;
  created_at: Immutable<Date>;
  updated_at: Date;
  state_changed_at: Date;
}

/**
 * Who administers a program: its `owner` (the admin who created it) and the `co-admin`s the owner
 * added. A program with no row here is unclaimed: every program admin of the tenant may manage it
 * until one claims it (see migration 0010).
 */
export interface ProgramAdminsTable {
  tenant_id: Immutable<TenantId>;
  program_id: Immutable<string>;
  user_id: Immutable<UserId>;
  role: string;
  display_name: string | null;
  added_by: Immutable<UserId>;
  added_at: Immutable<Date>;
}

/**
 * A person's enrolment in a program. `do_not_pair_with` is private to the person and the matcher:
 * only the owner's own view and the matcher's input read it.
 */
export interface EnrolmentsTable {
  tenant_id: Immutable<TenantId>;
  program_id: Immutable<string>;
  user_id: Immutable<UserId>;
  role: string;
  profile: Json<unknown>;
  answers: Json<unknown>;
  do_not_pair_with: Json<unknown>;
  paused_until: Date | null;
  left_at: Date | null;
  left_reason: string | null;
  enrolled_at: Immutable<Date>;
  updated_at: Date;
}

/** An admin's invitation to join a program; it becomes an enrolment only when the person accepts. */
export interface InvitationsTable {
  tenant_id: Immutable<TenantId>;
  program_id: Immutable<string>;
  user_id: Immutable<UserId>;
  role: string;
  display_name: string;
  status: string;
  invited_by: UserId;
  invited_at: Date;
  responded_at: Date | null;
}

/** The matching proposal under review for a program (one per program), or the run producing it. */
export interface ProposalsTable {
  tenant_id: Immutable<TenantId>;
  program_id: Immutable<string>;
  kind: string;
  cycle: number;
  status: string;
  run_id: string;
  proposal: Json<unknown> | null;
  error: Json<unknown> | null;
  started_at: Date;
  updated_at: Date;
}

/** A published pair (with an optional second mentor), running until `ended_at`. */
export interface PairingsTable {
  tenant_id: Immutable<TenantId>;
  id: Immutable<string>;
  program_id: Immutable<string>;
  cycle: number;
  mentor_id: UserId;
  mentee_id: UserId;
  co_mentor_id: UserId | null;
  score: number;
  reasons: Json<unknown>;
  published_at: Date;
  ended_at: Date | null;
  end_reason: string | null;
  ended_by: UserId | null;
}

/** What happened in a program that other parts react to (pairs published, a pair ended). */
export interface ProgramEventsTable {
  tenant_id: Immutable<TenantId>;
  id: Immutable<string>;
  program_id: Immutable<string>;
  type: string;
  payload: Json<unknown>;
  occurred_at: Date;
  seq: ColumnType<string, never, never>;
}

/** A cohort run: booking every pair of one program cycle, as a durable job (see src/scheduling). */
export interface BookingRunsTable {
  tenant_id: Immutable<TenantId>;
  id: Immutable<string>;
  program_id: Immutable<string>;
  cycle: Immutable<number>;
  status: string;
  phase: string;
  total: number;
  settings: Json<unknown>;
  graph_requests: ColumnType<number, number | undefined, number>;
  attempts: ColumnType<number, number | undefined, number>;
  error: string | null;
  created_by: Immutable<UserId>;
  created_at: Immutable<Date>;
  started_at: Date | null;
  updated_at: Date;
  finished_at: Date | null;
}

/** One pair's recurring meeting for one cycle: its plan, its Graph series and each session. */
export interface BookingsTable {
  tenant_id: Immutable<TenantId>;
  id: Immutable<string>;
  program_id: Immutable<string>;
  pair_id: Immutable<string>;
  cycle: Immutable<number>;
  run_id: string | null;
  position: ColumnType<number, number | undefined, number>;
  state: string;
  organiser_id: UserId;
  attendee_id: UserId;
  people: Json<unknown>;
  settings: Json<unknown>;
  plan: Json<unknown> | null;
  occurrences: Json<unknown>;
  series: Json<unknown>;
  transaction_id: Immutable<string>;
  event_id: string | null;
  join_url: string | null;
  reason_code: string | null;
  reason: string | null;
  version: number;
  created_at: Immutable<Date>;
  updated_at: Date;
}

/**
 * One proactive message the bot sent a person under a caller's message key (e.g.
 * `agenda:<session id>`): the key makes a retried job skip people it already reached, and the
 * activity id lets a later update replace the card in place.
 */
export interface SentMessagesTable {
  tenant_id: Immutable<TenantId>;
  message_key: Immutable<string>;
  user_id: Immutable<UserId>;
  activity_id: string;
  conversation_id: string;
  sent_at: Date;
}

/**
 * A sender's claim on sending one message key to one person right now (see
 * `store/message-claims.ts`): held from before the Bot Connector call until the send is recorded
 * in `sent_messages` or has failed, so no two senders deliver the same message at once.
 */
export interface MessageClaimsTable {
  tenant_id: Immutable<TenantId>;
  message_key: Immutable<string>;
  user_id: Immutable<UserId>;
  claim_id: string;
  claimed_at: Date;
}

/**
 * One person's feedback on one session, keyed by (tenant_id, session_key, author_id): a second
 * click, a retry or an edit updates this row, never adds one. Free text is private to its author
 * (and, when `share_with_partner`, partly to the partner); see `src/core/feedback`.
 */
export interface FeedbackTable {
  tenant_id: Immutable<TenantId>;
  session_key: Immutable<string>;
  author_id: Immutable<UserId>;
  pair_id: Immutable<string>;
  session_end: Date;
  happened: string;
  rating: number | null;
  learned: string;
  taught: string;
  action: string;
  private_note: string;
  share_with_partner: boolean;
  submitted_at: Immutable<Date>;
  updated_at: Date;
  revision: number;
}

/**
 * One item of a pair's shared backlog ("things to talk about"), added from the agenda card, the
 * message extension's "Add to our agenda" or the tab. Shared with the pair by nature; `done_at`
 * is set once it was covered, so the agenda stops showing it.
 */
export interface AgendaBacklogTable {
  tenant_id: Immutable<TenantId>;
  pair_id: Immutable<string>;
  id: Immutable<string>;
  text: string;
  link: string | null;
  added_by: Immutable<UserId>;
  added_at: Immutable<Date>;
  done_at: Date | null;
}

/**
 * A person's answer to the private check-in after two missed sessions in a row, one row per
 * person per streak (`streak_key` is the core's `MissedStreak` key). Private to the person and the
 * program team: never shown to the partner; the admin sees counts per program.
 */
export interface CheckInsTable {
  tenant_id: Immutable<TenantId>;
  streak_key: Immutable<string>;
  user_id: Immutable<UserId>;
  program_id: Immutable<string>;
  pair_id: Immutable<string>;
  /** One of `CHECK_IN_CHOICES` (src/teams/cards/card-verbs.ts). */
  choice: Immutable<string>;
  answered_at: Immutable<Date>;
}

/**
 * Which booked series one person's introduction card to one pairing shows, by a key of the series
 * as the card shows it (`none` while no time is booked). Written after the card was sent or
 * updated, so the job that updates introductions once the series is booked or moved skips people
 * who already see it: a retry or a replay updates nobody twice.
 */
export interface IntroductionSeriesTable {
  tenant_id: Immutable<TenantId>;
  pairing_id: Immutable<string>;
  user_id: Immutable<UserId>;
  series_key: string;
  shown_at: Date;
}
