/** Cohort scheduling runs (program admins): starting one, its progress, each pair's result. */

export type RunStatus = 'queued' | 'running' | 'done' | 'failed';
export type RunPhase = 'queued' | 'availability' | 'planning' | 'booking' | 'moving' | 'done';
/** Where a booking stands in the store: final states are `booked`, `no_slot`, `failed` and `cancelled`. */
export type BookingState = 'pending' | 'planned' | 'created' | 'booked' | 'no_slot' | 'failed' | 'cancelled';

/** A cohort run as the API and the CLI show it. */
export interface RunProgress {
  readonly runId: string;
  readonly programId: string;
  readonly cycle: number;
  readonly status: RunStatus;
  readonly phase: RunPhase;
  readonly total: number;
  /** Pairs with a final result: booked, no slot, failed (or cancelled since). */
  readonly done: number;
  readonly booked: number;
  readonly bookedWithMovedSessions: number;
  readonly noSlot: number;
  readonly failed: number;
  /** Not yet final: pending, planned or created. */
  readonly inProgress: number;
  readonly percent: number;
  /** Seconds left at the pace so far; null before the first pair is done or once finished. */
  readonly etaSeconds: number | null;
  readonly graphRequests: number;
  readonly attempts: number;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
  readonly error: string | null;
}

/** One pair's result in a run: booked, booked with moved sessions, no slot (with why), failed (with why). */
export interface PairResult {
  readonly bookingId: string;
  readonly pairId: string;
  readonly result: 'booked' | 'booked_with_moved_sessions' | 'no_slot' | 'failed' | 'in_progress' | 'cancelled';
  readonly state: BookingState;
  /** The people's names. */
  readonly organiser: string;
  readonly attendee: string;
  readonly movedSessions: number;
  readonly cancelledSessions: number;
  readonly explanation: string | null;
  readonly reasonCode: string | null;
  readonly reason: string | null;
  readonly eventId: string | null;
}

/** What starting a cohort run answers. */
export interface CohortStart {
  readonly runId: string;
  /** False when this program cycle already had a run: that run is returned and nothing new is stored. */
  readonly created: boolean;
  readonly total: number;
  /** Pairs already booked for this cycle outside the run (e.g. one by one): left as they are. */
  readonly skippedPairs: readonly string[];
}

/** `POST /api/programs/:id/schedule` and `POST /api/scheduling/runs`: the start and the run's progress. */
export interface CohortStartResponse extends CohortStart {
  readonly progress: RunProgress;
}

/** `GET /api/scheduling/runs[?programId]`. */
export interface RunListResponse {
  readonly runs: readonly RunProgress[];
}

/** `GET /api/scheduling/runs/:id/pairs`. */
export interface RunPairsResponse {
  readonly pairs: readonly PairResult[];
}
