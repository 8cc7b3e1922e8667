import { Router, type Request } from 'express';
import type { ProgramHealthResponse } from '../../contracts/program-health.ts';
import { notFound } from '../../core/errors.ts';
import { actorOf, param } from './program-actor.ts';
import { summariseProgramHealth } from './program-health-summary.ts';
import type { ProgramHealthFacts, ProgramHealthSource } from './program-health-source.ts';

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
  // The source hands out the same facts object while it caches them, so each one is summarised
  // once (a large program's summary is a few hundred ms of CPU) and every admin reloading in that
  // window shares it; the summary is as fresh as the facts it was made from.
  const summaries = new WeakMap<ProgramHealthFacts, ReturnType<typeof summariseProgramHealth>>();
  router.get('/programs/:id/health', async (req, res) => {
    const tenantId = await adminTenantOf(req, source);
    const at = now();
    const facts = await source.facts(tenantId, param(req, 'id'), at);
    if (facts === undefined) throw notFound('No such program');
    let health = summaries.get(facts);
    if (health === undefined) summaries.set(facts, (health = summariseProgramHealth(facts, at)));
    res.set('Cache-Control', 'no-store').json({ health } satisfies ProgramHealthResponse);
  });
  return router;
}
