/** Shapes of a participant's sessions, mirroring `src/scheduling/booking-view.ts` and the personal routes. */

/** One occurrence of a booked series. */
export interface SessionView {
  readonly index: number;
  readonly date: string;
  readonly start: string;
  readonly end: string;
  /** `free`: at the series time; `moved`: an exception at another time; `unplaced`/`cancelled`: not held. */
  readonly status: string;
  readonly conflict: { readonly who: string; readonly note: string; readonly proposal: { readonly start: string; readonly end: string } | null } | null;
}

/** A person of a booking. */
export interface BookingPerson {
  readonly name: string;
  readonly mailbox: string;
  readonly role: string;
}

/** A pair's booked series. */
export interface BookingView {
  readonly bookingId: string;
  readonly programId: string;
  /** The pairing's id. */
  readonly pairId: string;
  readonly cycle: number;
  readonly state: string;
  readonly organiser: BookingPerson;
  readonly attendee: BookingPerson;
  readonly cadence: string;
  readonly durationMinutes: number;
  readonly series: { readonly weekday: string; readonly localTime: string; readonly zone: string } | null;
  readonly explanation: string | null;
  readonly joinUrl: string | null;
  readonly sessions: readonly SessionView[];
}

/** A time both people are free. */
export interface TimeSlot {
  readonly start: string;
  readonly end: string;
}

/** `GET /scheduling/bookings/:id/sessions/:index/alternatives`. */
export interface SessionAlternatives {
  readonly bookingId: string;
  readonly index: number;
  readonly current: TimeSlot;
  readonly zone: string;
  readonly durationMinutes: number;
  readonly alternatives: readonly TimeSlot[];
}

/** One item of the pair's agenda backlog. */
export interface BacklogItem {
  readonly id: string;
  readonly text: string;
  readonly link: string | null;
  readonly addedByMe: boolean;
  readonly addedAt: string;
  readonly done: boolean;
}

/** My own feedback on one session (only mine: `GET /me/feedback`). */
export interface MyFeedback {
  readonly key: string;
  readonly sessionId: string;
  readonly pairId: string;
  readonly happened?: 'held' | 'no-show' | 'rescheduled';
  readonly rating?: number | null;
  readonly learned?: string;
  readonly taught?: string;
  readonly action?: string;
  readonly shareWithPartner?: boolean;
  /** Epoch milliseconds of the session's scheduled end. */
  readonly sessionEnd: number;
  readonly submittedAt: number;
}
