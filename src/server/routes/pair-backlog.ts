import { Router, type Request } from 'express';
import { PROGRAM_ADMIN_ROLE } from '../../auth/principal.ts';
import type { BacklogAdded, BacklogResponse } from '../../contracts/backlog.ts';
import { principalOf } from '../authenticate.ts';
import type { PairBacklogSource } from './pair-backlog-source.ts';

export { createPairBacklogSource, type BacklogItemView, type PairBacklogSource } from './pair-backlog-source.ts';

const callerOf = (req: Request) => {
  const principal = principalOf(req);
  return { tenantId: principal.tenantId, caller: { userId: principal.userId, isAdmin: principal.roles.includes(PROGRAM_ADMIN_ROLE) } };
};

/**
 * A pair's shared backlog for its two people: `GET /api/me/pairings/:id/backlog` (open items
 * first) and `POST /api/me/pairings/:id/backlog {text, link?, id?}` (201 when added, 200 when
 * that id was already there; 400 naming the field for bad input, and nothing is stored).
 */
export function pairBacklogRoutes(source: PairBacklogSource): Router {
  const router = Router();
  router.get('/me/pairings/:id/backlog', async (req, res) => {
    const { tenantId, caller } = callerOf(req);
    const items = await source.backlog(tenantId, caller, String(req.params['id'] ?? ''));
    res.json({ items: [...items.filter((i) => !i.done), ...items.filter((i) => i.done)] } satisfies BacklogResponse);
  });
  router.post('/me/pairings/:id/backlog', async (req, res) => {
    const { tenantId, caller } = callerOf(req);
    const { added, item } = await source.add(tenantId, caller, String(req.params['id'] ?? ''), req.body);
    res.status(added ? 201 : 200).json({ added, item } satisfies BacklogAdded);
  });
  return router;
}
