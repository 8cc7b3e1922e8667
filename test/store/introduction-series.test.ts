/**
 * Which booked series each person's introduction shows: one row per person and pairing, replaced
 * when the card shows another series, and scoped by tenant.
 */
import { expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { tenantId as toTenantId, userId } from '../../src/core/ids.ts';
import { epochMs } from '../../src/core/time.ts';
import { introductionSeriesRepository } from '../../src/store/introduction-series.ts';
import { describeEachBackend } from './each-backend.ts';

describeEachBackend('introduction series', ({ store }) => {
  it('keeps the latest series each person was shown, per pairing and tenant', async () => {
    const tenant = toTenantId(randomUUID());
    const other = toTenantId(randomUUID());
    const repo = introductionSeriesRepository(store().db);
    const [ada, li] = [userId('ada'), userId('li')];
    expect(await repo.shown(tenant, 'pair-1', [ada, li])).toEqual(new Map());
    await repo.record(tenant, 'pair-1', ada, 'none', epochMs(1));
    await repo.record(tenant, 'pair-1', li, 'none', epochMs(1));
    await repo.record(tenant, 'pair-1', ada, 'series-a', epochMs(2));
    await repo.record(tenant, 'pair-2', ada, 'series-b', epochMs(2));
    await repo.record(other, 'pair-1', li, 'series-c', epochMs(2));
    expect(await repo.shown(tenant, 'pair-1', [ada, li])).toEqual(new Map([[ada, 'series-a'], [li, 'none']]));
    expect(await repo.shown(tenant, 'pair-1', [li])).toEqual(new Map([[li, 'none']]));
    expect(await repo.shown(other, 'pair-1', [ada, li])).toEqual(new Map([[li, 'series-c']]));
    expect(await repo.shown(tenant, 'pair-1', [])).toEqual(new Map());
  });
});
