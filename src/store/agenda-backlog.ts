import type { Kysely, Selectable } from 'kysely';
import type { TenantId, UserId } from '../core/ids.ts';
import type { BacklogItem } from '../core/sessions/agenda.ts';
import type { PairId } from '../core/sessions/session.ts';
import { pairId as toPairId } from '../core/sessions/session.ts';
import { epochMs, type EpochMs } from '../core/time.ts';
import type { AgendaBacklogTable, Database } from './schema.ts';

/** A backlog item as stored: the core's `BacklogItem` plus its pair and where it came from. */
export interface StoredBacklogItem extends BacklogItem {
  readonly pairId: PairId;
  /** A link back to the source (e.g. the Teams message it was added from), or `null`. */
  readonly link: string | null;
}

/** What a caller adds. `id` is the idempotency key within the pair: adding it again adds nothing. */
export interface NewBacklogItem {
  readonly pairId: PairId;
  readonly id: string;
  readonly text: string;
  readonly link: string | null;
  readonly addedBy: UserId;
  readonly addedAt: EpochMs;
}

/** `added: false` when an item with that id was already there; `item` is then the stored one. */
export interface BacklogAddResult {
  readonly added: boolean;
  readonly item: StoredBacklogItem;
}

/** Pairs' shared backlogs, one organisation at a time: every statement is filtered by the tenant. */
export interface AgendaBacklogRepository {
  add(tenantId: TenantId, item: NewBacklogItem): Promise<BacklogAddResult>;
  /** The pair's items, oldest first; `done` ones only when asked for. */
  list(tenantId: TenantId, pairId: PairId, options?: { includeDone?: boolean }): Promise<StoredBacklogItem[]>;
  /** Marks an item covered; false when there is no such open item. */
  markDone(tenantId: TenantId, pairId: PairId, id: string, at: EpochMs): Promise<boolean>;
}

/** The repository over `db` (or a transaction). */
export function agendaBacklogRepository(db: Kysely<Database>): AgendaBacklogRepository {
  const table = 'agenda_backlog';
  const find = (tenantId: TenantId, pair: PairId, id: string) =>
    db.selectFrom(table).selectAll().where('tenant_id', '=', tenantId).where('pair_id', '=', pair).where('id', '=', id).executeTakeFirst();
  return {
    async add(tenantId, item) {
      const inserted = await db
        .insertInto(table)
        .values({
          tenant_id: tenantId,
          pair_id: item.pairId,
          id: item.id,
          text: item.text,
          link: item.link,
          added_by: item.addedBy,
          added_at: new Date(item.addedAt),
          done_at: null,
        })
        // A retry or a second click: keep the first row as it is.
        .onConflict((oc) => oc.columns(['tenant_id', 'pair_id', 'id']).doNothing())
        .returningAll()
        .executeTakeFirst();
      if (inserted !== undefined) return { added: true, item: toItem(inserted) };
      const existing = await find(tenantId, item.pairId, item.id);
      if (existing === undefined) throw new Error(`backlog item ${item.id} of pair ${item.pairId} was neither inserted nor found`);
      return { added: false, item: toItem(existing) };
    },

    async list(tenantId, pair, options = {}) {
      let query = db.selectFrom(table).selectAll().where('tenant_id', '=', tenantId).where('pair_id', '=', pair);
      if (!options.includeDone) query = query.where('done_at', 'is', null);
      const rows = await query.orderBy('added_at').orderBy('id').execute();
      return rows.map(toItem);
    },

    async markDone(tenantId, pair, id, at) {
      const result = await db
        .updateTable(table)
        .set({ done_at: new Date(at) })
        .where('tenant_id', '=', tenantId)
        .where('pair_id', '=', pair)
        .where('id', '=', id)
        .where('done_at', 'is', null)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
  };
}

function toItem(row: Selectable<AgendaBacklogTable>): StoredBacklogItem {
  return {
    pairId: toPairId(row.pair_id),
    id: row.id,
    text: row.text,
    link: row.link,
    addedBy: row.added_by,
    addedAt: epochMs(row.added_at.getTime()),
    done: row.done_at !== null,
  };
}
