import { Router } from 'express';
import type { MyProgram, MyProgramsResponse, OwnEnrolmentResponse, PrefillResponse } from '../../contracts/enrolments.ts';
import type { InvitationResponse } from '../../contracts/invitations.ts';
import type { MyPairingsResponse, PairingLeft } from '../../contracts/pairings.ts';
import { epochMs } from '../../core/time.ts';
import type { ProgramServices } from '../../programs/program-services.ts';
import { invitationView, ownEnrolmentView, pairingMemberView, programSummary } from '../../programs/views.ts';
import { actorOf, param } from './program-actor.ts';

/**
 * A participant's routes: their programs, their own enrolment (the only view with their private
 * `doNotPairWith`), their invitations and their pairs. Nobody can reach another person's
 * enrolment through these: every route acts on the caller's own.
 */
export function participantRoutes(services: ProgramServices): Router {
  const router = Router();
  const now = () => epochMs(Date.now());

  router.get('/me/programs', async (req, res) => {
    const mine = await services.invitations.mine(actorOf(req));
    res.json({
      programs: mine.map(({ program, enrolment, invitation }): MyProgram => ({
        program: programSummary(program),
        enrolment: enrolment === null ? null : ownEnrolmentView(enrolment, now()),
        invitation: invitation === null ? null : invitationView(invitation),
      })),
    } satisfies MyProgramsResponse);
  });

  router.get('/me/pairings', async (req, res) => {
    const actor = actorOf(req);
    const { pairings, people, programs } = await services.pairings.mine(actor);
    res.json({ pairings: pairings.map((p) => pairingMemberView(p, actor.userId, people, programs.get(p.programId)?.name ?? '', now())) } satisfies MyPairingsResponse);
  });

  router.get('/programs/:id/enrolment/prefill', async (req, res) => {
    res.json({ profile: await services.enrolments.prefill(actorOf(req), param(req, 'id')) } satisfies PrefillResponse);
  });

  router.get('/programs/:id/enrolment', async (req, res) => {
    res.json({ enrolment: ownEnrolmentView(await services.enrolments.own(actorOf(req), param(req, 'id')), now()) } satisfies OwnEnrolmentResponse);
  });

  router.post('/programs/:id/enrolment', async (req, res) => {
    const enrolment = await services.enrolments.enrol(actorOf(req), param(req, 'id'), req.body);
    res.status(201).json({ enrolment: ownEnrolmentView(enrolment, now()) } satisfies OwnEnrolmentResponse);
  });

  router.patch('/programs/:id/enrolment', async (req, res) => {
    res.json({ enrolment: ownEnrolmentView(await services.enrolments.edit(actorOf(req), param(req, 'id'), req.body), now()) } satisfies OwnEnrolmentResponse);
  });

  router.post('/programs/:id/enrolment/pause', async (req, res) => {
    res.json({ enrolment: ownEnrolmentView(await services.enrolments.pause(actorOf(req), param(req, 'id'), req.body), now()) } satisfies OwnEnrolmentResponse);
  });

  router.post('/programs/:id/enrolment/resume', async (req, res) => {
    res.json({ enrolment: ownEnrolmentView(await services.enrolments.resume(actorOf(req), param(req, 'id')), now()) } satisfies OwnEnrolmentResponse);
  });

  router.post('/programs/:id/enrolment/leave', async (req, res) => {
    res.json({ enrolment: ownEnrolmentView(await services.enrolments.leave(actorOf(req), param(req, 'id'), req.body), now()) } satisfies OwnEnrolmentResponse);
  });

  router.post('/programs/:id/invitation/decline', async (req, res) => {
    res.json({ invitation: invitationView(await services.invitations.decline(actorOf(req), param(req, 'id'))) } satisfies InvitationResponse);
  });

  router.post('/pairings/:id/leave', async (req, res) => {
    const ended = await services.pairings.leave(actorOf(req), param(req, 'id'));
    res.json({ pairingId: ended.pairingId, ended: true } satisfies PairingLeft);
  });

  return router;
}
