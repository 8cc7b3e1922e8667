import { cancelEvents, createEvents } from '../graph/events.ts';
import { GraphRequestError } from '../graph/graph-step-error.ts';
import type { BookingRecord, StoredOccurrence, StoredSeries } from '../store/bookings.ts';
import type { GraphContext } from './graph-context.ts';
import { bookingEventBody } from './series-event.ts';
import { applySessionChanges, type SessionChange } from './session-changes.ts';

/**
 * A booking after a Graph step, and the throttling or outage error that left it unfinished (it
 * is then unchanged and safe to retry: the transaction id makes a repeated create harmless).
 */
export interface StepResult {
  readonly booking: BookingRecord;
  readonly transient?: GraphRequestError;
}

/** The comment attendees see when Upward cancels a session that has no free time near it. */
export const UNPLACED_COMMENT = 'Upward could not find a time you are both free near this date, so this session is cancelled. Pick another time in Upward.';

const pending = (b: BookingRecord): StoredSeries | undefined => b.series.find((s) => s.eventId === null);
const sessionsOf = (b: BookingRecord, segment: number): StoredOccurrence[] => b.occurrences.filter((o) => o.segment === segment);
const needsChanges = (b: BookingRecord, segment: number): boolean => sessionsOf(b, segment).some((o) => o.status === 'moved' || o.status === 'unplaced');

/**
 * Creates the not-yet-created series of each planned booking in its organiser's calendar, in JSON
 * batches. A booking whose series needs no moved session is `booked` at once; one that does
 * becomes `created` (sessions are changed next). Graph's refusal fails the booking with Graph's
 * code; throttling beyond the budget leaves it `planned` for a retry.
 */
export async function createPlannedSeries(ctx: GraphContext, bookings: readonly BookingRecord[]): Promise<StepResult[]> {
  const work = bookings.flatMap((booking) => {
    const series = pending(booking);
    return series === undefined ? [] : [{ booking, series }];
  });
  const created = await createEvents(
    ctx.client,
    work.map(({ booking, series }) => ({
      key: booking.id,
      userId: booking.organiser.userId,
      body: bookingEventBody(booking, series),
      what: `the meeting series of pair ${booking.pairId}`,
    })),
    ctx.batch,
  );
  return bookings.map((booking): StepResult => {
    const series = pending(booking);
    if (series === undefined) return { booking };
    const answer = created.get(booking.id);
    if (answer === undefined) return { booking, transient: new GraphRequestError('unavailable', `Microsoft Graph gave no answer for the series of pair ${booking.pairId}`, 0, 'NoAnswer') };
    if (!answer.ok) {
      if (answer.error.code === 'unavailable') return { booking, transient: answer.error };
      return { booking: { ...booking, state: 'failed', reasonCode: answer.error.graphCode, reason: answer.error.message } };
    }
    const event = answer.value;
    const done: StoredSeries = { ...series, eventId: event.id, iCalUId: event.iCalUId ?? null, joinUrl: event.joinUrl ?? null };
    // The booking's first live series gives the columns support looks up by.
    const first = booking.series.every((s) => s.segment >= series.segment);
    return {
      booking: {
        ...booking,
        state: needsChanges(booking, series.segment) ? 'created' : 'booked',
        series: booking.series.map((s) => (s.segment === series.segment ? done : s)),
        eventId: first ? event.id : booking.eventId,
        joinUrl: first ? (event.joinUrl ?? null) : booking.joinUrl,
      },
    };
  });
}

/**
 * For `created` bookings: moves each clashing session to its planned free time (an exception)
 * and cancels each session no free time was found for. If Graph refuses, the whole series is
 * cancelled and the booking failed, so nobody keeps a half-booked series with clashes in it.
 */
export async function finishSessions(ctx: GraphContext, bookings: readonly BookingRecord[]): Promise<StepResult[]> {
  const items = bookings.map((booking) => {
    const series = latestCreated(booking);
    const changes = sessionsOf(booking, series.segment).flatMap((o): SessionChange[] => {
      if (o.status === 'moved') return [{ kind: 'move', originalStart: o.originalStart, start: o.start, end: o.end }];
      if (o.status === 'unplaced') return [{ kind: 'cancel', originalStart: o.originalStart, comment: UNPLACED_COMMENT }];
      return [];
    });
    return { key: booking.id, userId: booking.organiser.userId, seriesId: series.eventId!, what: `the series of pair ${booking.pairId}`, changes };
  });
  const outcomes = await applySessionChanges(ctx, items);
  const rollback: BookingRecord[] = [];
  const results = new Map<string, StepResult>();
  for (const booking of bookings) {
    const outcome = outcomes.get(booking.id)!;
    if (outcome.ok) results.set(booking.id, { booking: { ...booking, state: 'booked' } });
    else if (outcome.error.code === 'unavailable') results.set(booking.id, { booking, transient: outcome.error });
    else {
      rollback.push(booking);
      results.set(booking.id, {
        booking: {
          ...booking,
          state: 'failed',
          reasonCode: outcome.error.graphCode,
          reason: `${outcome.error.message}; the series was cancelled so that nothing is left half-booked`,
          occurrences: booking.occurrences.map((o) => ({ ...o, status: 'cancelled' as const })),
        },
      });
    }
  }
  if (rollback.length > 0) {
    const cancelled = await cancelEvents(
      ctx.client,
      rollback.map((b) => ({
        key: b.id,
        userId: b.organiser.userId,
        eventId: latestCreated(b).eventId!,
        comment: 'Upward could not finish booking this series and has cancelled it.',
        what: `the series of pair ${b.pairId}`,
      })),
      ctx.batch,
    );
    for (const b of rollback) {
      const answer = cancelled.get(b.id);
      // Could not even cancel: keep it `created` so the next attempt finishes or cancels it.
      if (answer !== undefined && !answer.ok) results.set(b.id, { booking: b, transient: answer.error });
    }
  }
  return bookings.map((b) => results.get(b.id)!);
}

function latestCreated(booking: BookingRecord): StoredSeries {
  const created = booking.series.filter((s) => s.eventId !== null);
  const last = created[created.length - 1];
  if (last === undefined) throw new Error(`booking ${booking.id} has no created series`);
  return last;
}
