import { Router } from 'express';

/** `/healthz`: 200 when the database answers, 503 naming what is down otherwise. */
export function healthRoutes(deps: { ping: () => Promise<void> }): Router {
  const router = Router();
  router.get('/healthz', async (_req, res) => {
    try {
      await deps.ping();
      res.json({ status: 'ok', database: 'ok' });
    } catch (error) {
      res.status(503).json({ status: 'unavailable', database: String((error as Error).message ?? error) });
    }
  });
  return router;
}
