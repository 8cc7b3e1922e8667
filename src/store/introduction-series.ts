import type { Kysely } from 'kysely';
import type { TenantId, UserId } from '../core/ids.ts';
import type { EpochMs } from '../core/time.ts';
import type { Database } from './schema.ts';

/**
 * Which booked series each person's introduction card shows (see `IntroductionSeriesTable`), one
 * organisation at a time: every method takes the tenant first and every statement is filtered by it.
 */
export interface IntroductionSeriesRepository {
  /** The series key each of `userIds` has been shown for `pairingId`; people never shown one are absent. */
  shown(tenantId: TenantId, pairingId: string, userIds: readonly UserId[]): Promise<Map<UserId, string>>;
  /** Records that the person's card now shows `seriesKey` (replacing what it showed before). */
  record(tenantId: TenantId, pairingId: string, userId: UserId, seriesKey: string, at: EpochMs): Promise<void>;
}

/** The repository over `db` (or a transaction). */
export function introductionSeriesRepository(db: Kysely<Database>): IntroductionSeriesRepository {
  return {
    async shown(tenantId, pairingId, userIds) {
      const found = new Map<UserId, string>();
      if (userIds.length === 0) return found;
      const rows = await db
        .selectFrom('introduction_series')
        .select(['user_id', 'series_key'])
        .where('tenant_id', '=', tenantId)
        .where('pairing_id', '=', pairingId)
        .where('user_id', 'in', userIds)
        .execute();
      for (const row of rows) found.set(row.user_id, row.series_key);
      return found;
    },

    async record(tenantId, pairingId, userId, seriesKey, at) {
      await db
        .insertInto('introduction_series')
        .values({ tenant_id: tenantId, pairing_id: pairingId, user_id: userId, series_key: seriesKey, shown_at: new Date(at) })
        .onConflict((conflict) => conflict.columns(['tenant_id', 'pairing_id', 'user_id']).doUpdateSet({ series_key: seriesKey, shown_at: new Date(at) }))
        .execute();
    },
  };
}
