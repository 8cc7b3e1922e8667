/**
 * The per-tenant cache of teach indexes. An index is built on first use and rebuilt when it is
 * older than the TTL or was invalidated (an enrolment changed); concurrent searches share one
 * build, and a search during a rebuild after expiry still waits for fresh data rather than
 * showing someone who left long ago.
 */
import type { TenantId } from '../../core/ids.ts';
import type { PublicProfile } from '../../core/programs/enrolment.ts';
import type { EpochMs } from '../../core/time.ts';
import { buildTeachIndex, type TeachIndex } from './teach-index.ts';

/** Where profiles come from: every enrolment of the tenant, through the core's `publicProfile`. */
export interface EnrolledProfilesPort {
  listPublicProfiles(tenantId: TenantId): Promise<readonly PublicProfile[]>;
}

export interface TeachSearch {
  /** The tenant's index, built or rebuilt as needed. */
  indexFor(tenantId: TenantId): Promise<TeachIndex>;
  /** Drops the tenant's index: call after an enrolment changed. */
  invalidate(tenantId: TenantId): void;
}

/** Default time an index is trusted: short, so a new enrolment shows up within a minute anyway. */
export const TEACH_INDEX_TTL_MS = 60_000;

export function teachSearch(source: EnrolledProfilesPort, now: () => EpochMs, ttlMs = TEACH_INDEX_TTL_MS): TeachSearch {
  const cache = new Map<TenantId, { builtAt: number; index: Promise<TeachIndex> }>();
  return {
    indexFor(tenantId) {
      const at = now();
      const cached = cache.get(tenantId);
      if (cached && at - cached.builtAt < ttlMs) return cached.index;
      const index = source.listPublicProfiles(tenantId).then(buildTeachIndex);
      const entry = { builtAt: at, index };
      cache.set(tenantId, entry);
      // A failed build is not cached: the next search tries again.
      index.catch(() => {
        if (cache.get(tenantId) === entry) cache.delete(tenantId);
      });
      return index;
    },
    invalidate(tenantId) {
      cache.delete(tenantId);
    },
  };
}
