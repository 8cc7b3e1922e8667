import { Router } from 'express';
import type { EnrolmentListResponse, SharedEnrolmentResponse } from '../../contracts/enrolments.ts';
import type { InvitationListResponse, InvitationResponse } from '../../contracts/invitations.ts';
import type { PairingAdminListResponse } from '../../contracts/pairings.ts';
import type { ProgramListResponse, ProgramResponse } from '../../contracts/programs.ts';
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
    res.status(201).location(`/api/programs/${program.id}`).json({ program: programView(program) } satisfies ProgramResponse);
  });

  router.get('/programs', async (req, res) => {
    res.json({ programs: (await services.programs.list(actorOf(req))).map(programView) } satisfies ProgramListResponse);
  });

  router.get('/programs/:id', async (req, res) => {
    res.json({ program: programView(await services.programs.get(actorOf(req), param(req, 'id'))) } satisfies ProgramResponse);
  });

  router.patch('/programs/:id', async (req, res) => {
    res.json({ program: programView(await services.programs.edit(actorOf(req), param(req, 'id'), req.body)) } satisfies ProgramResponse);
  });

  router.post('/programs/:id/transitions', async (req, res) => {
    res.json({ program: programView(await services.programs.transition(actorOf(req), param(req, 'id'), req.body)) } satisfies ProgramResponse);
  });

  router.get('/programs/:id/enrolments', async (req, res) => {
    const enrolments = await services.enrolments.list(actorOf(req), param(req, 'id'));
    res.json({ enrolments: enrolments.map((e) => sharedEnrolmentView(e, now())) } satisfies EnrolmentListResponse);
  });

  router.get('/programs/:id/enrolments/:userId', async (req, res) => {
    const enrolment = await services.enrolments.get(actorOf(req), param(req, 'id'), param(req, 'userId'));
    res.json({ enrolment: sharedEnrolmentView(enrolment, now()) } satisfies SharedEnrolmentResponse);
  });

  router.post('/programs/:id/invitations', async (req, res) => {
    const invitation = await services.invitations.invite(actorOf(req), param(req, 'id'), req.body);
    res.status(201).json({ invitation: invitationView(invitation) } satisfies InvitationResponse);
  });

  router.get('/programs/:id/invitations', async (req, res) => {
    res.json({ invitations: (await services.invitations.list(actorOf(req), param(req, 'id'))).map(invitationView) } satisfies InvitationListResponse);
  });

  router.get('/programs/:id/pairings', async (req, res) => {
    const { pairings, people } = await services.pairings.list(actorOf(req), param(req, 'id'));
    res.json({ pairings: pairings.map((p) => pairingAdminView(p, people)) } satisfies PairingAdminListResponse);
  });

  return router;
}
