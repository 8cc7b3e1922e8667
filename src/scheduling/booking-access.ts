import { notFound, UpwardError } from '../core/errors.ts';
import type { TenantId, UserId } from '../core/ids.ts';
import { bookingId, bookingRepository, type BookingRecord, type StoredOccurrence } from '../store/bookings.ts';
import type { SchedulingDeps } from './deps.ts';

/** Who asks: one of the pair may change their own booking; a program admin may change any. */
export interface Actor {
  readonly userId: UserId;
  readonly isAdmin: boolean;
}

/** True when the actor may see and change this booking. */
export const mayUse = (actor: Actor, b: BookingRecord): boolean =>
  actor.isAdmin || actor.userId.toLowerCase() === b.organiser.userId.toLowerCase() || actor.userId.toLowerCase() === b.attendee.userId.toLowerCase();

/** The booking, if the actor may use it. @throws `not_found` (also for other people's bookings: their existence is not told). */
export async function loadBooking(deps: SchedulingDeps, tenantId: TenantId, actor: Actor, id: string): Promise<BookingRecord> {
  const booking = await bookingRepository(deps.db).get(tenantId, bookingId(id));
  if (booking === undefined || !mayUse(actor, booking)) throw notFound(`There is no booking ${id}`);
  return booking;
}

/** The booking must be `booked` to change its sessions. */
export function requireBooked(b: BookingRecord): void {
  if (b.state !== 'booked') {
    throw new UpwardError('conflict', `The series of pair ${b.pairId} is ${b.state.replace('_', ' ')}, not booked, so its sessions cannot be changed`);
  }
}

/** A session that has not started and is still on. */
export function upcomingSession(b: BookingRecord, index: number, now: number): StoredOccurrence {
  const session = b.occurrences.find((o) => o.index === index);
  if (session === undefined) throw notFound(`The series of pair ${b.pairId} has no session ${index}`);
  if (session.status === 'cancelled' || session.status === 'unplaced') throw new UpwardError('conflict', `Session ${index} of pair ${b.pairId} is cancelled`);
  if (session.start <= now) throw new UpwardError('conflict', `Session ${index} of pair ${b.pairId} has already started`);
  return session;
}

/** The sessions still held, in order. */
export const heldSessions = (b: BookingRecord): StoredOccurrence[] =>
  b.occurrences.filter((o) => o.status !== 'cancelled' && o.status !== 'unplaced').sort((a, c) => a.start - c.start);

