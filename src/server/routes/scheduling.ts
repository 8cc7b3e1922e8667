import { Router, type Request } from 'express';
import { PROGRAM_ADMIN_ROLE } from '../../auth/principal.ts';
import type { MyBookingsResponse } from '../../contracts/bookings.ts';
import type { CohortStartResponse, RunListResponse, RunPairsResponse } from '../../contracts/scheduling-runs.ts';
import { badInput } from '../../core/errors.ts';
import type { Actor, SchedulingService } from '../../scheduling/scheduling-service.ts';
import { principalOf } from '../authenticate.ts';

/**
 * Scheduling under `/api` (mount behind `authenticate` and the JSON body parser).
 *
 * admins: POST /scheduling/runs (a cohort: program, settings, pairs), POST /programs/:id/schedule
 *   (a program's published pairs), GET /scheduling/runs[?programId], GET /scheduling/runs/:id
 *   (progress with ETA), GET /scheduling/runs/:id/pairs (each pair's result), POST
 *   /scheduling/runs/:id/resume (start it again after its job gave up),
 *   POST /scheduling/pairs/preview, POST /scheduling/bookings (one pair now)
 * a pair's members (and admins): GET /me/bookings, GET /scheduling/bookings/:id,
 *   POST /scheduling/bookings/:id/sessions/:index/{reschedule,cancel,recheck},
 *   POST /scheduling/bookings/:id/reschedule-rest {fromIndex}, POST /scheduling/bookings/:id/cancel
 */
export function schedulingRoutes(scheduling: SchedulingService): Router {
  const router = Router();
  const who = (req: Request) => {
    const principal = principalOf(req);
    const actor: Actor = { userId: principal.userId, isAdmin: principal.roles.includes(PROGRAM_ADMIN_ROLE) };
    return { tenantId: principal.tenantId, actor };
  };
  const param = (req: Request, name: string): string => String(req.params[name] ?? '');

  router.post('/scheduling/runs', async (req, res) => {
    const { tenantId, actor } = who(req);
    const started = await scheduling.startCohort(tenantId, actor, req.body);
    res.status(started.created ? 202 : 200).json({ ...started, progress: await scheduling.runStatus(tenantId, actor, started.runId) } satisfies CohortStartResponse);
  });
  router.post('/programs/:programId/schedule', async (req, res) => {
    const { tenantId, actor } = who(req);
    const cycle = req.body?.cycle === undefined ? undefined : positiveInteger(req.body.cycle, 'cycle', 1);
    const started = await scheduling.startProgramCohort(tenantId, actor, param(req, 'programId'), cycle === undefined ? {} : { cycle });
    res.status(started.created ? 202 : 200).json({ ...started, progress: await scheduling.runStatus(tenantId, actor, started.runId) } satisfies CohortStartResponse);
  });
  router.get('/scheduling/runs', async (req, res) => {
    const { tenantId, actor } = who(req);
    const programId = typeof req.query['programId'] === 'string' ? req.query['programId'] : undefined;
    res.json({ runs: await scheduling.listRuns(tenantId, actor, programId) } satisfies RunListResponse);
  });
  router.get('/scheduling/runs/:runId', async (req, res) => {
    const { tenantId, actor } = who(req);
    res.json(await scheduling.runStatus(tenantId, actor, param(req, 'runId')));
  });
  router.post('/scheduling/runs/:runId/resume', async (req, res) => {
    const { tenantId, actor } = who(req);
    res.status(202).json(await scheduling.resumeRun(tenantId, actor, param(req, 'runId')));
  });
  router.get('/scheduling/runs/:runId/pairs', async (req, res) => {
    const { tenantId, actor } = who(req);
    res.json({ pairs: await scheduling.runPairs(tenantId, actor, param(req, 'runId')) } satisfies RunPairsResponse);
  });
  router.post('/scheduling/pairs/preview', async (req, res) => {
    const { tenantId, actor } = who(req);
    res.json(await scheduling.previewPair(tenantId, actor, req.body));
  });
  router.post('/scheduling/bookings', async (req, res) => {
    const { tenantId, actor } = who(req);
    res.status(201).json(await scheduling.bookPair(tenantId, actor, req.body));
  });
  router.get('/me/bookings', async (req, res) => {
    const { tenantId, actor } = who(req);
    res.json({ bookings: await scheduling.myBookings(tenantId, actor) } satisfies MyBookingsResponse);
  });
  router.get('/scheduling/bookings/:id', async (req, res) => {
    const { tenantId, actor } = who(req);
    res.json(await scheduling.showBooking(tenantId, actor, param(req, 'id')));
  });
  router.post('/scheduling/bookings/:id/sessions/:index/reschedule', async (req, res) => {
    const { tenantId, actor } = who(req);
    const start = req.body?.start;
    if (start !== undefined && typeof start !== 'string') throw badInput('start must be an ISO date-time such as 2027-03-12T14:00:00Z', [{ field: 'start', message: 'expected a string' }]);
    res.json(await scheduling.rescheduleSession(tenantId, actor, param(req, 'id'), positiveInteger(req.params['index'], 'index', 0), start === undefined ? {} : { start }));
  });
  router.post('/scheduling/bookings/:id/sessions/:index/cancel', async (req, res) => {
    const { tenantId, actor } = who(req);
    res.json(await scheduling.cancelSession(tenantId, actor, param(req, 'id'), positiveInteger(req.params['index'], 'index', 0)));
  });
  router.post('/scheduling/bookings/:id/sessions/:index/recheck', async (req, res) => {
    const { tenantId, actor } = who(req);
    res.json(await scheduling.recheckSession(tenantId, actor, param(req, 'id'), positiveInteger(req.params['index'], 'index', 0)));
  });
  router.post('/scheduling/bookings/:id/reschedule-rest', async (req, res) => {
    const { tenantId, actor } = who(req);
    res.json(await scheduling.rescheduleRest(tenantId, actor, param(req, 'id'), positiveInteger(req.body?.fromIndex, 'fromIndex', 0)));
  });
  router.post('/scheduling/bookings/:id/cancel', async (req, res) => {
    const { tenantId, actor } = who(req);
    res.json(await scheduling.cancelBooking(tenantId, actor, param(req, 'id')));
  });
  return router;
}

function positiveInteger(value: unknown, field: string, min: number): number {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < min) throw badInput(`${field} must be a whole number of at least ${min}`, [{ field, message: `expected an integer ≥ ${min}` }]);
  return n;
}
