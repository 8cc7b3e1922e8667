import { Router } from 'express';
import type { ActionDoneSet, ActionsDone } from '../../contracts/feedback.ts';
import type { TenantId, UserId } from '../../core/ids.ts';
import { sessionId, type SessionId } from '../../core/sessions/session.ts';
import type { EpochMs } from '../../core/time.ts';
import { epochMs } from '../../core/time.ts';
import { principalOf } from '../authenticate.ts';
import { sendError } from '../error-response.ts';

/** Where the "action done" flag lives (the store's feedback repository fits). */
export interface ActionDoneStore {
  setActionDone(tenantId: TenantId, session: SessionId, authorId: UserId, at: EpochMs | null): Promise<boolean>;
  actionsDone(tenantId: TenantId, authorId: UserId): Promise<Map<SessionId, EpochMs>>;
}

/**
 * `POST /me/feedback/:sessionId/action-done {done}`: the caller marks the action in their own
 * feedback done or not. The row is found by the token's person, so a partner or anyone else gets
 * 404 (as if the record did not exist) and can never change someone else's flag.
 * `GET /me/feedback/actions-done`: the caller's own done flags, for the learning log.
 */
export function actionDoneRoutes(store: ActionDoneStore, now: () => number = Date.now): Router {
  const router = Router();
  router.get('/me/feedback/actions-done', async (req, res) => {
    const principal = principalOf(req);
    const done = await store.actionsDone(principal.tenantId, principal.userId);
    res.set('Cache-Control', 'no-store').json({ done: Object.fromEntries([...done].map(([id, at]) => [id, new Date(at).toISOString()])) } satisfies ActionsDone);
  });
  router.post('/me/feedback/:sessionId/action-done', async (req, res) => {
    const body: unknown = req.body;
    const done = typeof body === 'object' && body !== null ? (body as { done?: unknown }).done : undefined;
    if (typeof done !== 'boolean') {
      sendError(res, 400, 'bad_input', 'Send {"done": true} or {"done": false}', [{ field: 'done', message: 'done must be true or false' }]);
      return;
    }
    const principal = principalOf(req);
    const session = sessionId(String(req.params['sessionId']));
    const at = done ? epochMs(now()) : null;
    if (!(await store.setActionDone(principal.tenantId, session, principal.userId, at))) {
      sendError(res, 404, 'not_found', 'You have no feedback on this session');
      return;
    }
    res.json({ sessionId: session, done, doneAt: at === null ? null : new Date(at).toISOString() } satisfies ActionDoneSet);
  });
  return router;
}
