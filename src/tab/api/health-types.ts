/** Program health as `GET /api/programs/:id/health` sends it (see src/server/routes/program-health-summary.ts). */

export type RiskReason = 'no-meeting-booked' | 'not-scheduled' | 'sessions-cancelled' | 'missed-sessions' | 'check-in-sent' | 'no-feedback' | 're-pair-requested';

/** A figure, or why it is hidden. */
export type Shown<T> = ({ readonly shown: true } & T) | { readonly shown: false; readonly reason: string };

export interface PairAtRisk {
  readonly pairId: string;
  readonly cycle: number;
  readonly people: readonly string[];
  readonly reasons: readonly RiskReason[];
  readonly actions: readonly string[];
  /** The private check-in after two missed sessions in a row: since when, and how many of the pair answered (never what). */
  readonly checkIn?: { readonly since: string; readonly answered: number; readonly of: number };
}

/** One theme's figures (never sent for fewer than `minGroupSize` people). */
export interface ThemeFigures {
  readonly people: number;
  readonly sessions: number;
  readonly average: number;
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
    /** Of the held sessions, those pairs logged themselves outside their booked series. */
    readonly loggedSessions: number;
  };
  readonly weeks: readonly { readonly week: string; readonly planned: number; readonly held: number }[];
  readonly feedback: {
    readonly recorded: boolean;
    readonly completion: Shown<{ readonly expected: number; readonly received: number; readonly rate: number }>;
    readonly rating: Shown<{ readonly aggregate: { readonly people: number; readonly ratings: number; readonly average: number } }>;
    /** Themes of five or more raters each, and the smaller ones only together in `other`. */
    readonly themes: Shown<{ readonly themes: readonly (ThemeFigures & { readonly theme: string })[]; readonly other: (ThemeFigures & { readonly themes: readonly string[] }) | null }>;
  };
  readonly atRisk: { readonly total: number; readonly pairs: readonly PairAtRisk[] };
  readonly notes: readonly string[];
}

/** The export as the tab receives it (it asks for JSON and saves the text itself). */
export interface ProgramExport {
  readonly fileName: string;
  readonly csv: string;
}
