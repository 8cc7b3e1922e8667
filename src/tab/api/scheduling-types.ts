/** Cohort scheduling shapes, mirroring `src/scheduling/progress.ts` and `start-cohort.ts`. */

export interface RunProgress {
  readonly runId: string;
  readonly programId: string;
  readonly cycle: number;
  readonly status: 'queued' | 'running' | 'done' | 'failed';
  readonly phase: 'queued' | 'availability' | 'planning' | 'booking' | 'moving' | 'done';
  readonly total: number;
  readonly done: number;
  readonly booked: number;
  readonly bookedWithMovedSessions: number;
  readonly noSlot: number;
  readonly failed: number;
  readonly inProgress: number;
  readonly percent: number;
  readonly etaSeconds: number | null;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
  readonly error: string | null;
}

export interface PairResult {
  readonly bookingId: string;
  readonly pairId: string;
  readonly result: 'booked' | 'booked_with_moved_sessions' | 'no_slot' | 'failed' | 'in_progress' | 'cancelled';
  readonly organiser: string;
  readonly attendee: string;
  readonly movedSessions: number;
  readonly cancelledSessions: number;
  readonly explanation: string | null;
  readonly reasonCode: string | null;
  readonly reason: string | null;
}

export interface CohortStart {
  readonly runId: string;
  readonly created: boolean;
  readonly total: number;
  readonly skippedPairs: readonly string[];
  readonly progress: RunProgress;
}
