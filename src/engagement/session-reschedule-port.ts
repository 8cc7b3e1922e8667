/**
 * The bot's reschedule port (src/teams/loop/ports.ts) over the scheduling service and the tab's
 * free-time source: the composition root passes both in (the engagement layer does not import
 * src/scheduling or src/server), typed here by the shape it uses.
 */
import type { Kysely } from 'kysely';
import { notFound } from '../core/errors.ts';
import type { TenantId, UserId } from '../core/ids.ts';
import type { SessionId } from '../core/sessions/session.ts';
import { epochMs } from '../core/time.ts';
import { bookingId, bookingRepository } from '../store/bookings.ts';
import type { Database } from '../store/schema.ts';
import type { AlternativeTime, SessionReschedulePort } from '../teams/loop/ports.ts';
import { parseSessionId } from './booking-sessions.ts';
import { loopSessionOf } from './loop-sessions.ts';

type Caller = { readonly userId: UserId; readonly isAdmin: boolean };

/** What `createSessionAlternativesSource` (src/server/routes/session-alternatives-source.ts) gives. */
export interface AlternativesSourceLike {
  alternatives(tenantId: TenantId, caller: Caller, bookingId: string, index: number): Promise<{ readonly alternatives: readonly { readonly start: string; readonly end: string }[] }>;
}

/** The scheduling service's `rescheduleSession`. */
export type RescheduleSessionFn = (tenantId: TenantId, actor: Caller, bookingId: string, index: number, input: { start?: string }) => Promise<unknown>;

/** The port over `source` and `reschedule`; people act as themselves, never as admins. */
export function sessionReschedulePort(db: Kysely<Database>, source: AlternativesSourceLike, reschedule: RescheduleSessionFn): SessionReschedulePort {
  const parts = (id: SessionId) => {
    const parsed = parseSessionId(id);
    if (parsed === undefined) throw notFound(`There is no session ${id}`);
    return parsed;
  };
  return {
    async alternatives(tenantId, userId, id) {
      const { bookingId: booking, index } = parts(id);
      const found = await source.alternatives(tenantId, { userId, isAdmin: false }, booking, index);
      return found.alternatives.map((a): AlternativeTime => ({ start: epochMs(Date.parse(a.start)), end: epochMs(Date.parse(a.end)) }));
    },

    async moveTo(tenantId, userId, id, start) {
      const { bookingId: booking, index } = parts(id);
      await reschedule(tenantId, { userId, isAdmin: false }, booking, index, { start: new Date(start).toISOString() });
      // Read back what was stored, so the card says where the session really is now.
      const stored = await bookingRepository(db).get(tenantId, bookingId(booking));
      const session = stored === undefined ? undefined : loopSessionOf(stored, id)?.session;
      if (session === undefined) throw notFound(`Session ${id} is gone after moving it`);
      return { start: session.start, end: session.end };
    },
  };
}
