import { Router } from 'express';
import type { MyFeedback, MyFeedbackResponse } from '../../contracts/feedback.ts';
import type { Feedback } from '../../core/feedback/feedback.ts';
import { visibleTo } from '../../core/feedback/visibility.ts';
import type { TenantId, UserId } from '../../core/ids.ts';
import { principalOf } from '../authenticate.ts';

/** The signed-in person's own feedback (the store's feedback repository fits). */
export interface FeedbackHistorySource {
  listForAuthor(tenantId: TenantId, authorId: UserId): Promise<Feedback[]>;
}

/**
 * `GET /api/me/feedback`: the caller's own feedback after sessions, newest first. Only their
 * own records, by the token's person and tenant; each shown through `visibleTo(…, 'author')`,
 * the same rule the bot's cards use.
 */
export function feedbackRoutes(source: FeedbackHistorySource): Router {
  const router = Router();
  router.get('/me/feedback', async (req, res) => {
    const principal = principalOf(req);
    const own = await source.listForAuthor(principal.tenantId, principal.userId);
    res.json({
      feedback: own
        .filter((f) => f.authorId === principal.userId)
        // The author always sees their own record, so `visibleTo` never answers null here.
        .map((f): MyFeedback => ({ ...visibleTo(f, 'author')!, sessionEnd: f.sessionEnd, submittedAt: f.submittedAt, updatedAt: f.updatedAt, revision: f.revision })),
    } satisfies MyFeedbackResponse);
  });
  return router;
}
