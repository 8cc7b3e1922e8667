/**
 * A reverse-mentoring program: what it is for, how often pairs meet, for how long, and the rules
 * the matcher must respect. Values only; creating, editing and state changes live beside it.
 */
import type { Brand, TenantId } from '../ids.ts';
import type { EpochMs } from '../time.ts';

/** Upward's own id of a program (not a directory id, so it gets its own brand). */
export type ProgramId = Brand<string, 'ProgramId'>;
export const programId = (value: string): ProgramId => value as ProgramId;

/** How often a pair meets. */
export const CADENCES = ['weekly', 'biweekly', 'monthly'] as const;
export type Cadence = (typeof CADENCES)[number];

/** Session length in minutes: the only lengths the product offers. */
export const SESSION_MINUTES = [30, 45, 60] as const;
export type SessionMinutes = (typeof SESSION_MINUTES)[number];

/**
 * Who books the recurring meeting. The senior mentee by default, so the junior never has to write
 * into an executive's calendar.
 */
export const ORGANISERS = ['mentee', 'mentor'] as const;
export type Organiser = (typeof ORGANISERS)[number];

/** Life cycle of a program; see `transitions.ts` for the legal moves. */
export const PROGRAM_STATES = ['draft', 'enrolling', 'matching', 'active', 'closed'] as const;
export type ProgramState = (typeof PROGRAM_STATES)[number];

/** The half-open interval [start, end) the program runs in, UTC epoch ms. */
export interface Term {
  readonly start: EpochMs;
  readonly end: EpochMs;
}

/** Rules the matcher enforces for this program. */
export interface MatchingRules {
  /** Levels the mentee must be above the mentor; the mentor is always strictly junior (≥ 1). */
  readonly minSeniorityGap: number;
  /** Whether an otherwise unmatched mentor may join an existing pair as a second mentor. */
  readonly allowTrios: boolean;
}

/**
 * What a pair following one topic track talks about, session by session. A series longer than
 * the plan starts it again; a track without a plan puts its own name on every agenda.
 */
export interface TrackPlan {
  /** One of the program's `topicTracks`, in the program's spelling. */
  readonly track: string;
  /** Topic of session 1, 2, … */
  readonly sessionTopics: readonly string[];
  /** The track's own reflection questions; fewer than two means Upward's defaults are used. */
  readonly reflectionQuestions: readonly string[];
}

export interface Program {
  readonly id: ProgramId;
  readonly tenantId: TenantId;
  readonly name: string;
  readonly objectives: readonly string[];
  /** Topic tracks such as "GenAI tools"; participants pick from these and may add free tags. */
  readonly topicTracks: readonly string[];
  /**
   * Session-by-session plans of some of the tracks, at most one per track. Absent on programs
   * stored before plans existed, which reads as no plans.
   */
  readonly trackPlans?: readonly TrackPlan[];
  readonly cadence: Cadence;
  readonly sessionMinutes: SessionMinutes;
  readonly term: Term;
  readonly organiser: Organiser;
  /** How many partners one person may have at once in this program (≥ 1). */
  readonly capacityPerPerson: number;
  readonly rules: MatchingRules;
  /** 1 for the first round of pairs; each rotation to new partners adds one. */
  readonly rotationCycle: number;
  readonly state: ProgramState;
  readonly createdAt: EpochMs;
  readonly updatedAt: EpochMs;
  /** When the program last changed state (creation counts as entering `draft`). */
  readonly stateChangedAt: EpochMs;
}
