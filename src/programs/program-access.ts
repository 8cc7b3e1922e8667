/**
 * Program ownership for routes that live outside the program use cases (program health, the CSV
 * export, scheduling runs and bookings, a pair's backlog): the same rule as `administeredProgram`,
 * asked by program id, or through a booking or a pairing to the program it belongs to.
 */
import type { Kysely } from 'kysely';
import { notFound } from '../core/errors.ts';
import type { TenantId, UserId } from '../core/ids.ts';
import { bookingId, bookingRepository } from '../store/bookings.ts';
import { pairingId, pairingRepository } from '../store/pairings.ts';
import type { Database } from '../store/schema.ts';
import { adminAccessTo, requireAdmin } from './access.ts';
import type { Actor } from './ports.ts';
import { reposOf } from './repositories.ts';

/** What a booking or pairing is, for deciding who may act on it. */
export interface ProgramThing {
  readonly programId: string;
  /** The pair's people: they act on their own booking or pairing whatever their role. */
  readonly people: readonly UserId[];
}

export interface ProgramAccess {
  /** @throws `forbidden` without the program-admin role, `not_found` for a program the caller does not administer. */
  requireAdministered(actor: Actor, programId: string): Promise<void>;
  /** True when the caller holds the role and administers the program (or it is unclaimed). */
  administers(actor: Actor, programId: string): Promise<boolean>;
  /** The booking's program and pair, or undefined when the tenant has no such booking. */
  booking(tenantId: TenantId, id: string): Promise<ProgramThing | undefined>;
  /** The pairing's program and pair, or undefined when the tenant has no such pairing. */
  pairing(tenantId: TenantId, id: string): Promise<ProgramThing | undefined>;
}

export function programAccess(db: Kysely<Database>): ProgramAccess {
  return {
    // The same answers as `administeredProgram`, from two small reads: the program's settings are
    // not needed here, and health asks this on every request.
    async requireAdministered(actor, programId) {
      requireAdmin(actor);
      const found = await db.selectFrom('programs').select('id').where('tenant_id', '=', actor.tenantId).where('id', '=', programId).executeTakeFirst();
      if (found === undefined || (await adminAccessTo(reposOf(db), actor, found.id)) === undefined) throw notFound(`No program ${programId} in your organisation`);
    },
    async administers(actor, programId) {
      if (!actor.isAdmin) return false;
      return (await adminAccessTo(reposOf(db), actor, programId)) !== undefined;
    },
    async booking(tenantId, id) {
      const b = await bookingRepository(db).get(tenantId, bookingId(id));
      return b === undefined ? undefined : { programId: b.programId, people: [b.organiser.userId, b.attendee.userId] };
    },
    async pairing(tenantId, id) {
      const p = await pairingRepository(db).get(tenantId, pairingId(id));
      return p === undefined ? undefined : { programId: p.programId, people: [p.mentorId, p.menteeId, ...(p.coMentorId === null ? [] : [p.coMentorId])] };
    },
  };
}

/** True when `userId` is one of the pair. Ids are compared without case, as the directory does. */
export const isOneOf = (thing: ProgramThing, userId: UserId): boolean => thing.people.some((p) => p.toLowerCase() === userId.toLowerCase());

/** For callers that want the `not_found` the use cases give, e.g. a scheduling run of another admin's program. */
export const notAdministered = (what: string) => notFound(`There is no ${what} in your programs`);
