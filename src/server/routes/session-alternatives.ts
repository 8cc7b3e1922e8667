import { Router } from 'express';
import { PROGRAM_ADMIN_ROLE } from '../../auth/principal.ts';
import { badInput } from '../../core/errors.ts';
import { principalOf } from '../authenticate.ts';
import type { SessionAlternativesSource } from './session-alternatives-source.ts';

/**
 * `GET /api/scheduling/bookings/:id/sessions/:index/alternatives`: the times near one upcoming
 * session when both people are free, for the pair's reschedule dialog. Read-only; moving the
 * session is `POST …/reschedule` with the chosen `start`. Only the pair: others get 404, an
 * admin outside the pair 403.
 */
export function sessionAlternativesRoutes(source: SessionAlternativesSource): Router {
  const router = Router();
  router.get('/scheduling/bookings/:id/sessions/:index/alternatives', async (req, res) => {
    const principal = principalOf(req);
    const raw = String(req.params['index'] ?? '');
    const index = /^\d+$/.test(raw) ? Number(raw) : NaN;
    if (!Number.isSafeInteger(index)) throw badInput('index must be a whole number of at least 0', [{ field: 'index', message: 'expected an integer ≥ 0' }]);
    const caller = { userId: principal.userId, isAdmin: principal.roles.includes(PROGRAM_ADMIN_ROLE) };
    res.json(await source.alternatives(principal.tenantId, caller, String(req.params['id'] ?? ''), index));
  });
  return router;
}
