import { Router, type Request } from 'express';
import { notFound } from '../../core/errors.ts';
import { actorOf, param } from './program-actor.ts';
import { summariseProgramHealth } from './program-health-summary.ts';
import type { ProgramHealthSource } from './program-health-source.ts';

/**
 * The caller's tenant, once they are known to administer the program: 403 without the
 * program-admin role, 404 for a program of other admins or of another organisation.
 */
export async function adminTenantOf(req: Request, source: ProgramHealthSource): Promise<string> {
  const actor = actorOf(req);
  await source.requireAdministered(actor, param(req, 'id'));
  return actor.tenantId;
}

/**
 * `GET /programs/:id/health`: the program's health for its own admins (see
 * program-health-summary.ts). The tenant always comes from the token, so another organisation's
 * program is simply not found, and so is one run by other admins.
 */
export function programHealthRoutes(source: ProgramHealthSource, now: () => number = Date.now): Router {
  const router = Router();
  router.get('/programs/:id/health', async (req, res) => {
    const tenantId = await adminTenantOf(req, source);
    const at = now();
    const facts = await source.facts(tenantId, param(req, 'id'), at);
    if (facts === undefined) throw notFound('No such program');
    res.set('Cache-Control', 'no-store').json({ health: summariseProgramHealth(facts, at) });
  });
  return router;
}
