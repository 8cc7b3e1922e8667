/**
 * A pair's shared agenda backlog for its own people: reading it and adding to it from the tab.
 * The pairing says who is in it; the backlog is keyed by the pairing's id. Only the pair's people
 * get in; the program's own admins know the pairing (they list the program's pairs), so they are
 * told 403; to anyone else, admins of other programs included, the pairing does not exist (404).
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { forbidden, notFound, UpwardError } from '../../core/errors.ts';
import type { BacklogItem } from '../../contracts/backlog.ts';
import type { TenantId, UserId } from '../../core/ids.ts';
import { parseOrThrow } from '../../core/programs/validation.ts';
import { pairId } from '../../core/sessions/session.ts';
import { epochMs } from '../../core/time.ts';
import { programAccess } from '../../programs/program-access.ts';
import { agendaBacklogRepository, type StoredBacklogItem } from '../../store/agenda-backlog.ts';
import { pairingId, pairingRepository, type PairingRecord } from '../../store/pairings.ts';
import type { Database } from '../../store/schema.ts';
import { MAX_AGENDA_ITEM } from '../../teams/cards/agenda-card.ts';

/** The longest link kept with an item (browsers and Teams message links stay far below it). */
export const MAX_BACKLOG_LINK = 2000;

/** One item of a pair's shared agenda backlog, as the tab shows it (the wire contract). */
export type BacklogItemView = BacklogItem;

type Caller = { readonly userId: UserId; readonly isAdmin: boolean };

/** The pair's backlog for one of its members. */
export interface PairBacklogSource {
  /** @throws `not_found` for a pairing the caller is not in, `forbidden` for an admin of its program outside it. */
  backlog(tenantId: TenantId, caller: Caller, pairingId: string): Promise<BacklogItemView[]>;
  /**
   * Adds `{ text, link?, id? }` to the pair's backlog, same refusals as `backlog`, then
   * `bad_input` naming the field (nothing stored) and `conflict` once the pair has ended.
   * `id` makes a retry or a second click add nothing more (`added: false`).
   */
  add(tenantId: TenantId, caller: Caller, pairingId: string, body: unknown): Promise<{ added: boolean; item: BacklogItemView }>;
}

const isHttpUrl = (value: string): boolean => {
  try {
    const protocol = new URL(value).protocol;
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
};

const newItemSchema = z.strictObject({
  text: z
    .string({ error: 'Write what you want to talk about' })
    .trim()
    .min(1, { error: 'Write what you want to talk about' })
    .max(MAX_AGENDA_ITEM, { error: `An agenda item holds at most ${MAX_AGENDA_ITEM} characters: shorten it` }),
  link: z
    .union([z.string(), z.null()], { error: 'A link is a web address such as https://contoso.sharepoint.com/…' })
    .optional()
    .transform((value) => (value === undefined || value === null || value.trim() === '' ? null : value.trim()))
    .refine((value) => value === null || value.length <= MAX_BACKLOG_LINK, { error: `A link holds at most ${MAX_BACKLOG_LINK} characters` })
    .refine((value) => value === null || isHttpUrl(value), { error: 'A link must start with https:// or http://' }),
  id: z.string().trim().min(1).max(100, { error: 'An item id holds at most 100 characters' }).optional(),
});

/** The source over the store. */
export function createPairBacklogSource(db: Kysely<Database>, now: () => number = Date.now): PairBacklogSource {
  const access = programAccess(db);
  const view = (item: StoredBacklogItem, me: string): BacklogItemView => ({
    id: item.id,
    text: item.text,
    link: item.link,
    addedByMe: item.addedBy.toLowerCase() === me,
    addedAt: new Date(item.addedAt).toISOString(),
    done: item.done,
  });
  /** The pairing, if the caller is one of its people. */
  const pairingFor = async (tenantId: TenantId, caller: Caller, id: string): Promise<PairingRecord> => {
    const pairing = await pairingRepository(db).get(tenantId, pairingId(id));
    const me = caller.userId.toLowerCase();
    const member = pairing !== undefined && [pairing.mentorId, pairing.menteeId, pairing.coMentorId].some((m) => m !== null && m.toLowerCase() === me);
    if (member) return pairing;
    if (pairing !== undefined && (await access.administers({ tenantId, ...caller }, pairing.programId))) {
      throw forbidden('Only the pair may see and add to their agenda backlog');
    }
    throw notFound(`There is no pairing ${id}`);
  };
  return {
    async backlog(tenantId, caller, id) {
      await pairingFor(tenantId, caller, id);
      const items = await agendaBacklogRepository(db).list(tenantId, pairId(id), { includeDone: true });
      return items.map((item) => view(item, caller.userId.toLowerCase()));
    },

    async add(tenantId, caller, id, body) {
      const pairing = await pairingFor(tenantId, caller, id);
      const input = parseOrThrow(newItemSchema, body ?? {}, 'agenda item');
      if (pairing.endedAt !== null) throw new UpwardError('conflict', 'This pair has ended, so its backlog takes no new items');
      const { added, item } = await agendaBacklogRepository(db).add(tenantId, {
        pairId: pairId(pairing.id),
        id: input.id ?? `tab:${randomUUID()}`,
        text: input.text,
        link: input.link,
        addedBy: caller.userId,
        addedAt: epochMs(now()),
      });
      return { added, item: view(item, caller.userId.toLowerCase()) };
    },
  };
}
