import { expect, it } from 'vitest';
import { userId } from '../../src/core/ids.ts';
import { epochMs } from '../../src/core/time.ts';
import { sentMessageRepository, type SentMessageRecord } from '../../src/store/sent-messages.ts';
import { describeEachBackend, freshTenant } from './each-backend.ts';

const sent = (user: string, key: string, activityId: string, at = 1_700_000_000_000): SentMessageRecord => ({
  messageKey: key,
  userId: userId(user),
  activityId,
  conversationId: `a:1conversation-of-${user}`,
  sentAt: epochMs(at),
});

describeEachBackend('sent messages', ({ store }) => {
  const repo = () => sentMessageRepository(store().db);

  it('records a send and finds it by tenant, key and person', async () => {
    const tenant = freshTenant();
    expect(await repo().record(tenant, sent('u-1', 'agenda:s-1', '1700000000001'))).toBe(true);
    expect(await repo().find(tenant, 'agenda:s-1', userId('u-1'))).toEqual({
      tenantId: tenant,
      messageKey: 'agenda:s-1',
      userId: 'u-1',
      activityId: '1700000000001',
      conversationId: 'a:1conversation-of-u-1',
      sentAt: 1_700_000_000_000,
    });
    expect(await repo().find(tenant, 'agenda:s-2', userId('u-1'))).toBeUndefined();
    expect(await repo().find(tenant, 'agenda:s-1', userId('u-2'))).toBeUndefined();
  });

  it('keeps the first record of a key for a person: a second one is refused, not overwritten', async () => {
    const tenant = freshTenant();
    await repo().record(tenant, sent('u-1', 'feedback:s-1', 'first', 1_000));
    expect(await repo().record(tenant, sent('u-1', 'feedback:s-1', 'second', 2_000))).toBe(false);
    expect(await repo().find(tenant, 'feedback:s-1', userId('u-1'))).toMatchObject({ activityId: 'first', sentAt: 1_000 });
  });

  it('finds the people of a batch already sent a key in one call, and lists a key', async () => {
    const tenant = freshTenant();
    const people = Array.from({ length: 1_200 }, (_, i) => userId(`u-${String(i).padStart(4, '0')}`));
    for (const person of people.filter((_, i) => i % 400 === 0)) await repo().record(tenant, sent(person, 'intro:p-1', `act-${person}`));
    await repo().record(tenant, sent('u-0001', 'intro:p-2', 'other-key'));
    const found = await repo().findMany(tenant, 'intro:p-1', people);
    expect([...found.keys()].sort()).toEqual(['u-0000', 'u-0400', 'u-0800']);
    expect(found.get(userId('u-0400'))?.activityId).toBe('act-u-0400');
    expect((await repo().listForKey(tenant, 'intro:p-1')).map((m) => m.userId)).toEqual(['u-0000', 'u-0400', 'u-0800']);
    expect(await repo().findMany(tenant, 'intro:p-1', [])).toEqual(new Map());
  });

  it("keeps each tenant's records apart", async () => {
    const a = freshTenant();
    const b = freshTenant();
    await repo().record(a, sent('same-oid', 'agenda:s-1', 'in-a'));
    expect(await repo().find(b, 'agenda:s-1', userId('same-oid'))).toBeUndefined();
    expect(await repo().record(b, sent('same-oid', 'agenda:s-1', 'in-b'))).toBe(true);
    expect((await repo().find(a, 'agenda:s-1', userId('same-oid')))?.activityId).toBe('in-a');
    expect((await repo().findMany(b, 'agenda:s-1', [userId('same-oid')])).get(userId('same-oid'))?.activityId).toBe('in-b');
    expect(await repo().listForKey(a, 'agenda:s-1')).toHaveLength(1);
  });
});
