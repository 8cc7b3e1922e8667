/**
 * The bot's pause and leave (src/teams/loop/ports.ts `MembershipPort`) over the program services
 * (enrolment pause and no-fault exit) and scheduling (cancelling sessions and series), acting as
 * the person themselves: the services check, as for the tab, that it is their own enrolment and
 * their own booking.
 */
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { TenantId, UserId } from '../core/ids.ts';
import type { EpochMs, IanaZone } from '../core/time.ts';
import { bookingRepository, type BookingRecord } from '../store/bookings.ts';
import { enrolmentRepository } from '../store/enrolments.ts';
import { pairingRepository } from '../store/pairings.ts';
import { programRepository } from '../store/programs.ts';
import type { Database } from '../store/schema.ts';
import type { LoopMembership, MembershipPort } from '../teams/loop/ports.ts';
import { isLive, sessionsOfBooking } from './booking-sessions.ts';

type Actor = { readonly tenantId: TenantId; readonly userId: UserId; readonly isAdmin: boolean };

/** The program services' enrolment changes this needs (ProgramServices['enrolments'] fits). */
export interface EnrolmentChanges {
  pause(actor: Actor, programId: string, body: unknown): Promise<unknown>;
  leave(actor: Actor, programId: string, body: unknown): Promise<unknown>;
}

/** The scheduling service's cancellations this needs (SchedulingService fits). */
export interface BookingCancellations {
  cancelSession(tenantId: TenantId, actor: Actor, bookingId: string, index: number): Promise<unknown>;
  cancelBooking(tenantId: TenantId, actor: Actor, bookingId: string): Promise<unknown>;
}

export interface MembershipOptions {
  readonly db: Kysely<Database>;
  readonly enrolments: () => EnrolmentChanges;
  readonly scheduling: () => BookingCancellations;
  readonly now: () => number;
  readonly log: Logger;
}

export function membershipPort(options: MembershipOptions): MembershipPort {
  const { db } = options;
  const actorOf = (tenantId: TenantId, userId: UserId): Actor => ({ tenantId, userId, isAdmin: false });
  const liveBookings = async (tenantId: TenantId, userId: UserId): Promise<BookingRecord[]> =>
    (await bookingRepository(db).listForUser(tenantId, userId)).filter(isLive);
  const upcomingBefore = (booking: BookingRecord, until: number) => {
    const now = options.now();
    return sessionsOfBooking(booking).filter((s) => !s.cancelled && s.start > now && s.start < until);
  };

  return {
    async programsOf(tenantId, userId) {
      const enrolments = (await enrolmentRepository(db).listForUser(tenantId, userId)).filter((e) => e.left === null);
      const running = await pairingRepository(db).listForUser(tenantId, userId, { runningOnly: true });
      const memberships: LoopMembership[] = [];
      for (const enrolment of [...enrolments].sort((a, b) => b.enrolledAt - a.enrolledAt)) {
        const program = await programRepository(db).get(tenantId, enrolment.programId);
        if (program === undefined) continue;
        const partnerIds = running
          .filter((p) => p.programId === enrolment.programId)
          .flatMap((p) => [p.mentorId, p.menteeId, ...(p.coMentorId === null ? [] : [p.coMentorId])])
          .filter((id) => id !== userId);
        const partners = [];
        for (const id of new Set(partnerIds)) {
          const partner = await enrolmentRepository(db).get(tenantId, enrolment.programId, id);
          partners.push({ userId: id, name: partner?.profile.displayName ?? 'your partner' });
        }
        memberships.push({ programId: program.id, programName: program.name, partners });
      }
      return memberships;
    },

    async sessionsBefore(tenantId, userId, until) {
      let count = 0;
      for (const booking of await liveBookings(tenantId, userId)) count += upcomingBefore(booking, until).length;
      return count;
    },

    async pause(tenantId, userId, until: EpochMs) {
      const actor = actorOf(tenantId, userId);
      for (const enrolment of (await enrolmentRepository(db).listForUser(tenantId, userId)).filter((e) => e.left === null)) {
        await options.enrolments().pause(actor, enrolment.programId, { pausedUntil: new Date(until).toISOString() });
      }
      // Sessions already cancelled are skipped, so a repeated confirm cancels nothing twice.
      for (const booking of await liveBookings(tenantId, userId)) {
        for (const session of upcomingBefore(booking, until)) {
          const index = Number(session.id.slice(session.id.lastIndexOf('#') + 1));
          await options.scheduling().cancelSession(tenantId, actor, booking.id, index);
        }
      }
    },

    async leftProgramName(tenantId, userId, programId) {
      const enrolment = (await enrolmentRepository(db).listForUser(tenantId, userId)).find((e) => e.programId === programId && e.left !== null);
      if (enrolment === undefined) return undefined;
      return (await programRepository(db).get(tenantId, enrolment.programId))?.name;
    },

    async leave(tenantId, userId, programId) {
      const actor = actorOf(tenantId, userId);
      await options.enrolments().leave(actor, programId, {});
      for (const booking of await liveBookings(tenantId, userId)) {
        if (booking.programId !== programId) continue;
        try {
          await options.scheduling().cancelBooking(tenantId, actor, booking.id);
        } catch (error) {
          // The exit itself is done and the partner told; a series left in calendars is the admin's to cancel.
          options.log.error({ err: error, bookingId: booking.id }, 'left the program, but could not cancel the series');
        }
      }
    },
  };
}

/** The person's time zone as their latest enrolment recorded it from the directory, if any. */
export function enrolledZone(db: Kysely<Database>): (tenantId: TenantId, userId: UserId) => Promise<IanaZone | undefined> {
  return async (tenantId, userId) => {
    const enrolments = await enrolmentRepository(db).listForUser(tenantId, userId);
    return [...enrolments].sort((a, b) => b.enrolledAt - a.enrolledAt)[0]?.profile.timeZone;
  };
}
