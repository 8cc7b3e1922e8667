import { UpwardError } from '../core/errors.ts';
import { findSeriesSlot } from '../core/scheduling/search.ts';
import type { Participant, SeriesPlan } from '../core/scheduling/types.ts';
import type { EpochMs } from '../core/time.ts';
import { interval, mergeIntervals, type Interval } from '../core/time/intervals.ts';
import type { BookingPerson, BookingRecord } from '../store/bookings.ts';
import { seriesTransactionId } from './deterministic-id.ts';
import { invitationText } from './event-content.ts';
import type { MailboxCalendar } from './read-calendars.ts';
import { newSeries } from './series-event.ts';

/** Why a pair could not be planned, as stored and shown. */
export interface PlanFailure {
  readonly state: 'no_slot' | 'failed';
  readonly code: string;
  readonly reason: string;
}

/** A booking after planning (planned, no slot or failed) and what its search cost. */
export interface PlannedBooking {
  readonly booking: BookingRecord;
  /** CPU time of the series search alone, in microseconds (measured for the benchmark). */
  readonly searchCpuMicros: number;
}

/**
 * Plans pairs one after another against calendars read once for everyone. After each plan its
 * sessions are added to both people's busy time, so a person in two pairs of the run is never
 * given two meetings at once, even though none of them is in Graph yet.
 *
 * `taken` holds times already promised by this run (planned or booked earlier, e.g. before a
 * restart); it is extended in place.
 */
export function planBookings(
  bookings: readonly BookingRecord[],
  calendars: { byMailbox: ReadonlyMap<string, MailboxCalendar>; failed: ReadonlyMap<string, string> },
  taken: Map<string, Interval[]>,
  now: EpochMs,
): PlannedBooking[] {
  const out: PlannedBooking[] = [];
  for (const booking of bookings) {
    const organiser = participantOf(booking.organiser, calendars, taken);
    const attendee = participantOf(booking.attendee, calendars, taken);
    const problem = [organiser, attendee].find((p): p is PlanFailure => 'state' in p);
    if (problem) {
      out.push({ booking: failed(booking, problem), searchCpuMicros: 0 });
      continue;
    }
    const started = process.cpuUsage();
    const startedWall = performance.now();
    let result: ReturnType<typeof findSeriesSlot>;
    try {
      result = findSeriesSlot({
        organiser: organiser as Participant,
        attendee: attendee as Participant,
        cadence: booking.settings.cadence,
        durationMinutes: booking.settings.durationMinutes,
        term: booking.settings.term,
        now,
      });
    } catch (error) {
      if (!(error instanceof UpwardError) || error.code !== 'bad_input') throw error;
      out.push({ booking: failed(booking, { state: 'failed', code: 'bad_input', reason: error.message }), searchCpuMicros: 0 });
      continue;
    }
    const searchCpuMicros = searchCpu(started, startedWall);
    if (result.kind === 'no-slot') {
      out.push({ booking: failed(booking, { state: 'no_slot', code: result.code, reason: result.reason }), searchCpuMicros });
      continue;
    }
    for (const o of result.occurrences) {
      if (o.status === 'unplaced') continue;
      for (const person of [booking.organiser, booking.attendee]) {
        const key = person.mailbox.toLowerCase();
        const list = taken.get(key) ?? [];
        list.push(interval(o.start, o.end));
        taken.set(key, list);
      }
    }
    out.push({ booking: withPlan(booking, result), searchCpuMicros });
  }
  return out;
}

function participantOf(
  person: BookingPerson,
  calendars: { byMailbox: ReadonlyMap<string, MailboxCalendar>; failed: ReadonlyMap<string, string> },
  taken: ReadonlyMap<string, Interval[]>,
): Participant | PlanFailure {
  const key = person.mailbox.toLowerCase();
  const calendar = calendars.byMailbox.get(key);
  if (calendar === undefined) {
    const why = calendars.failed.get(key) ?? 'Graph returned nothing for it';
    return { state: 'failed', code: 'unknown_person', reason: `Unknown person: ${person.name} (${person.mailbox}) has no calendar Upward can read (${why})` };
  }
  const hours = calendar.workingHours;
  if (hours === undefined) {
    return { state: 'failed', code: 'no_working_hours', reason: `${person.name} (${person.mailbox}) has no working hours in their mailbox settings` };
  }
  const extra = taken.get(key);
  return {
    id: person.userId,
    name: person.name,
    zone: hours.zone,
    workingHours: { daysOfWeek: hours.daysOfWeek, start: hours.start, end: hours.end, zone: hours.zone },
    busy: extra === undefined || extra.length === 0 ? calendar.busy : mergeIntervals([...calendar.busy, ...extra]),
  };
}

function failed(booking: BookingRecord, failure: PlanFailure): BookingRecord {
  return { ...booking, state: failure.state, reasonCode: failure.code, reason: failure.reason, plan: null, occurrences: [], series: [] };
}

/** The booking with its plan: sessions, the first series to create, and the invitation's body. */
export function withPlan(booking: BookingRecord, plan: SeriesPlan, segment = 0, firstIndex = 0): BookingRecord {
  const mentor = booking.organiser.role === 'mentor' ? booking.organiser : booking.attendee;
  const mentee = booking.organiser.role === 'mentee' ? booking.organiser : booking.attendee;
  const text = invitationText({
    programName: booking.settings.programName,
    mentorName: mentor.name,
    menteeName: mentee.name,
    agenda: booking.settings.agenda,
    explanation: plan.explanation,
  });
  const transactionId = segment === 0 ? booking.transactionId : seriesTransactionId(booking.tenantId, booking.programId, booking.pairId, booking.cycle, segment);
  const series = newSeries(segment, transactionId, plan.recurrence, plan.localTime, plan.durationMinutes);
  const kept = booking.occurrences.filter((o) => o.index < firstIndex);
  return {
    ...booking,
    state: 'planned',
    reasonCode: null,
    reason: null,
    settings: { ...booking.settings, subject: text.subject, bodyHtml: text.bodyHtml },
    plan: {
      zone: plan.zone,
      weekday: plan.weekday,
      localTime: plan.localTime,
      firstDate: plan.firstDate,
      lastDate: plan.lastDate,
      attendeeLocalTimes: plan.attendeeLocalTimes,
      recurrence: plan.recurrence,
      explanation: plan.explanation,
      conflicts: plan.conflicts,
      moved: plan.moved,
      unplaced: plan.unplaced,
    },
    occurrences: [
      ...kept,
      ...plan.occurrences.map((o) => ({
        index: firstIndex + o.index,
        date: o.date,
        originalStart: o.originalStart,
        start: o.start,
        end: o.end,
        status: o.status,
        segment,
        conflict: null,
      })),
    ],
    series: [...booking.series.filter((s) => s.segment < segment), series],
  };
}

/**
 * The search's CPU time in microseconds. Both the process's CPU time (which also counts V8's
 * background compiler and GC threads, in 4 ms ticks here) and the wall time (which also counts
 * time the OS gave to other processes) are upper bounds of the search's own CPU time on this
 * thread; the smaller one is the tighter honest figure.
 */
function searchCpu(started: NodeJS.CpuUsage, startedWall: number): number {
  const used = process.cpuUsage(started);
  return Math.min(used.user + used.system, Math.round((performance.now() - startedWall) * 1000));
}
