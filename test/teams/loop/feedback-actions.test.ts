/**
 * The feedback card's Universal Actions against a real store: bad answers come back in place and
 * store nothing; a submission is stored once however often it arrives; each person gets their own
 * view from who they are, never from ids in the card's data.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loopPortsOver } from '../../../src/engagement/engagement-runtime.ts';
import { sessionsOfBooking } from '../../../src/engagement/booking-sessions.ts';
import { tenantId as toTenantId, userId } from '../../../src/core/ids.ts';
import { recordFeedback } from '../../../src/core/feedback/record.ts';
import { bookingRepository, type BookingRecord } from '../../../src/store/bookings.ts';
import { feedbackRepository } from '../../../src/store/feedback.ts';
import { CARD_VERBS } from '../../../src/teams/cards/card-verbs.ts';
import { createLoopHandlers, type LoopHandlers } from '../../../src/teams/loop/loop-handlers.ts';
import { openTestStore, type TestStore } from '../../store/open-test-store.ts';
import { bookedSeries, weeklyStarts } from './loop-fixture.ts';

const NOW = Date.UTC(2026, 10, 18, 15, 0);
const tenant = toTenantId(randomUUID());
const junior = { userId: userId('junior-1'), name: 'Ada Obi' };
const senior = { userId: userId('senior-1'), name: 'Li Na Li' };
const stranger = userId('stranger-1');

let testStore: TestStore;
let handlers: LoopHandlers;
let booking: BookingRecord;
let clock = NOW;

const actor = (id: string) => ({ tenantId: tenant, userId: userId(id), teamsUserId: `29:${id}` });
const rows = () => testStore.store.db.selectFrom('feedback').selectAll().where('tenant_id', '=', tenant).execute();
const texts = (card: unknown): string[] => {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) if ((k === 'text' || k === 'value' || k === 'title') && typeof v === 'string') out.push(v); else walk(v);
    }
  };
  walk(card);
  return out;
};

beforeAll(async () => {
  testStore = await openTestStore('pglite');
  booking = bookedSeries({ tenantId: tenant, programId: 'program-1', pairId: 'pair-1', mentor: junior, mentee: senior, starts: weeklyStarts(NOW, 2, 2) });
  await bookingRepository(testStore.store.db).insertMany(tenant, [booking]);
  handlers = createLoopHandlers({ ports: loopPortsOver(testStore.store, () => clock), tabUrl: 'https://upward.test/tab/' });
});
afterAll(() => testStore?.cleanup());

describe('feedback card actions', () => {
  const session = () => sessionsOfBooking(booking)[1]!; // ended two hours before NOW
  const ids = () => ({ sessionId: session().id, pairId: 'pair-1', submissionId: `${session().id}/junior-1` });
  const good = { happened: 'held', rating: '4', learned: 'How a budget is built', taught: 'Prompt patterns', action: 'Draft one prompt library', privateNote: 'Nervous at first', shareWithPartner: 'true' };

  it('re-renders the form with the error in place and what was typed, and stores nothing', async () => {
    const answer = await handlers.cardAction(actor('junior-1'), CARD_VERBS.feedbackSubmit, { ...ids(), ...good, rating: '' });
    expect(answer?.type).toBe('application/vnd.microsoft.card.adaptive');
    const card = answer!.value as any;
    const error = card.body.find((b: any) => b.id === 'rating-error');
    expect(error?.text).toMatch(/Rating is needed when the session was held/);
    expect(card.body.find((b: any) => b.id === 'learned')?.value).toBe('How a budget is built');
    expect(card.actions.map((a: any) => a.verb)).toEqual([CARD_VERBS.feedbackSubmit]);
    expect(await rows()).toEqual([]);
  });

  it('stores a submission once: a duplicate click and a retry answer the same thank-you, one row, revision 1', async () => {
    const first = await handlers.cardAction(actor('junior-1'), CARD_VERBS.feedbackSubmit, { ...ids(), ...good });
    const again = await handlers.cardAction(actor('junior-1'), CARD_VERBS.feedbackSubmit, { ...ids(), ...good });
    expect(again).toEqual(first);
    const thanks = texts(first!.value);
    expect(thanks).toContain('Thank you, Ada Obi!');
    // The junior said it was held: one of the two past sessions held, out of four.
    expect(thanks).toContain('**1 of 4 sessions held** so far.');
    const stored = await rows();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ author_id: 'junior-1', session_key: session().id, rating: 4, revision: 1, share_with_partner: true, private_note: 'Nervous at first' });
  });

  it('takes an edit until the next session starts, as a new revision of the same row', async () => {
    const edit = await handlers.cardAction(actor('junior-1'), CARD_VERBS.feedbackEdit, ids());
    expect((edit!.value as any).body.find((b: any) => b.id === 'learned')?.value).toBe('How a budget is built');
    await handlers.cardAction(actor('junior-1'), CARD_VERBS.feedbackSubmit, { ...ids(), ...good, rating: '5' });
    expect(await rows()).toEqual([expect.objectContaining({ rating: 5, revision: 2 })]);
  });

  it('renders each reader their own view on refresh, whatever ids the card carries', async () => {
    const mine = await handlers.cardAction(actor('junior-1'), CARD_VERBS.feedbackRefresh, ids());
    expect(texts(mine!.value)).toContain('Nervous at first');
    // The partner opening the same card (same data) gets their own empty form, never the junior's answers.
    const theirs = await handlers.cardAction(actor('senior-1'), CARD_VERBS.feedbackRefresh, ids());
    expect(theirs?.type).toBe('application/vnd.microsoft.card.adaptive');
    const card = theirs!.value as any;
    expect(card.actions.map((a: any) => a.verb)).toEqual([CARD_VERBS.feedbackSubmit]);
    expect(JSON.stringify(card)).not.toContain('Nervous at first');
    expect(JSON.stringify(card)).not.toContain('How a budget is built');
  });

  it('refuses someone outside the pair and stores nothing for them', async () => {
    const answer = await handlers.cardAction(actor(stranger), CARD_VERBS.feedbackSubmit, { ...ids(), ...good });
    expect(answer).toMatchObject({ type: 'application/vnd.microsoft.activity.message', value: expect.stringMatching(/belongs to someone else/) });
    expect((await rows()).map((r) => r.author_id)).toEqual(['junior-1']);
  });

  it('stores nothing once the next session has started', async () => {
    const earlier = sessionsOfBooking(booking)[0]!; // its next session (index 2) is already over
    const answer = await handlers.cardAction(actor('senior-1'), CARD_VERBS.feedbackSubmit, { sessionId: earlier.id, pairId: 'pair-1', submissionId: 'x', ...good });
    expect(answer).toMatchObject({ type: 'application/vnd.microsoft.activity.message', value: expect.stringMatching(/closed/) });
    expect((await rows()).map((r) => r.author_id)).toEqual(['junior-1']);
  });

  it("counts the partner's stored answers in the thank-you's progress, never showing them", async () => {
    const earlier = sessionsOfBooking(booking)[0]!;
    const target = { sessionId: earlier.id, pairId: earlier.pairId, authorId: senior.userId, sessionEnd: earlier.end };
    const partners = recordFeedback(undefined, target, { happened: 'held', rating: 5, learned: '', taught: '', action: '', privateNote: 'Senior secret', shareWithPartner: false }, null, earlier.end);
    if (partners.kind !== 'created') throw new Error(partners.kind);
    await feedbackRepository(testStore.store.db).insert(tenant, partners.feedback);
    // The junior's edit of their own answer: the thank-you counts both sessions the pair said were held.
    const answer = await handlers.cardAction(actor('junior-1'), CARD_VERBS.feedbackSubmit, { ...ids(), ...good, rating: '3' });
    expect(texts(answer!.value)).toContain('**2 of 4 sessions held** so far.');
    expect(JSON.stringify(answer)).not.toContain('Senior secret');
    expect((await rows()).find((r) => r.author_id === 'junior-1')).toMatchObject({ rating: 3, revision: 3 });
  });

  it('answers chat commands: help, next, and anything else quoted back', async () => {
    const help = await handlers.command({ tenantId: tenant, userId: junior.userId }, 'help');
    expect(texts(help)).toContain('What I can do');
    const next = await handlers.command({ tenantId: tenant, userId: junior.userId }, 'when is my next session?');
    expect(texts(next)[0]).toBe('Next: session 3 of 4 with Li Na Li');
    const none = await handlers.command({ tenantId: tenant, userId: stranger }, 'next');
    expect(texts(none)).toContain('No session coming up');
    expect(await handlers.command({ tenantId: tenant, userId: junior.userId }, 'flurble zork')).toMatch(/did not understand “flurble zork”/);
  });
});
