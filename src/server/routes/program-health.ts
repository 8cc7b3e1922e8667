import { Router, type Request } from 'express';
import { forbidden, notFound } from '../../core/errors.ts';
import { actorOf, param } from './program-actor.ts';
import { summariseProgramHealth } from './program-health-summary.ts';
import type { ProgramHealthSource } from './program-health-source.ts';

/** The caller's tenant, after refusing anyone without the program-admin role (403). */
export function adminTenantOf(req: Request): string {
  const actor = actorOf(req);
  if (!actor.isAdmin) throw forbidden('Only program admins can see program health and exports');
  return actor.tenantId;
}

/**
 * `GET /programs/:id/health`: the program's health for its admins (see program-health-summary.ts).
 * The tenant always comes from the token, so another organisation's program is simply not found.
 */
export function programHealthRoutes(source: ProgramHealthSource, now: () => number = Date.now): Router {
  const router = Router();
  router.get('/programs/:id/health', async (req, res) => {
    const tenantId = adminTenantOf(req);
    const at = now();
    const facts = await source.facts(tenantId, param(req, 'id'), at);
    if (facts === undefined) throw notFound('No such program');
    res.set('Cache-Control', 'no-store').json({ health: summariseProgramHealth(facts, at) });
  });
  return router;
}
