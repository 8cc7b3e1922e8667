import { Router } from 'express';
import type { ProgramAdminList as ProgramAdminListView } from '../../contracts/program-admins.ts';
import type { ProgramServices } from '../../programs/program-services.ts';
import type { ProgramAdminList } from '../../programs/program-admin-use-cases.ts';
import { actorOf, param } from './program-actor.ts';

/** A program's admins as the admin view shows them. */
function adminListView(list: ProgramAdminList): ProgramAdminListView {
  return {
    myAccess: list.myAccess,
    admins: list.admins.map((a) => ({
      userId: a.userId,
      displayName: a.displayName,
      role: a.role,
      addedAt: new Date(a.addedAt).toISOString(),
    })),
  };
}

/**
 * Who runs a program: `GET /programs/:id/admins` (its admins), `POST /programs/:id/admins
 * {user}` and `DELETE /programs/:id/admins/:userId` (the owner adds and removes co-admins), and
 * `POST /programs/:id/claim` (an admin takes ownership of an unclaimed program).
 */
export function programAdminsRoutes(services: ProgramServices): Router {
  const router = Router();
  router.get('/programs/:id/admins', async (req, res) => {
    res.json(adminListView(await services.admins.list(actorOf(req), param(req, 'id'))));
  });
  router.post('/programs/:id/admins', async (req, res) => {
    res.status(201).json(adminListView(await services.admins.add(actorOf(req), param(req, 'id'), req.body)));
  });
  router.delete('/programs/:id/admins/:userId', async (req, res) => {
    res.json(adminListView(await services.admins.remove(actorOf(req), param(req, 'id'), param(req, 'userId'))));
  });
  router.post('/programs/:id/claim', async (req, res) => {
    res.json(adminListView(await services.admins.claim(actorOf(req), param(req, 'id'))));
  });
  return router;
}
