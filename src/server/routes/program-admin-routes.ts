import { Router } from 'express';
import { epochMs } from '../../core/time.ts';
import type { ProgramServices } from '../../programs/program-services.ts';
import { invitationView, pairingAdminView, programView, sharedEnrolmentView } from '../../programs/views.ts';
import { actorOf, param } from './program-actor.ts';

/**
 * Program admin routes: programs, their life cycle, enrolments (shared view only), invitations
 * and pairings. The use cases refuse anyone without the program-admin role with 403.
 */
export function programAdminRoutes(services: ProgramServices): Router {
  const router = Router();
  const now = () => epochMs(Date.now());

  router.post('/programs', async (req, res) => {
    const program = await services.programs.create(actorOf(req), req.body);
    res.status(201).location(`/api/programs/${program.id}`).json({ program: programView(program) });
  });

  router.get('/programs', async (req, res) => {
    res.json({ programs: (await services.programs.list(actorOf(req))).map(programView) });
  });

  router.get('/programs/:id', async (req, res) => {
    res.json({ program: programView(await services.programs.get(actorOf(req), param(req, 'id'))) });
  });

  router.patch('/programs/:id', async (req, res) => {
    res.json({ program: programView(await services.programs.edit(actorOf(req), param(req, 'id'), req.body)) });
  });

  router.post('/programs/:id/transitions', async (req, res) => {
    res.json({ program: programView(await services.programs.transition(actorOf(req), param(req, 'id'), req.body)) });
  });

  router.get('/programs/:id/enrolments', async (req, res) => {
    const enrolments = await services.enrolments.list(actorOf(req), param(req, 'id'));
    res.json({ enrolments: enrolments.map((e) => sharedEnrolmentView(e, now())) });
  });

  router.get('/programs/:id/enrolments/:userId', async (req, res) => {
    const enrolment = await services.enrolments.get(actorOf(req), param(req, 'id'), param(req, 'userId'));
    res.json({ enrolment: sharedEnrolmentView(enrolment, now()) });
  });

  router.post('/programs/:id/invitations', async (req, res) => {
    const invitation = await services.invitations.invite(actorOf(req), param(req, 'id'), req.body);
    res.status(201).json({ invitation: invitationView(invitation) });
  });

  router.get('/programs/:id/invitations', async (req, res) => {
    res.json({ invitations: (await services.invitations.list(actorOf(req), param(req, 'id'))).map(invitationView) });
  });

  router.get('/programs/:id/pairings', async (req, res) => {
    const { pairings, people } = await services.pairings.list(actorOf(req), param(req, 'id'));
    res.json({ pairings: pairings.map((p) => pairingAdminView(p, people)) });
  });

  return router;
}
