import { expect, it } from 'vitest';
import { userId, type UserId } from '../../src/core/ids.ts';
import { epochMs } from '../../src/core/time.ts';
import {
  conversationReferenceRepository,
  type ConversationReferenceSighting,
} from '../../src/store/conversation-references.ts';
import { isUniqueViolation, sqlState } from '../../src/store/store-errors.ts';
import { describeEachBackend, freshTenant } from './each-backend.ts';

const sighting = (user: UserId, conversationId: string, at: number): ConversationReferenceSighting => ({
  userId: user,
  conversationId,
  serviceUrl: 'https://smba.trafficmanager.net/emea/',
  channelId: 'msteams',
  botId: '28:bot',
  userName: `Name of ${user}`,
  at: epochMs(at),
});

describeEachBackend('conversation references', ({ store }) => {
  const repo = () => conversationReferenceRepository(store().db);

  it('stores a reference and reads it back with its times', async () => {
    const tenant = freshTenant();
    const stored = await repo().upsert(tenant, sighting(userId('u-1'), 'conv-1', 1_700_000_000_000));
    const expected = {
      tenantId: tenant,
      userId: 'u-1',
      conversationId: 'conv-1',
      serviceUrl: 'https://smba.trafficmanager.net/emea/',
      channelId: 'msteams',
      botId: '28:bot',
      userName: 'Name of u-1',
      blockedAt: undefined,
      installedAt: 1_700_000_000_000,
      updatedAt: 1_700_000_000_000,
    };
    expect(stored).toEqual(expected);
    expect(await repo().get(tenant, userId('u-1'))).toEqual(expected);
    expect(await repo().get(tenant, userId('u-2'))).toBeUndefined();
  });

  it('a new sighting updates the addresses, keeps the install time and the known name, and unblocks', async () => {
    const tenant = freshTenant();
    const user = userId('u-1');
    await repo().upsert(tenant, sighting(user, 'conv-old', 1_000));
    expect(await repo().markBlocked(tenant, user, epochMs(2_000))).toBe(true);
    const again = await repo().upsert(tenant, { ...sighting(user, 'conv-new', 3_000), userName: undefined });
    expect(again).toMatchObject({ conversationId: 'conv-new', userName: 'Name of u-1', installedAt: 1_000, updatedAt: 3_000 });
    expect(again.blockedAt).toBeUndefined();
  });

  it('keeps the Teams user id once seen, even through a sighting without one, and lists known ids per tenant', async () => {
    const [tenant, other] = [freshTenant(), freshTenant()];
    await repo().upsert(tenant, { ...sighting(userId('u-1'), 'conv-1', 1_000), teamsUserId: '29:1abc' });
    // Stored again from Graph's chat id (no activity, so no Teams id): the known id stays.
    const again = await repo().upsert(tenant, sighting(userId('u-1'), 'conv-2', 2_000));
    expect(again).toMatchObject({ conversationId: 'conv-2', teamsUserId: '29:1abc' });
    await repo().upsert(tenant, sighting(userId('u-2'), 'conv-3', 1_000));
    await repo().upsert(other, { ...sighting(userId('u-3'), 'conv-4', 1_000), teamsUserId: '29:1other' });
    expect(await repo().teamsUserIds(tenant, [userId('u-1'), userId('u-2'), userId('u-3')])).toEqual(new Map([['u-1', '29:1abc']]));
    expect(await repo().teamsUserIds(tenant, [])).toEqual(new Map());
  });

  it('markBlocked keeps the first time a person was found unreachable', async () => {
    const tenant = freshTenant();
    const user = userId('u-1');
    await repo().upsert(tenant, sighting(user, 'conv-1', 1_000));
    await repo().markBlocked(tenant, user, epochMs(5_000));
    await repo().markBlocked(tenant, user, epochMs(9_000));
    expect(await repo().get(tenant, user)).toMatchObject({ blockedAt: 5_000, updatedAt: 9_000 });
  });

  it("keeps each tenant's rows invisible and untouchable to other tenants", async () => {
    const a = freshTenant();
    const b = freshTenant();
    const shared = userId('same-oid-in-both');
    await repo().upsert(a, sighting(shared, 'conv-a', 1_000));
    await repo().upsert(a, sighting(userId('only-in-a'), 'conv-a2', 1_000));
    await repo().upsert(b, sighting(shared, 'conv-b', 2_000));

    expect((await repo().get(a, shared))?.conversationId).toBe('conv-a');
    expect((await repo().get(b, shared))?.conversationId).toBe('conv-b');
    expect(await repo().get(b, userId('only-in-a'))).toBeUndefined();
    expect((await repo().listForTenant(b)).map((r) => [r.tenantId, r.userId, r.conversationId])).toEqual([
      [b, shared, 'conv-b'],
    ]);

    // Writes through tenant B never reach tenant A's rows.
    expect(await repo().markBlocked(b, userId('only-in-a'), epochMs(3_000))).toBe(false);
    expect(await repo().markBlocked(b, shared, epochMs(3_000))).toBe(true);
    expect((await repo().get(a, shared))?.blockedAt).toBeUndefined();
    expect((await repo().get(a, userId('only-in-a')))?.blockedAt).toBeUndefined();
    await repo().upsert(b, sighting(shared, 'conv-b2', 4_000));
    expect((await repo().get(a, shared))?.conversationId).toBe('conv-a');
  });

  it("lists a tenant's references ordered by user id, blocked ones included", async () => {
    const tenant = freshTenant();
    for (const user of ['u-c', 'u-a', 'u-b']) await repo().upsert(tenant, sighting(userId(user), `conv-${user}`, 1_000));
    await repo().markBlocked(tenant, userId('u-b'), epochMs(2_000));
    const listed = await repo().listForTenant(tenant);
    expect(listed.map((r) => [r.userId, r.blockedAt])).toEqual([
      ['u-a', undefined],
      ['u-b', 2_000],
      ['u-c', undefined],
    ]);
  });

  it('refuses a second row for the same tenant and user with SQLSTATE 23505', async () => {
    const tenant = freshTenant();
    const row = {
      tenant_id: tenant,
      user_id: userId('u-1'),
      conversation_id: 'conv-1',
      service_url: 'https://example.test/',
      channel_id: 'msteams',
      bot_id: '28:bot',
      user_name: null,
      blocked_at: null,
      installed_at: new Date(1_000),
      updated_at: new Date(1_000),
    };
    await store().db.insertInto('conversation_references').values(row).execute();
    const error: unknown = await store().db.insertInto('conversation_references').values(row).execute().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(sqlState(error)).toBe('23505');
    expect(isUniqueViolation(error)).toBe(true);
    // The same person in another tenant is a different row.
    await store().db.insertInto('conversation_references').values({ ...row, tenant_id: freshTenant() }).execute();
  });
});
