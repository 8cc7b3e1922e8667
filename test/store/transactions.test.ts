import { expect, it } from 'vitest';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Kysely } from 'kysely';
import { userId, type TenantId } from '../../src/core/ids.ts';
import { epochMs } from '../../src/core/time.ts';
import { conversationReferenceRepository } from '../../src/store/conversation-references.ts';
import type { Database } from '../../src/store/schema.ts';
import { isUniqueViolation } from '../../src/store/store-errors.ts';
import { describeEachBackend, freshTenant } from './each-backend.ts';

const save = (db: Kysely<Database>, tenant: TenantId, user: string) =>
  conversationReferenceRepository(db).upsert(tenant, {
    userId: userId(user),
    conversationId: `conv-${user}`,
    serviceUrl: 'https://example.test/',
    channelId: 'msteams',
    botId: '28:bot',
    at: epochMs(1_000),
  });

/** A promise with its resolver, to order steps across concurrent transactions. */
function signal(): { promise: Promise<void>; fire: () => void } {
  let fire = (): void => undefined;
  const promise = new Promise<void>((resolve) => {
    fire = resolve;
  });
  return { promise, fire };
}

// While one transaction is open, the other may run at the same time (PostgreSQL: a second
// connection) or wait its turn (PGlite: one connection, queued). Waiting for the other side "or
// 200 ms" covers both without deadlocking the queued case.
const otherSideOrTimeout = (other: Promise<unknown>) => Promise.race([other.catch(() => undefined), sleep(200)]);

describeEachBackend('transactions', ({ store }) => {
  const userIdsOf = async (tenant: TenantId) =>
    (await conversationReferenceRepository(store().db).listForTenant(tenant)).map((r) => r.userId);

  it('a failed transaction leaves nothing behind while another commits concurrently', async () => {
    const tenant = freshTenant();
    const failingWrote = signal();
    const committingStarted = signal();
    let outsideRead: Promise<string[]> = Promise.resolve([]);
    let committing: Promise<unknown> = Promise.resolve();

    const failing = store().db.transaction().execute(async (trx) => {
      await save(trx, tenant, 'doomed');
      // Not awaited here: on PGlite it must wait for this transaction to end.
      outsideRead = userIdsOf(tenant);
      failingWrote.fire();
      await committingStarted.promise;
      await otherSideOrTimeout(committing);
      throw new Error('boom');
    });
    await failingWrote.promise;
    committing = store().db.transaction().execute((trx) => save(trx, tenant, 'kept'));
    committingStarted.fire();

    await expect(failing).rejects.toThrow('boom');
    await committing;
    expect(await userIdsOf(tenant)).toEqual(['kept']);
    expect(await outsideRead).not.toContain('doomed');
  });

  it('a transaction that fails while another is committing leaves nothing behind', async () => {
    const tenant = freshTenant();
    const committingWrote = signal();
    const failingStarted = signal();
    let failing: Promise<unknown> = Promise.resolve();

    const committing = store().db.transaction().execute(async (trx) => {
      await save(trx, tenant, 'kept');
      committingWrote.fire();
      await failingStarted.promise;
      await otherSideOrTimeout(failing);
    });
    await committingWrote.promise;
    failing = store().db.transaction().execute(async (trx) => {
      await save(trx, tenant, 'doomed');
      throw new Error('boom');
    });
    failingStarted.fire();

    await committing;
    await expect(failing).rejects.toThrow('boom');
    expect(await userIdsOf(tenant)).toEqual(['kept']);
  });

  it('many concurrent transactions keep exactly the rows of those that committed', async () => {
    const tenant = freshTenant();
    const runs = Array.from({ length: 20 }, (_, i) =>
      store()
        .db.transaction()
        .execute(async (trx) => {
          await save(trx, tenant, `u-${String(i).padStart(2, '0')}`);
          await sleep(i % 3);
          if (i % 2 === 1) throw new Error(`fail ${i}`);
        }),
    );
    const outcomes = await Promise.allSettled(runs);
    expect(outcomes.filter((o) => o.status === 'rejected')).toHaveLength(10);
    expect(await userIdsOf(tenant)).toEqual(Array.from({ length: 10 }, (_, k) => `u-${String(2 * k).padStart(2, '0')}`));
  });

  it('a failed statement rolls its transaction back and the store keeps working', async () => {
    const tenant = freshTenant();
    const error: unknown = await store()
      .db.transaction()
      .execute(async (trx) => {
        await save(trx, tenant, 'first');
        await trx
          .insertInto('conversation_references')
          .values({
            tenant_id: tenant,
            user_id: userId('first'),
            conversation_id: 'dup',
            service_url: 'https://example.test/',
            channel_id: 'msteams',
            bot_id: '28:bot',
            user_name: null,
            blocked_at: null,
            installed_at: new Date(1_000),
            updated_at: new Date(1_000),
          })
          .execute();
      })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(isUniqueViolation(error)).toBe(true);
    expect(await userIdsOf(tenant)).toEqual([]);
    await save(store().db, tenant, 'after');
    expect(await userIdsOf(tenant)).toEqual(['after']);
  });
});
