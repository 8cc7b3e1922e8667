/** Programs as their admins and participants see them, and what an admin sends to create one. */

export type Cadence = 'weekly' | 'biweekly' | 'monthly';
export type SessionMinutes = 30 | 45 | 60;
/** Who books the recurring meeting. */
export type Organiser = 'mentee' | 'mentor';
export type ProgramState = 'draft' | 'enrolling' | 'matching' | 'active' | 'closed';

/** The session-by-session topics of one topic track. */
export interface TrackPlan {
  readonly track: string;
  readonly sessionTopics: readonly string[];
  readonly reflectionQuestions: readonly string[];
}

/** Rules the matcher enforces for a program. */
export interface MatchingRules {
  readonly minSeniorityGap: number;
  readonly allowTrios: boolean;
}

/** The half-open interval [start, end) a program runs in (ISO instants). */
export interface TermView {
  readonly start: string;
  readonly end: string;
}

/** What a participant sees of a program. */
export interface ProgramSummary {
  readonly id: string;
  readonly name: string;
  readonly objectives: readonly string[];
  readonly topicTracks: readonly string[];
  /** Session plans of some tracks; a track without one shows its own name as the topic. */
  readonly trackPlans: readonly TrackPlan[];
  readonly cadence: Cadence;
  readonly sessionMinutes: SessionMinutes;
  readonly term: TermView;
  readonly organiser: Organiser;
  readonly state: ProgramState;
  readonly rotationCycle: number;
}

/** What an admin sees of a program, with the states it may move to next. */
export interface ProgramView extends ProgramSummary {
  readonly capacityPerPerson: number;
  readonly rules: MatchingRules;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly stateChangedAt: string;
  readonly nextStates: readonly ProgramState[];
}

/** The settings an admin sends to create a program (and, partly, to edit one). */
export interface ProgramInput {
  readonly name: string;
  readonly objectives: readonly string[];
  readonly topicTracks: readonly string[];
  /** Optional: a program without plans shows each track's name as the session topic. */
  readonly trackPlans?: readonly TrackPlan[];
  readonly cadence: Cadence;
  readonly sessionMinutes: SessionMinutes;
  readonly term: TermView;
  readonly organiser: Organiser;
  readonly capacityPerPerson: number;
  readonly rules: MatchingRules;
}

/** `GET`/`PATCH /api/programs/:id`, `POST /api/programs` and `POST …/transitions`. */
export interface ProgramResponse {
  readonly program: ProgramView;
}

/** `GET /api/programs`: the programs the caller administers. */
export interface ProgramListResponse {
  readonly programs: readonly ProgramView[];
}
