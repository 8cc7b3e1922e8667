import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { fromKysely, fromPglite } from 'pg-boss';
import { serialisedPgliteDatabase, withStoreTransaction } from '../../src/jobs/pglite-boss-database.ts';
import { openTestStore, type TestStore } from '../store/open-test-store.ts';

// PGlite only: on PostgreSQL pg-boss has connections of its own, so nothing is shared.

/** What pg-boss sends for its locked operations, with a statement that fails in the middle. */
const FAILING_BLOCK = 'BEGIN; SELECT 1; SELECT 1 / 0; COMMIT;';

/** Settles within `ms`, or says it hung: the failure mode here is a wait that never ends. */
const within = <T>(ms: number, promise: Promise<T>): Promise<{ value: T } | { error: unknown } | 'hung'> =>
  Promise.race([promise.then((value) => ({ value }), (error: unknown) => ({ error })), sleep(ms).then(() => 'hung' as const)]);

describe('pg-boss sharing the store’s PGlite instance', () => {
  let testStore: TestStore;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => void unhandled.push(reason);
  beforeAll(async () => {
    testStore = await openTestStore('pglite');
  });
  afterAll(async () => {
    await testStore.cleanup();
  });
  beforeEach(() => {
    unhandled.length = 0;
    process.on('unhandledRejection', onUnhandled);
  });
  afterEach(() => {
    process.off('unhandledRejection', onUnhandled);
  });
  const store = () => testStore.store;

  it('unguarded (pg-boss’s plain adapter): a store query queued behind a failing block lands in its aborted transaction', async () => {
    const boss = fromPglite(store().pglite!);
    const failing = boss.executeSql(FAILING_BLOCK);
    const storeQuery = sql<{ x: number }>`select 42 as x`.execute(store().db);
    await expect(failing).rejects.toThrow('division by zero');
    // This is the race the guard exists for; if pg-boss ever rolls back before releasing PGlite,
    // this expectation fails and the guard may be retired.
    await expect(storeQuery).rejects.toMatchObject({ code: '25P02' });
    // pg-boss's own ROLLBACK ran afterwards, so the session recovered.
    expect((await sql<{ x: number }>`select 1 as x`.execute(store().db)).rows).toEqual([{ x: 1 }]);
  });

  it('guarded: store queries and transactions queued behind a failing pg-boss block all succeed', async () => {
    const boss = serialisedPgliteDatabase(store());
    const failing = boss.executeSql(FAILING_BLOCK);
    const storeQuery = sql<{ x: number }>`select 42 as x`.execute(store().db);
    const storeTransaction = store()
      .db.transaction()
      .execute(async (trx) => (await sql<{ x: number }>`select 7 as x`.execute(trx)).rows);
    const secondFailing = boss.executeSql(FAILING_BLOCK);
    const bossQuery = boss.executeSql('select $1::int as x', [5]);

    await expect(failing).rejects.toThrow('division by zero');
    await expect(secondFailing).rejects.toThrow('division by zero');
    expect(await within(2_000, storeQuery)).toEqual({ value: expect.objectContaining({ rows: [{ x: 42 }] }) });
    expect(await within(2_000, storeTransaction)).toEqual({ value: [{ x: 7 }] });
    expect(await within(2_000, bossQuery)).toEqual({ value: expect.objectContaining({ rows: [{ x: 5 }] }) });
    expect(await within(2_000, sql`select 1`.execute(store().db))).not.toBe('hung');
    await sleep(10);
    expect(unhandled).toEqual([]);
  });

  it('guarded: a pg-boss statement caused inside a store transaction joins it instead of waiting for it forever', async () => {
    const boss = serialisedPgliteDatabase(store());
    const outcome = await within(
      3_000,
      store()
        .db.transaction()
        .execute(async (trx) => {
          await sql`create temporary table jobs_probe (n int) on commit drop`.execute(trx);
          await sql`insert into jobs_probe values (1)`.execute(trx);
          // As pg-boss's send does when its queue cache misses: a lookup on its own database.
          return withStoreTransaction(store(), fromKysely(trx), () => boss.executeSql('select count(*)::int as n from jobs_probe', []));
        }),
    );
    // Seeing the transaction's own temporary row proves the statement ran inside it.
    expect(outcome).toEqual({ value: { rows: [{ n: 1 }] } });
  });
});
