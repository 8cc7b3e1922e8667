import express, { type Request, type Response, type Router } from 'express';
import { settingsRoute } from './settings-route.ts';
import { requireAdminSecret } from './admin-auth.ts';
import type { TrafficControl } from './traffic-control.ts';

/**
 * The development tenant's own control API (not Graph): `GET|PUT /_devtenant/faults`,
 * `GET|PUT /_devtenant/throttle`, `GET|DELETE /_devtenant/stats`. Tests and benchmarks flip
 * faults and read the counters here; only holders of the app's client secret may.
 */
export function adminRoutes(deps: { traffic: TrafficControl; secret: () => string }): Router {
  const router = express.Router();
  const admin = express.Router();
  admin.use(requireAdminSecret(deps.secret));
  admin.use(express.json({ limit: '256kb', type: () => true }));

  settingsRoute(admin, '/faults', () => deps.traffic.faultSettings(), (input) => deps.traffic.setFaults(input));
  settingsRoute(admin, '/throttle', () => deps.traffic.throttleSettings(), (input) => deps.traffic.setThrottle(input));
  admin.get('/stats', (_req, res) => {
    res.json(deps.traffic.stats());
  });
  admin.delete('/stats', (_req, res) => {
    deps.traffic.resetStats();
    res.status(204).end();
  });
  admin.use((req: Request, res: Response) => {
    res.status(['/faults', '/throttle', '/stats'].includes(req.path) ? 405 : 404).json({
      error: { code: 'NotFound', message: `No control endpoint at ${req.method} /_devtenant${req.path}` },
    });
  });
  admin.use(((error, _req, res, next) => {
    const parser = error as { type?: string };
    if (parser?.type !== 'entity.parse.failed') return next(error);
    res.status(400).json({ error: { code: 'BadRequest', message: 'The body is not valid JSON.' } });
  }) as express.ErrorRequestHandler);

  router.use('/_devtenant', admin);
  return router;
}

