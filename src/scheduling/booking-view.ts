import type { BookingRecord } from '../store/bookings.ts';
import { pairResult, type PairResult } from './progress.ts';

/** A session as people see it. */
export interface SessionView {
  readonly index: number;
  readonly date: string;
  readonly start: string;
  readonly end: string;
  /** `free`: at the series time. `moved`: an exception at another time. `unplaced`/`cancelled`: not held. */
  readonly status: string;
  readonly conflict: { readonly who: string; readonly note: string; readonly proposal: { start: string; end: string } | null } | null;
}

/** A pair's booked series with its explanation: what the personal tab and `upward schedule show` print. */
export interface BookingView {
  readonly bookingId: string;
  readonly programId: string;
  readonly pairId: string;
  readonly cycle: number;
  readonly state: string;
  readonly result: PairResult['result'];
  readonly organiser: { readonly name: string; readonly mailbox: string; readonly role: string };
  readonly attendee: { readonly name: string; readonly mailbox: string; readonly role: string };
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

const iso = (ms: number): string => new Date(ms).toISOString();

/** The view of a stored booking (ids, people, series, explanation, each session). */
export function bookingView(b: BookingRecord): BookingView {
  const person = (p: BookingRecord['organiser']) => ({ name: p.name, mailbox: p.mailbox, role: p.role });
  return {
    bookingId: b.id,
    programId: b.programId,
    pairId: b.pairId,
    cycle: b.cycle,
    state: b.state,
    result: pairResult(b).result,
    organiser: person(b.organiser),
    attendee: person(b.attendee),
    cadence: b.settings.cadence,
    durationMinutes: b.settings.durationMinutes,
    term: b.settings.term,
    series: b.plan === null
      ? null
      : { weekday: b.plan.weekday, localTime: b.plan.localTime, zone: b.plan.zone, attendeeLocalTimes: b.plan.attendeeLocalTimes, firstDate: b.plan.firstDate, lastDate: b.plan.lastDate },
    explanation: b.plan?.explanation ?? null,
    joinUrl: b.joinUrl,
    eventIds: b.series.flatMap((s) => (s.eventId === null ? [] : [s.eventId])),
    sessions: b.occurrences.map((o) => ({
      index: o.index,
      date: o.date,
      start: iso(o.start),
      end: iso(o.end),
      status: o.status,
      conflict: o.conflict === null
        ? null
        : { who: o.conflict.who, note: o.conflict.note, proposal: o.conflict.proposal === null ? null : { start: iso(o.conflict.proposal.start), end: iso(o.conflict.proposal.end) } },
    })),
    reasonCode: b.reasonCode,
    reason: b.reason,
  };
}
