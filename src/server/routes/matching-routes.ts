import { Router, type Request, type Response } from 'express';
import type { ProposalResponse } from '../../contracts/matching.ts';
import type { PublishResponse } from '../../contracts/pairings.ts';
import type { UserId } from '../../core/ids.ts';
import type { Enrolment } from '../../core/programs/enrolment.ts';
import type { ProgramServices } from '../../programs/program-services.ts';
import type { ProposalRecord } from '../../store/proposals.ts';
import { pairingAdminView, programView, proposalView } from '../../programs/views.ts';
import { actorOf, param } from './program-actor.ts';

/**
 * Matching, review and publishing (program admins). Starting a run answers 202 at once with the
 * `running` proposal; poll `GET /programs/:id/proposal` until its status is `ready` or `failed`.
 */
export function matchingRoutes(services: ProgramServices): Router {
  const router = Router();

  /** The proposal with names beside the ids (read with the admin's own rights). */
  const send = async (req: Request, res: Response, record: ProposalRecord, live: boolean, status = 200): Promise<void> => {
    const enrolments = await services.enrolments.list(actorOf(req), record.programId);
    const byId = new Map<UserId, Enrolment>(enrolments.map((e) => [e.userId, e]));
    res.status(status).json({ proposal: proposalView(record, byId, !live) } satisfies ProposalResponse);
  };

  router.post('/programs/:id/matching', async (req, res) => {
    await send(req, res, await services.matching.run(actorOf(req), param(req, 'id')), true, 202);
  });

  router.get('/programs/:id/proposal', async (req, res) => {
    const { record, live } = await services.matching.proposal(actorOf(req), param(req, 'id'));
    await send(req, res, record, live);
  });

  router.post('/programs/:id/proposal/rerun', async (req, res) => {
    await send(req, res, await services.matching.rerun(actorOf(req), param(req, 'id')), true, 202);
  });

  const edits = {
    lock: services.review.lock,
    unlock: services.review.unlock,
    remove: services.review.remove,
    swap: services.review.swap,
    trios: services.review.acceptTrio,
  } as const;
  for (const [name, edit] of Object.entries(edits)) {
    router.post(`/programs/:id/proposal/${name}`, async (req, res) => {
      await send(req, res, await edit(actorOf(req), param(req, 'id'), req.body), true);
    });
  }

  router.post('/programs/:id/publish', async (req, res) => {
    const actor = actorOf(req);
    const published = await services.publish(actor, param(req, 'id'));
    const { people } = await services.pairings.list(actor, published.program.id);
    res.json({ program: programView(published.program), pairings: published.pairings.map((p) => pairingAdminView(p, people)) } satisfies PublishResponse);
  });

  return router;
}
