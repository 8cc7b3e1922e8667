import { Router, type NextFunction, type Request, type Response } from 'express';
import { notFound } from '../../core/errors.ts';
import { isOneOf, type ProgramAccess } from '../../programs/program-access.ts';
import type { SchedulingService } from '../../scheduling/scheduling-service.ts';
import { actorOf, param } from './program-actor.ts';

/**
 * Program ownership in front of the scheduling routes (mount right before `schedulingRoutes`).
 * The scheduling service checks the program-admin role only; this guard lets an admin reach a
 * program's runs and bookings only when they administer that program, and answers 404 otherwise,
 * as the program routes do, so another admin's runs and bookings are as unknown as missing ones.
 * People without the role pass through untouched: the service refuses them (403) or shows them
 * their own bookings. A booking's own pair always passes, whatever their role.
 */
export function schedulingOwnership(scheduling: SchedulingService, access: ProgramAccess): Router {
  const router = Router();
  const guard = (check: (req: Request) => Promise<void>) => async (req: Request, _res: Response, next: NextFunction) => {
    if (actorOf(req).isAdmin) await check(req);
    next();
  };
  /** A program named in the body (a cohort, a pair to preview or book); a missing one is left to the service's validation. */
  const bodyProgram = guard(async (req) => {
    const programId: unknown = req.body?.programId;
    if (typeof programId === 'string' && programId.trim() !== '') await access.requireAdministered(actorOf(req), programId.trim());
  });
  const run = guard(async (req) => {
    const actor = actorOf(req);
    const runId = param(req, 'runId');
    const progress = await scheduling.runStatus(actor.tenantId, actor, runId);
    if (!(await access.administers(actor, progress.programId))) throw notFound(`There is no scheduling run ${runId}`);
  });
  const booking = guard(async (req) => {
    const actor = actorOf(req);
    const id = param(req, 'id');
    const found = await access.booking(actor.tenantId, id);
    // The pair's own people use their booking as anyone would.
    if (found !== undefined && isOneOf(found, actor.userId)) return;
    // A missing booking gets the same answer as another admin's, so an admin cannot tell them apart.
    if (found === undefined || !(await access.administers(actor, found.programId))) throw notFound(`There is no booking ${id}`);
  });

  router.post('/scheduling/runs', bodyProgram);
  router.post('/scheduling/pairs/preview', bodyProgram);
  router.post('/scheduling/bookings', bodyProgram);
  router.post('/programs/:programId/schedule', async (req, _res, next) => {
    await access.requireAdministered(actorOf(req), param(req, 'programId'));
    next();
  });
  router.get('/scheduling/runs', async (req, res, next) => {
    const actor = actorOf(req);
    const programId = req.query['programId'];
    if (!actor.isAdmin) return next();
    if (typeof programId === 'string') {
      await access.requireAdministered(actor, programId);
      return next();
    }
    // Every run of the organisation, less those of programs the caller does not run.
    const runs = await scheduling.listRuns(actor.tenantId, actor);
    const mine = await Promise.all(runs.map((r) => access.administers(actor, r.programId)));
    res.json({ runs: runs.filter((_, i) => mine[i]) });
  });
  router.get('/scheduling/runs/:runId', run);
  router.get('/scheduling/runs/:runId/pairs', run);
  router.post('/scheduling/runs/:runId/resume', run);
  router.use('/scheduling/bookings/:id', booking);
  return router;
}
