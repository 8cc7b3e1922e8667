import { Router } from 'express';
import type { Kysely } from 'kysely';
import { PROGRAM_ADMIN_ROLE } from '../../auth/principal.ts';
import { forbidden, notFound } from '../../core/errors.ts';
import type { TenantId, UserId } from '../../core/ids.ts';
import { pairId } from '../../core/sessions/session.ts';
import { agendaBacklogRepository } from '../../store/agenda-backlog.ts';
import { pairingId, pairingRepository } from '../../store/pairings.ts';
import type { Database } from '../../store/schema.ts';
import { principalOf } from '../authenticate.ts';

/** One item of a pair's shared agenda backlog, as the tab shows it. */
export interface BacklogItemView {
  readonly id: string;
  readonly text: string;
  readonly link: string | null;
  /** True when the caller added it; the partner's name is on the pairing already. */
  readonly addedByMe: boolean;
  readonly addedAt: string;
  readonly done: boolean;
}

/** The pair's backlog for one of its members. */
export interface PairBacklogSource {
  /** @throws `not_found` for a pairing the caller is not in, `forbidden` for an admin outside it. */
  backlog(tenantId: TenantId, caller: { readonly userId: UserId; readonly isAdmin: boolean }, pairingId: string): Promise<BacklogItemView[]>;
}

/** The source over the store: the pairing says who is in it; the backlog is keyed by the pairing's id. */
export function createPairBacklogSource(db: Kysely<Database>): PairBacklogSource {
  return {
    async backlog(tenantId, caller, id) {
      const pairing = await pairingRepository(db).get(tenantId, pairingId(id));
      const me = caller.userId.toLowerCase();
      const member = pairing !== undefined && [pairing.mentorId, pairing.menteeId, pairing.coMentorId].some((m) => m !== null && m.toLowerCase() === me);
      if (!member) {
        // An admin can list the program's pairings, so the pairing is known to them; its agenda is the pair's own.
        if (pairing !== undefined && caller.isAdmin) throw forbidden("Only the pair may see their agenda backlog");
        throw notFound(`There is no pairing ${id}`);
      }
      const items = await agendaBacklogRepository(db).list(tenantId, pairId(id), { includeDone: true });
      return items.map((item) => ({
        id: item.id,
        text: item.text,
        link: item.link,
        addedByMe: item.addedBy.toLowerCase() === me,
        addedAt: new Date(item.addedAt).toISOString(),
        done: item.done,
      }));
    },
  };
}

/** `GET /api/me/pairings/:id/backlog`: the shared backlog of one of the caller's pairs, open items first. */
export function pairBacklogRoutes(source: PairBacklogSource): Router {
  const router = Router();
  router.get('/me/pairings/:id/backlog', async (req, res) => {
    const principal = principalOf(req);
    const caller = { userId: principal.userId, isAdmin: principal.roles.includes(PROGRAM_ADMIN_ROLE) };
    const items = await source.backlog(principal.tenantId, caller, String(req.params['id'] ?? ''));
    res.json({ items: [...items.filter((i) => !i.done), ...items.filter((i) => i.done)] });
  });
  return router;
}
