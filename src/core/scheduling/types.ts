import type { EpochMs, IanaZone } from '../time.ts';
import type { Interval } from '../time/intervals.ts';
import type { DayOfWeek } from '../time/local-date.ts';

/** How often a pair meets. Monthly means the same weekday of the month (Graph `relativeMonthly`). */
export type Cadence = 'weekly' | 'biweekly' | 'monthly';
export const CADENCES: readonly Cadence[] = ['weekly', 'biweekly', 'monthly'];

export type SessionMinutes = 30 | 45 | 60;
export const SESSION_MINUTES: readonly SessionMinutes[] = [30, 45, 60];

/** Graph's `relativeMonthly` index: which of the month's weekdays. */
export type MonthlyIndex = 'first' | 'second' | 'third' | 'fourth' | 'last';

/** The dates a program runs, `YYYY-MM-DD` in the organiser's zone, both inclusive (like Graph's recurrence range). */
export interface Term {
  readonly start: string;
  readonly end: string;
}

/** One side of the pair, as the caller read them from Graph (or anywhere else). */
export interface Participant {
  readonly id: string;
  /** Shown in explanations and reasons; the id is used when absent. */
  readonly name?: string;
  /** The person's own zone (mailbox setting): IANA or Windows name. The organiser's is the series' zone. */
  readonly zone: string;
  readonly workingHours: {
    readonly daysOfWeek: readonly string[];
    readonly start: string;
    readonly end: string;
    /** Zone the working hours are written in; the person's `zone` when absent. */
    readonly zone?: string;
  };
  /**
   * Times the person cannot meet — busy, and whatever else the caller decides (tentative,
   * out of office). Any order, overlaps allowed.
   */
  readonly busy: readonly Interval[];
}

export interface SeriesRequest {
  /** Books the series; its zone keeps every occurrence at the same local time, as Outlook does. */
  readonly organiser: Participant;
  readonly attendee: Participant;
  readonly cadence: Cadence;
  readonly durationMinutes: SessionMinutes;
  readonly term: Term;
  /** The present instant; the first session is never before the organiser's next day. */
  readonly now: EpochMs;
}

/**
 * `free`: at the series time, both free. `moved`: the series time clashes, the session happens at
 * `movedTo` (an exception to the series). `unplaced`: it clashes and no shared free time was
 * found between the neighbouring sessions; someone has to decide.
 */
export type OccurrenceStatus = 'free' | 'moved' | 'unplaced';

export interface PlannedOccurrence {
  /** 0-based position in the series. */
  readonly index: number;
  /** The series date, `YYYY-MM-DD` in the organiser's zone. */
  readonly date: string;
  /** When the series places it (Graph's `originalStart` for an exception). */
  readonly originalStart: EpochMs;
  /** When it actually happens: `movedTo` if moved, else the series time. */
  readonly start: EpochMs;
  readonly end: EpochMs;
  readonly status: OccurrenceStatus;
  readonly movedTo?: Interval;
}

/** Why this candidate won, in the order candidates are compared (lower is better everywhere). */
export interface SeriesScore {
  /** How many fewer dates this series has than the longest option in the term; each counts like a clash. */
  readonly shortfall: number;
  /** Occurrences whose series time clashes (moved or unplaced). Compared as `shortfall + conflicts`. */
  readonly conflicts: number;
  /** Clashing occurrences with no nearby shared free slot. */
  readonly unplaced: number;
  /** organiserInconvenience + attendeeInconvenience. */
  readonly fairness: number;
  /** Mean inconvenience at the series time, ×1000 and rounded, per person (see fairness.ts). */
  readonly organiserInconvenience: number;
  readonly attendeeInconvenience: number;
  readonly firstStart: EpochMs;
}

/** The recurrence as Graph's event `recurrence` spells it. */
export interface SeriesRecurrence {
  readonly pattern: {
    readonly type: 'weekly' | 'relativeMonthly';
    readonly interval: 1 | 2;
    readonly daysOfWeek: readonly [DayOfWeek];
    readonly index?: MonthlyIndex;
    readonly firstDayOfWeek: 'monday';
  };
  readonly range: {
    readonly type: 'endDate';
    readonly startDate: string;
    readonly endDate: string;
    readonly recurrenceTimeZone: IanaZone;
  };
}

export interface SeriesPlan {
  readonly kind: 'plan';
  readonly cadence: Cadence;
  readonly durationMinutes: SessionMinutes;
  /** The organiser's zone: the series' recurrence zone. */
  readonly zone: IanaZone;
  readonly weekday: DayOfWeek;
  /** `HH:mm` in `zone`. */
  readonly localTime: string;
  readonly monthlyIndex?: MonthlyIndex;
  /** First and last series dates, `YYYY-MM-DD` in `zone`. */
  readonly firstDate: string;
  readonly lastDate: string;
  /** The attendee's local `HH:mm` for the series time, in order of first appearance (more than one when clocks change). */
  readonly attendeeLocalTimes: readonly string[];
  readonly recurrence: SeriesRecurrence;
  readonly occurrences: readonly PlannedOccurrence[];
  readonly conflicts: number;
  readonly moved: number;
  readonly unplaced: number;
  readonly score: SeriesScore;
  /** One or two sentences for people. */
  readonly explanation: string;
}

export type NoSlotCode = 'no-shared-working-hours' | 'fully-booked';

export interface NoSlot {
  readonly kind: 'no-slot';
  readonly code: NoSlotCode;
  /** Names the people, their zones and hours, and what is in the way. */
  readonly reason: string;
}

export type SeriesResult = SeriesPlan | NoSlot;
