import { expect, it } from 'vitest';
import { recordFeedback, type Feedback, type FeedbackSubmission } from '../../src/core/feedback/index.ts';
import { userId } from '../../src/core/ids.ts';
import { pairId, sessionId } from '../../src/core/sessions/session.ts';
import { epochMs } from '../../src/core/time.ts';
import { feedbackRepository } from '../../src/store/feedback.ts';
import { describeEachBackend, freshTenant } from './each-backend.ts';

const answers: FeedbackSubmission = {
  happened: 'held',
  rating: 4,
  learned: 'Prompting as a habit',
  taught: 'How budgets get approved',
  action: 'Try one AI summary a day',
  privateNote: 'Felt nervous at first',
  shareWithPartner: true,
};
const target = (session: string, author: string) => ({
  sessionId: sessionId(session),
  pairId: pairId('pair-1'),
  authorId: userId(author),
  sessionEnd: epochMs(1_800_000_000_000),
});

const created = (session: string, author: string, at = 1_800_000_100_000): Feedback => {
  const outcome = recordFeedback(undefined, target(session, author), answers, null, epochMs(at));
  if (outcome.kind !== 'created') throw new Error(outcome.kind);
  return outcome.feedback;
};

describeEachBackend('feedback', ({ store }) => {
  const repo = () => feedbackRepository(store().db);

  it('stores one record per session and author: a second insert of the same key keeps the first', async () => {
    const tenant = freshTenant();
    const first = await repo().insert(tenant, created('s-1', 'u-1', 1_800_000_100_000));
    expect(first).toMatchObject({ ...answers, sessionId: 's-1', authorId: 'u-1', revision: 1, submittedAt: 1_800_000_100_000 });
    const again = await repo().insert(tenant, { ...created('s-1', 'u-1', 1_800_000_200_000), learned: 'something else' });
    expect(again).toEqual(first);
    const rows = await store().db.selectFrom('feedback').selectAll().where('tenant_id', '=', tenant).execute();
    expect(rows).toHaveLength(1);
  });

  it('updates only from the revision it read, and scopes every read by tenant', async () => {
    const tenant = freshTenant();
    const first = await repo().insert(tenant, created('s-2', 'u-1'));
    const changed = recordFeedback(first, target('s-2', 'u-1'), { ...answers, rating: 5 }, null, epochMs(1_800_000_300_000));
    expect(changed.kind).toBe('updated');
    await repo().update(tenant, changed.feedback!);
    expect(await repo().get(tenant, sessionId('s-2'), userId('u-1'))).toMatchObject({ rating: 5, revision: 2 });
    // The same change again (a stale writer) is refused.
    await expect(repo().update(tenant, changed.feedback!)).rejects.toMatchObject({ code: 'conflict' });
    expect(await repo().get(freshTenant(), sessionId('s-2'), userId('u-1'))).toBeUndefined();
    expect(await repo().listForAuthor(freshTenant(), userId('u-1'))).toEqual([]);
  });

  it("lists an author's own feedback and a pair's feedback", async () => {
    const tenant = freshTenant();
    await repo().insert(tenant, created('s-3', 'u-1'));
    await repo().insert(tenant, created('s-3', 'u-2'));
    expect((await repo().listForAuthor(tenant, userId('u-2'))).map((f) => f.key)).toEqual(['s-3/u-2']);
    expect((await repo().listForPair(tenant, pairId('pair-1'))).map((f) => f.authorId)).toEqual(['u-1', 'u-2']);
  });
});
