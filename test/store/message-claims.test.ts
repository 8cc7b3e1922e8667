/**
 * Send claims (`store/message-claims.ts`) on both backends: one claimer of many wins, a fresh
 * claim is respected, a stale one is taken over by exactly one sender, and only its holder can
 * give it up. On the PostgreSQL server the claimers also come through two connections of their
 * own, as two app instances would.
 */
import { expect, it } from 'vitest';
import { sql } from 'kysely';
import { userId, type TenantId } from '../../src/core/ids.ts';
import { MINUTE_MS } from '../../src/core/time.ts';
import { messageClaimRepository, type MessageClaim } from '../../src/store/message-claims.ts';
import { sentMessageRepository } from '../../src/store/sent-messages.ts';
import { openStore, type Store } from '../../src/store/store.ts';
import { describeEachBackend, freshTenant } from './each-backend.ts';

const STALE = 10 * MINUTE_MS;
const ada = userId('u-ada');

describeEachBackend('message claims', ({ kind, store, testStore }) => {
  const repo = (s: Store = store()) => messageClaimRepository(s.db);
  /** Moves a claim's time back, as if its sender had died that long ago. */
  const ageClaim = async (tenant: TenantId, key: string, byMs: number) => {
    await store()
      .db.updateTable('message_claims')
      .set({ claimed_at: sql<Date>`claimed_at - ${byMs}::double precision * interval '1 millisecond'` })
      .where('tenant_id', '=', tenant)
      .where('message_key', '=', key)
      .execute();
  };
  /** The stores claimers use: on PostgreSQL a second connection pool to the same database (another instance); PGlite has one. */
  const withInstances = async (run: (stores: readonly Store[]) => Promise<void>) => {
    if (kind === 'pglite') return run([store(), store()]);
    const second = await openStore(testStore().options);
    try {
      await run([store(), second]);
    } finally {
      await second.close();
    }
  };
  const winners = (claims: readonly MessageClaim[]) => claims.filter((c) => c.claimed).length;

  it('lets exactly one of many senders claim a message at once, across instances', async () => {
    const tenant = freshTenant();
    await withInstances(async (stores) => {
      const claims = await Promise.all(Array.from({ length: 12 }, (_, i) => repo(stores[i % 2]).claim(tenant, 'agenda:s-1:u-ada', ada, STALE)));
      expect(winners(claims)).toBe(1);
      expect(claims.find((c) => c.claimed)).toMatchObject({ reclaimed: false });
    });
  });

  it('respects a fresh claim: another sender is told when it was made, and cannot give it up', async () => {
    const tenant = freshTenant();
    const before = Date.now();
    const first = await repo().claim(tenant, 'feedback:s-1:u-ada', ada, STALE);
    expect(first).toMatchObject({ claimed: true });
    const second = await repo().claim(tenant, 'feedback:s-1:u-ada', ada, STALE);
    expect(second.claimed).toBe(false);
    // The database's clock, which is this machine's here.
    expect(!second.claimed && Math.abs(second.claimedAt - before)).toBeLessThan(MINUTE_MS);
    expect(await repo().release(tenant, 'feedback:s-1:u-ada', ada, 'not-my-claim')).toBe(false);
    expect((await repo().claim(tenant, 'feedback:s-1:u-ada', ada, STALE)).claimed).toBe(false);
  });

  it('frees a released claim for the next sender, and scopes claims by tenant, key and person', async () => {
    const tenant = freshTenant();
    const first = await repo().claim(tenant, 'agenda:s-2:u-ada', ada, STALE);
    if (!first.claimed) throw new Error('expected the first claim to succeed');
    expect((await repo().claim(freshTenant(), 'agenda:s-2:u-ada', ada, STALE)).claimed).toBe(true);
    expect((await repo().claim(tenant, 'agenda:s-3:u-ada', ada, STALE)).claimed).toBe(true);
    expect((await repo().claim(tenant, 'agenda:s-2:u-ada', userId('u-bo'), STALE)).claimed).toBe(true);
    expect(await repo().release(tenant, 'agenda:s-2:u-ada', ada, first.claimId)).toBe(true);
    expect(await repo().release(tenant, 'agenda:s-2:u-ada', ada, first.claimId)).toBe(false);
    expect(await repo().claim(tenant, 'agenda:s-2:u-ada', ada, STALE)).toMatchObject({ claimed: true, reclaimed: false });
  });

  it('lets exactly one sender take over a stale claim; its old holder can no longer give it up', async () => {
    const tenant = freshTenant();
    const dead = await repo().claim(tenant, 'feedback-reminder:s-1:u-ada', ada, STALE);
    if (!dead.claimed) throw new Error('expected the first claim to succeed');
    // Nine minutes old is still fresh.
    await ageClaim(tenant, 'feedback-reminder:s-1:u-ada', 9 * MINUTE_MS);
    expect((await repo().claim(tenant, 'feedback-reminder:s-1:u-ada', ada, STALE)).claimed).toBe(false);
    await ageClaim(tenant, 'feedback-reminder:s-1:u-ada', 2 * MINUTE_MS);
    await withInstances(async (stores) => {
      const claims = await Promise.all(Array.from({ length: 8 }, (_, i) => repo(stores[i % 2]).claim(tenant, 'feedback-reminder:s-1:u-ada', ada, STALE)));
      expect(winners(claims)).toBe(1);
      expect(claims.find((c) => c.claimed)).toMatchObject({ reclaimed: true });
    });
    expect(await repo().release(tenant, 'feedback-reminder:s-1:u-ada', ada, dead.claimId)).toBe(false);
    expect((await repo().claim(tenant, 'feedback-reminder:s-1:u-ada', ada, STALE)).claimed).toBe(false);
  });

  it('comes with the sent-messages repository, and refuses a stale age that is not a positive number', async () => {
    const tenant = freshTenant();
    expect((await sentMessageRepository(store().db).claim(tenant, 'intro:p-1:u-ada', ada, STALE)).claimed).toBe(true);
    expect((await repo().claim(tenant, 'intro:p-1:u-ada', ada, STALE)).claimed).toBe(false);
    for (const bad of [0, -1, Number.NaN]) await expect(repo().claim(tenant, 'intro:p-2:u-ada', ada, bad)).rejects.toThrow(/staleAfterMs/);
    expect((await repo().claim(tenant, 'intro:p-2:u-ada', ada, STALE)).claimed).toBe(true);
  });
});
