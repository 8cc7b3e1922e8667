/** A pair's booked series and its sessions, and the free times one session could move to. */
import type { PairResult } from './scheduling-runs.ts';

/** A start and end (ISO instants). */
export interface TimeSlot {
  readonly start: string;
  readonly end: string;
}

/** One occurrence of a booked series. */
export interface SessionView {
  readonly index: number;
  readonly date: string;
  readonly start: string;
  readonly end: string;
  /** `free`: at the series time; `moved`: an exception at another time; `unplaced`/`cancelled`: not held. */
  readonly status: string;
  readonly conflict: { readonly who: string; readonly note: string; readonly proposal: TimeSlot | null } | null;
}

/** A person of a booking. */
export interface BookingPerson {
  readonly name: string;
  readonly mailbox: string;
  readonly role: string;
}

/** A pair's booked series with its explanation: what the personal tab and `upward schedule show` print. */
export interface BookingView {
  readonly bookingId: string;
  readonly programId: string;
  /** The pairing's id. */
  readonly pairId: string;
  readonly cycle: number;
  readonly state: string;
  readonly result: PairResult['result'];
  readonly organiser: BookingPerson;
  readonly attendee: BookingPerson;
  readonly cadence: string;
  readonly durationMinutes: number;
  readonly term: { readonly start: string; readonly end: string };
  /** Weekday and local time in the organiser's zone, and the attendee's local time(s). */
  readonly series: {
    readonly weekday: string;
    readonly localTime: string;
    readonly zone: string;
    readonly attendeeLocalTimes: readonly string[];
    readonly firstDate: string;
    readonly lastDate: string;
  } | null;
  readonly explanation: string | null;
  readonly joinUrl: string | null;
  readonly eventIds: readonly string[];
  readonly sessions: readonly SessionView[];
  readonly reasonCode: string | null;
  readonly reason: string | null;
}

/** `GET /api/scheduling/bookings/:id/sessions/:index/alternatives`: what the reschedule dialog offers. */
export interface SessionAlternatives {
  readonly bookingId: string;
  readonly index: number;
  readonly current: TimeSlot;
  /** The series' zone (the organiser's); alternatives start on its quarter hours. */
  readonly zone: string;
  readonly durationMinutes: number;
  /** Times both people are free for the whole session, in time order. */
  readonly alternatives: readonly TimeSlot[];
}

/** `GET /api/me/bookings`: the caller's pairs' series. */
export interface MyBookingsResponse {
  readonly bookings: readonly BookingView[];
}
