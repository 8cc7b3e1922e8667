import { Router } from 'express';

export interface TabConfig {
  readonly tenantId: string;
  readonly clientId: string;
  readonly loginBaseUrl: string;
  /** The delegated scope the tab asks for: `<application ID URI>/access_as_user`. */
  readonly apiScope: string;
}

/** What the tab needs before sign-in; public values only (ids and URLs, no secrets). */
export function tabConfigRoutes(config: TabConfig): Router {
  const router = Router();
  router.get('/tab-config', (_req, res) => {
    res.setHeader('cache-control', 'no-store');
    res.json(config);
  });
  return router;
}
