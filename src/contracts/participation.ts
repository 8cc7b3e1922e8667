/** `GET /api/participation`: a manager's org in counts only. */

/** A count, or why it is not shown (a group under the privacy minimum). */
export type Count = { readonly shown: true; readonly value: number } | { readonly shown: false; readonly reason: string };

export interface ParticipationGroup {
  readonly label: string;
  readonly people: Count;
  readonly enrolled: Count;
  readonly paired: Count;
  readonly sessionsHeld: Count;
}

export interface ParticipationMonth {
  /** `YYYY-MM` (UTC). */
  readonly month: string;
  readonly enrolled: number;
  readonly paired: number;
  readonly sessionsHeld: number;
}

export interface ParticipationSummary {
  /** Whether the caller has anyone reporting to them. */
  readonly isManager: boolean;
  readonly minGroupSize: number;
  readonly org: ParticipationGroup;
  readonly byDepartment: readonly ParticipationGroup[];
  /** Cumulative by month; empty when the org is under the minimum. */
  readonly byMonth: readonly ParticipationMonth[];
  readonly notes: readonly string[];
}
