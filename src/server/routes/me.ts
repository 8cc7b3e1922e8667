import { Router } from 'express';
import type { MeResponse } from '../../contracts/me.ts';
import type { DirectoryReader } from '../../graph/directory.ts';
import { principalOf } from '../authenticate.ts';

/** `/api/me`: the signed-in person's own profile, read live from the directory. */
export function meRoutes(deps: { directoryFor: (tenantId: string) => DirectoryReader }): Router {
  const router = Router();
  router.get('/me', async (req, res) => {
    const principal = principalOf(req);
    const profile = await deps.directoryFor(principal.tenantId).readProfile(principal.userId);
    res.json({ profile: { ...profile, roles: principal.roles } } satisfies MeResponse);
  });
  return router;
}
