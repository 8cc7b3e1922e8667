import { Router } from 'express';
import { z } from 'zod';
import { badInput } from '../../core/errors.ts';
import type { TenantId } from '../../core/ids.ts';
import { parseOrThrow } from '../../core/programs/validation.ts';
import { SEND_NOW_KINDS, type SendNowRequest, type SendNowResult } from '../../engagement/send-session-message-now.ts';
import type { ProgramAccess } from '../../programs/program-access.ts';
import { actorOf, param } from './program-actor.ts';

/** Sends one session's message now (the engagement service). */
export interface SessionMessageSender {
  send(tenantId: TenantId, request: SendNowRequest): Promise<SendNowResult>;
}

const bodySchema = z.strictObject({
  kind: z.enum(SEND_NOW_KINDS, { error: `kind must be one of ${SEND_NOW_KINDS.join(', ')}` }),
  /** One person of the pair (user id or mailbox); both when left out. */
  user: z.string().trim().min(1, 'user must name one person of the pair (user id or mailbox)').max(320).optional(),
});

/**
 * `POST /api/programs/:programId/pairings/:pairId/sessions/:index/send {kind, user?}`: a program's
 * own admins send a session's agenda, feedback card or feedback reminder now, under the timed
 * message's key, so nobody gets it twice (200 `sent`, `already-sent` when it went out before, or
 * `in-progress` when another request or the timed job is sending it at this moment).
 * `:index` is the session's number as its cards show it (1 is the first). Another admin's program
 * answers 404 like a missing one; a participant 403; bad input 400 naming the field; a cancelled
 * session, someone outside the pair or a reminder to someone who answered 409 — nothing sent.
 */
export function sessionMessageSendRoutes(sender: SessionMessageSender, access: ProgramAccess): Router {
  const router = Router();
  router.post('/programs/:programId/pairings/:pairId/sessions/:index/send', async (req, res) => {
    const actor = actorOf(req);
    const programId = param(req, 'programId');
    await access.requireAdministered(actor, programId);
    const session = sessionNumber(param(req, 'index'));
    const body = parseOrThrow(bodySchema, req.body ?? {}, 'message request');
    res.json(
      await sender.send(actor.tenantId, {
        programId,
        pairId: param(req, 'pairId'),
        session,
        kind: body.kind,
        ...(body.user === undefined ? {} : { user: body.user }),
      }),
    );
  });
  return router;
}

function sessionNumber(value: string): number {
  const n = /^\d{1,4}$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < 1) throw badInput('index must be the session\'s number as its cards show it: 1 for the first', [{ field: 'index', message: 'expected a whole number of at least 1' }]);
  return n;
}
