import { Router } from 'express';
import type { ProgramServices } from '../../programs/program-services.ts';
import { matchingRoutes } from './matching-routes.ts';
import { participantRoutes } from './participant-routes.ts';
import { programAdminRoutes } from './program-admin-routes.ts';
import { programAdminsRoutes } from './program-admins.ts';
import { programErrorDetails } from './program-errors.ts';

/**
 * Everything of programs, enrolment and matching under `/api` (mount behind `authenticate` and
 * the JSON body parser). The routes:
 *
 * admins: POST/GET /programs, GET/PATCH /programs/:id, POST /programs/:id/transitions,
 *   GET /programs/:id/enrolments[/:userId], POST/GET /programs/:id/invitations,
 *   POST /programs/:id/matching, GET /programs/:id/proposal,
 *   POST /programs/:id/proposal/{rerun,lock,unlock,remove,swap,trios}, POST /programs/:id/publish,
 *   GET /programs/:id/pairings, GET/POST /programs/:id/admins, DELETE /programs/:id/admins/:userId,
 *   POST /programs/:id/claim — each only for the program's own admins (its owner and co-admins;
 *   every admin while it is unclaimed); another admin's program answers 404 like a missing one
 * participants: GET /me/programs, GET /me/pairings, GET /programs/:id/enrolment/prefill,
 *   GET/POST/PATCH /programs/:id/enrolment, POST /programs/:id/enrolment/{pause,resume,leave},
 *   POST /programs/:id/invitation/decline, POST /pairings/:id/leave
 */
export function programRoutes(services: ProgramServices): Router {
  const router = Router();
  router.use(participantRoutes(services));
  router.use(programAdminRoutes(services));
  router.use(programAdminsRoutes(services));
  router.use(matchingRoutes(services));
  router.use(programErrorDetails);
  return router;
}
