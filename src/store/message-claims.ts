import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { TenantId, UserId } from '../core/ids.ts';
import { epochMs, type EpochMs } from '../core/time.ts';
import type { Database } from './schema.ts';

/** What a claim attempt found. */
export type MessageClaim =
  /** The caller holds the claim; `reclaimed` when it took over a stale one (a sender that died mid-send). */
  | { readonly claimed: true; readonly claimId: string; readonly reclaimed: boolean }
  /** Another sender holds a claim younger than the stale age, made at `claimedAt` (the database's clock). */
  | { readonly claimed: false; readonly claimedAt: EpochMs };

/**
 * Claims on sending one message key to one person, across every app instance on the database.
 * Every method takes the tenant first and every statement is filtered by it.
 */
export interface MessageClaimRepository {
  /**
   * Claims (`messageKey`, `userId`) unless another sender holds a claim made less than
   * `staleAfterMs` ago by the database's clock. Atomic: of senders claiming at once, one wins.
   */
  claim(tenantId: TenantId, messageKey: string, userId: UserId, staleAfterMs: number): Promise<MessageClaim>;
  /** Gives the claim up; false when it is no longer the caller's (taken over after going stale). */
  release(tenantId: TenantId, messageKey: string, userId: UserId, claimId: string): Promise<boolean>;
}

/**
 * A claim attempt can find the holder gone between its statements (released just then); it then
 * tries again. Two more tries are plenty: each failure means another sender made progress.
 */
const CLAIM_TRIES = 3;

/** The repository over `db` (not a transaction: each statement must commit for other instances to see it). */
export function messageClaimRepository(db: Kysely<Database>): MessageClaimRepository {
  const table = 'message_claims';
  return {
    async claim(tenantId, messageKey, userId, staleAfterMs) {
      if (!Number.isFinite(staleAfterMs) || staleAfterMs <= 0) throw new Error(`staleAfterMs must be a positive number of milliseconds, not ${staleAfterMs}`);
      let heldSince: Date | undefined;
      for (let attempt = 0; attempt < CLAIM_TRIES; attempt++) {
        const claimId = randomUUID();
        // No claim yet: the primary key lets exactly one of the senders inserting at once in.
        const inserted = await db
          .insertInto(table)
          .values({ tenant_id: tenantId, message_key: messageKey, user_id: userId, claim_id: claimId, claimed_at: sql<Date>`now()` })
          .onConflict((conflict) => conflict.columns(['tenant_id', 'message_key', 'user_id']).doNothing())
          .executeTakeFirst();
        if ((inserted.numInsertedOrUpdatedRows ?? 0n) > 0n) return { claimed: true, claimId, reclaimed: false };

        // A stale claim: the update locks the row and re-checks the age, so of two senders taking
        // it over at once the second finds it fresh again and backs off.
        const takenOver = await db
          .updateTable(table)
          .set({ claim_id: claimId, claimed_at: sql<Date>`now()` })
          .where('tenant_id', '=', tenantId)
          .where('message_key', '=', messageKey)
          .where('user_id', '=', userId)
          .where('claimed_at', '<', sql<Date>`now() - ${staleAfterMs}::double precision * interval '1 millisecond'`)
          .executeTakeFirst();
        if ((takenOver.numUpdatedRows ?? 0n) > 0n) return { claimed: true, claimId, reclaimed: true };

        const holder = await db
          .selectFrom(table)
          .select('claimed_at')
          .where('tenant_id', '=', tenantId)
          .where('message_key', '=', messageKey)
          .where('user_id', '=', userId)
          .executeTakeFirst();
        if (holder !== undefined) return { claimed: false, claimedAt: epochMs(holder.claimed_at.getTime()) };
        heldSince = new Date();
      }
      // Claims kept coming and going under us: someone is sending it; report it held.
      return { claimed: false, claimedAt: epochMs((heldSince ?? new Date()).getTime()) };
    },

    async release(tenantId, messageKey, userId, claimId) {
      const result = await db
        .deleteFrom(table)
        .where('tenant_id', '=', tenantId)
        .where('message_key', '=', messageKey)
        .where('user_id', '=', userId)
        .where('claim_id', '=', claimId)
        .executeTakeFirst();
      return (result.numDeletedRows ?? 0n) > 0n;
    },
  };
}
