import type { Client } from '@microsoft/microsoft-graph-client';
import type { BatchOptions } from './batch.ts';
import { runKeyed, type KeyedStep } from './batch-outcomes.ts';
import type { StepOutcome } from './graph-step-error.ts';
import { parseGraphUtc } from './graph-time.ts';

/** One occurrence (or exception) of a series, as the organiser's calendar lists it. */
export interface EventInstance {
  /** The occurrence's own id: PATCH or cancel it to change only this session. */
  readonly id: string;
  /** Where the series places it (the key that survives moving it). */
  readonly originalStart: number;
  readonly start: number;
  readonly end: number;
  readonly type: string;
  readonly isCancelled: boolean;
}

/** A series whose occurrences to list in `[from, to)`. */
export interface InstancesQuery {
  readonly key: string;
  readonly userId: string;
  readonly seriesId: string;
  readonly from: number;
  readonly to: number;
  readonly what: string;
}

/** Occurrences of a whole term fit one page: a weekly series over two years is 105. */
const PAGE_SIZE = 200;
const SELECT = 'id,originalStart,start,end,type,isCancelled';

/**
 * Lists the occurrences of many series, batched (`GET …/events/{id}/instances`), following
 * `@odata.nextLink` when a page is full. Each key gets its occurrences sorted by original start,
 * or Graph's error.
 */
export async function listInstances(client: Client, queries: readonly InstancesQuery[], options: BatchOptions = {}): Promise<Map<string, StepOutcome<EventInstance[]>>> {
  const out = new Map<string, StepOutcome<EventInstance[]>>();
  const collected = new Map<string, EventInstance[]>();
  let pending = queries.map((q) => ({ query: q, url: firstPageUrl(q) }));
  while (pending.length > 0) {
    const next: typeof pending = [];
    const steps = pending.map(({ query, url }): KeyedStep<{ items: EventInstance[]; nextUrl: string | undefined }> => ({
      key: query.key,
      doing: `listing the sessions of ${query.what}`,
      step: { method: 'GET', url, mailbox: query.userId.toLowerCase(), headers: { Prefer: 'outlook.timezone="UTC"' } },
      read: (answer) => readPage(answer.body),
    }));
    const answers = await runKeyed(client, steps, options);
    for (const { query } of pending) {
      const answer = answers.get(query.key);
      if (answer === undefined) continue;
      if (!answer.ok) {
        out.set(query.key, answer);
        continue;
      }
      const list = collected.get(query.key) ?? [];
      list.push(...answer.value.items);
      collected.set(query.key, list);
      if (answer.value.nextUrl !== undefined) next.push({ query, url: answer.value.nextUrl });
      else out.set(query.key, { ok: true, value: list.sort((a, b) => a.originalStart - b.originalStart) });
    }
    pending = next;
  }
  return out;
}

function firstPageUrl(q: InstancesQuery): string {
  const params = new URLSearchParams({
    startDateTime: new Date(q.from).toISOString(),
    endDateTime: new Date(q.to).toISOString(),
    $select: SELECT,
    $top: String(PAGE_SIZE),
  });
  return `/users/${encodeURIComponent(q.userId)}/events/${encodeURIComponent(q.seriesId)}/instances?${params.toString()}`;
}

interface RawInstance {
  id?: string;
  originalStart?: string;
  start?: { dateTime?: string };
  end?: { dateTime?: string };
  type?: string;
  isCancelled?: boolean;
}

function readPage(body: unknown): { items: EventInstance[]; nextUrl: string | undefined } {
  const page = body as { value?: RawInstance[]; '@odata.nextLink'?: string };
  const items = (page.value ?? []).map((raw) => {
    const start = parseGraphUtc(String(raw.start?.dateTime));
    return {
      id: String(raw.id),
      originalStart: raw.originalStart ? parseGraphUtc(raw.originalStart) : start,
      start,
      end: parseGraphUtc(String(raw.end?.dateTime)),
      type: String(raw.type ?? 'occurrence'),
      isCancelled: raw.isCancelled === true,
    };
  });
  const link = page['@odata.nextLink'];
  return { items, nextUrl: link === undefined ? undefined : relativeToVersion(link) };
}

/** A batch wants URLs relative to the version root; nextLinks are absolute. */
function relativeToVersion(link: string): string {
  const at = link.indexOf('/v1.0/');
  return at >= 0 ? link.slice(at + '/v1.0'.length) : link;
}
