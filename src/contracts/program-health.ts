/** Program health (`GET /api/programs/:id/health`) and the export the tab saves (`GET …/export.csv` asked for as JSON). */

/** Why a pair needs attention. */
export type RiskReason = 'no-meeting-booked' | 'not-scheduled' | 'sessions-cancelled' | 'missed-sessions' | 'check-in-sent' | 'no-feedback' | 're-pair-requested';

/** A figure, or why it is not shown. */
export type Shown<T> = ({ readonly shown: true } & T) | { readonly shown: false; readonly reason: string };

export interface PairAtRisk {
  readonly pairId: string;
  readonly cycle: number;
  readonly people: readonly string[];
  readonly reasons: readonly RiskReason[];
  /** One suggested action per reason, in the same order. */
  readonly actions: readonly string[];
  /**
   * The private check-in after two missed sessions in a row: since when (ISO), and how many of the
   * pair answered. What anyone answered is never listed.
   */
  readonly checkIn?: { readonly since: string; readonly answered: number; readonly of: number };
}

/** Ratings in aggregate (never for fewer than `minGroupSize` people, never one person's). */
export interface RatingAggregate {
  /** Distinct people whose ratings are counted. */
  readonly people: number;
  /** Ratings counted (one person may rate several sessions). */
  readonly ratings: number;
  /** Mean rating, rounded to one decimal. */
  readonly average: number;
  /** How many ratings of 1, 2, 3, 4 and 5. */
  readonly distribution: readonly [number, number, number, number, number];
}

/** One theme's figures (never sent for fewer than `minGroupSize` people). */
export interface ThemeFigures {
  readonly people: number;
  /** Held sessions someone rated. */
  readonly sessions: number;
  readonly average: number;
}

/**
 * Whether learning runs both ways, judged on each pair's latest sessions from which of "what I
 * learned" and "what I taught" each person answered (never what they wrote); pairs are counted,
 * never named.
 */
export interface ReciprocityFigures {
  /** Pairs whose answers say who learned or taught. */
  readonly pairs: number;
  /** People whose answers are counted. */
  readonly people: number;
  readonly bothWays: number;
  /** Only the senior taught: drifted back into top-down mentoring. */
  readonly seniorTaughtOnly: number;
  /** Only the junior taught. */
  readonly juniorTaughtOnly: number;
}

export interface ProgramHealth {
  readonly programId: string;
  readonly programName: string;
  readonly minGroupSize: number;
  readonly totals: {
    readonly enrolled: number;
    readonly runningPairs: number;
    readonly plannedSessions: number;
    readonly pastSessions: number;
    readonly heldSessions: number;
    /** Of the held sessions, those pairs logged themselves outside their booked series (never planned). */
    readonly loggedSessions: number;
  };
  /** Per week (its Monday, UTC): sessions planned and held. */
  readonly weeks: readonly { readonly week: string; readonly planned: number; readonly held: number }[];
  readonly feedback: {
    readonly recorded: boolean;
    readonly completion: Shown<{ readonly expected: number; readonly received: number; readonly rate: number }>;
    readonly rating: Shown<{ readonly aggregate: RatingAggregate }>;
    /** Themes of enough raters each, and the smaller ones only together in `other`. */
    readonly themes: Shown<{ readonly themes: readonly (ThemeFigures & { readonly theme: string })[]; readonly other: (ThemeFigures & { readonly themes: readonly string[] }) | null }>;
    /** Learning both ways (see {@link ReciprocityFigures}); never for fewer than `minGroupSize` people. */
    readonly reciprocity: Shown<{ readonly figures: ReciprocityFigures }>;
  };
  /** `total` counts every pair at risk; `pairs` lists the first of them. */
  readonly atRisk: { readonly total: number; readonly pairs: readonly PairAtRisk[] };
  readonly notes: readonly string[];
}

export interface ProgramHealthResponse {
  readonly health: ProgramHealth;
}

/** The CSV export wrapped for a caller that asks for JSON (the tab saves the text itself). */
export interface ProgramExport {
  readonly fileName: string;
  readonly csv: string;
}
