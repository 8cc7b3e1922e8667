/**
 * A booking's sessions as the session rules see them (`src/core/sessions`). A session's id names
 * its booking and its place in the series, so a card's `sessionId` leads back to the stored row.
 */
import type { UserId } from '../core/ids.ts';
import { pairId, sessionId, type Session, type SessionId } from '../core/sessions/session.ts';
import { epochMs } from '../core/time.ts';
import type { BookingRecord } from '../store/bookings.ts';

/** Bookings whose series exists in calendars; their sessions are real. */
const LIVE_STATES: ReadonlySet<string> = new Set(['created', 'booked']);

/** The id of session `index` (the stored occurrence index) of `bookingId`. */
export const sessionIdOf = (bookingId: string, index: number): SessionId => sessionId(`${bookingId}#${index}`);

/** The booking id and occurrence index of a session id, or `undefined` for one Upward never made. */
export function parseSessionId(id: string): { bookingId: string; index: number } | undefined {
  const match = /^([0-9a-f-]{36})#(\d{1,4})$/.exec(id);
  return match ? { bookingId: match[1]!, index: Number(match[2]) } : undefined;
}

/** True when the booking has a series in calendars. */
export const isLive = (booking: BookingRecord): boolean => LIVE_STATES.has(booking.state);

/**
 * The booking's sessions in time order, numbered 1… among the sessions that were placed (an
 * unplaced one never existed for the pair); cancelled ones are kept, marked cancelled.
 */
export function sessionsOfBooking(booking: BookingRecord): Session[] {
  const people: UserId[] = [booking.organiser.userId, booking.attendee.userId];
  return booking.occurrences
    .filter((o) => o.status !== 'unplaced')
    .sort((a, b) => a.start - b.start || a.index - b.index)
    .map((o, position) => ({
      id: sessionIdOf(booking.id, o.index),
      pairId: pairId(booking.pairId),
      index: position + 1,
      start: epochMs(o.start),
      end: epochMs(o.end),
      people,
      ...(o.status === 'cancelled' ? { cancelled: true } : {}),
    }));
}
