import type { BookingView } from '../contracts/bookings.ts';
import { ianaZone } from '../core/time.ts';
import { currentZoneName } from '../core/time/zone-names.ts';
import type { BookingRecord } from '../store/bookings.ts';
import { pairResult } from './progress.ts';
import { storedExplanation } from './stored-explanation.ts';

// A pair's booked series as the personal tab and `upward schedule show` print it: the wire contract.
export type { BookingView, SessionView } from '../contracts/bookings.ts';

const iso = (ms: number): string => new Date(ms).toISOString();

/** The view of a stored booking (ids, people, series, explanation, each session); its zone under its current name. */
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
      : { weekday: b.plan.weekday, localTime: b.plan.localTime, zone: currentZoneName(ianaZone(b.plan.zone)), attendeeLocalTimes: b.plan.attendeeLocalTimes, firstDate: b.plan.firstDate, lastDate: b.plan.lastDate },
    explanation: storedExplanation(b.plan),
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
