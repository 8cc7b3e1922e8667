/**
 * `POST /api/me/feedback/:sessionId/action-done`: only the feedback's author can mark its action
 * done or not; the partner and anyone else get 404; a body without a boolean `done` is 400.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feedbackKey, type Feedback, type FeedbackKey } from '../../src/core/feedback/feedback.ts';
import { tenantId as toTenantId, userId } from '../../src/core/ids.ts';
import { pairId, sessionId } from '../../src/core/sessions/session.ts';
import { epochMs } from '../../src/core/time.ts';
import type { DevPerson } from '../../src/devtenant/dev-tenant.ts';
import { feedbackRepository } from '../../src/store/feedback.ts';
import { startAppFixture, type AppFixture } from '../programs/app-fixture.ts';

let fx: AppFixture;
let author: DevPerson;
let partner: DevPerson;
let other: DevPerson;
const SESSION = 'pair-1:2026-09-07T10:00:00.000Z';
const path = `/me/feedback/${encodeURIComponent(SESSION)}/action-done`;

beforeAll(async () => {
  fx = await startAppFixture();
  [author, partner, other] = fx.people().filter((p) => p.accountEnabled && !p.isProgramAdmin).slice(0, 3) as [DevPerson, DevPerson, DevPerson];
  const session = sessionId(SESSION);
  const at = epochMs(Date.UTC(2026, 8, 7, 11));
  const feedback: Feedback = {
    key: feedbackKey(session, userId(author.id)) as FeedbackKey,
    sessionId: session,
    pairId: pairId('pair-1'),
    authorId: userId(author.id),
    sessionEnd: at,
    happened: 'held',
    rating: 4,
    learned: 'How prompts shape answers',
    taught: 'How budgets are set',
    action: 'Try the assistant on my weekly report',
    privateNote: '',
    shareWithPartner: true,
    submittedAt: at,
    updatedAt: at,
    revision: 1,
  };
  await feedbackRepository(fx.app.store.db).insert(toTenantId(fx.tenantId), feedback);
}, 120_000);

afterAll(async () => {
  await fx?.close();
});

describe('action done', () => {
  it('lets the author mark the action done and undo it, and lists the flag', async () => {
    const done = await fx.call(author, 'POST', path, { done: true });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ sessionId: SESSION, done: true });
    expect(typeof done.body.doneAt).toBe('string');
    expect((await fx.call(author, 'GET', '/me/feedback/actions-done')).body.done).toEqual({ [SESSION]: done.body.doneAt });

    const undone = await fx.call(author, 'POST', path, { done: false });
    expect(undone.status).toBe(200);
    expect(undone.body.doneAt).toBeNull();
    expect((await fx.call(author, 'GET', '/me/feedback/actions-done')).body.done).toEqual({});
  });

  it('answers 404 to the partner and to anyone else, and leaves the flag alone', async () => {
    expect((await fx.call(author, 'POST', path, { done: true })).status).toBe(200);
    expect((await fx.call(partner, 'POST', path, { done: false })).status).toBe(404);
    expect((await fx.call(other, 'POST', path, { done: false })).status).toBe(404);
    expect(Object.keys((await fx.call(author, 'GET', '/me/feedback/actions-done')).body.done)).toEqual([SESSION]);
    expect((await fx.call(partner, 'GET', '/me/feedback/actions-done')).body.done).toEqual({});
  });

  it('refuses a body without a boolean done with 400 and the field', async () => {
    for (const body of [{}, { done: 'yes' }, { done: 1 }]) {
      const answer = await fx.call(author, 'POST', path, body);
      expect(answer.status).toBe(400);
      expect(answer.body.error.fields).toEqual([{ field: 'done', message: 'done must be true or false' }]);
    }
    expect(Object.keys((await fx.call(author, 'GET', '/me/feedback/actions-done')).body.done)).toEqual([SESSION]);
  });

  it('needs a token', async () => {
    expect((await fx.call(null, 'POST', path, { done: true })).status).toBe(401);
  });
});
