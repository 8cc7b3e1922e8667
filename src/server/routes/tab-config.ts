import { Router } from 'express';
import type { TabConfig } from '../../contracts/tab-config.ts';

export type { TabConfig } from '../../contracts/tab-config.ts';

/** What the tab needs before sign-in; public values only (ids and URLs, no secrets). */
export function tabConfigRoutes(config: TabConfig): Router {
  const router = Router();
  router.get('/tab-config', (_req, res) => {
    res.setHeader('cache-control', 'no-store');
    res.json(config);
  });
  return router;
}
