/** The bot's session ports (src/teams/loop/ports.ts) over stored bookings. */
import type { Kysely } from 'kysely';
import type { TenantId, UserId } from '../core/ids.ts';
import { nextSessionOf, type SessionId } from '../core/sessions/session.ts';
import { bookingId, bookingRepository, type BookingRecord } from '../store/bookings.ts';
import type { Database } from '../store/schema.ts';
import type { LoopSession, LoopSessionPort, NextSessionPort } from '../teams/loop/ports.ts';
import { isLive, parseSessionId, sessionIdOf, sessionsOfBooking } from './booking-sessions.ts';
import { withCardContext } from './session-context.ts';

/** One session of a booking with its pair's context, or `undefined` if the booking has no such session. */
export function loopSessionOf(booking: BookingRecord, id: SessionId): LoopSession | undefined {
  const pairSessions = sessionsOfBooking(booking);
  const session = pairSessions.find((s) => s.id === id);
  if (session === undefined) return undefined;
  return {
    session,
    count: pairSessions.filter((s) => !s.cancelled).length,
    people: [
      { userId: booking.organiser.userId, name: booking.organiser.name },
      { userId: booking.attendee.userId, name: booking.attendee.name },
    ],
    pairSessions,
    nextStart: nextSessionOf(session, pairSessions)?.start ?? null,
    joinUrl: joinUrlOf(booking, id),
    programId: booking.programId,
  };
}

/** The join link of the series holding the session (a "reschedule the rest" starts a new one), else the booking's. */
function joinUrlOf(booking: BookingRecord, id: SessionId): string | null {
  const segment = booking.occurrences.find((o) => sessionIdOf(booking.id, o.index) === id)?.segment;
  return booking.series.find((s) => s.segment === segment)?.joinUrl ?? booking.joinUrl;
}

/** Sessions by id, and each person's next session, from the tenant's bookings, with their cards' context. */
export function bookingSessionPort(db: Kysely<Database>): LoopSessionPort & NextSessionPort {
  const bookings = bookingRepository(db);
  return {
    async find(tenantId: TenantId, id: SessionId, options?: { withTrack?: boolean }) {
      const parsed = parseSessionId(id);
      if (parsed === undefined) return undefined;
      const booking = await bookings.get(tenantId, bookingId(parsed.bookingId));
      const found = booking === undefined || !isLive(booking) ? undefined : loopSessionOf(booking, id);
      return found === undefined ? undefined : withCardContext(db, booking!, found, { track: options?.withTrack === true });
    },

    async nextFor(tenantId: TenantId, userId: UserId, now: number) {
      let best: { booking: BookingRecord; found: LoopSession } | undefined;
      for (const booking of await bookings.listForUser(tenantId, userId)) {
        if (!isLive(booking)) continue;
        const next = sessionsOfBooking(booking).find((s) => !s.cancelled && s.end > now);
        const found = next === undefined ? undefined : loopSessionOf(booking, next.id);
        if (found !== undefined && (best === undefined || found.session.start < best.found.session.start)) best = { booking, found };
      }
      return best === undefined ? undefined : withCardContext(db, best.booking, best.found, { track: true });
    },
  };
}
