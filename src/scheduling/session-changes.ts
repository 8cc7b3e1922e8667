import { HOUR_MS } from '../core/time.ts';
import { cancelEvents, moveBody, patchEvents } from '../graph/events.ts';
import { GraphRequestError } from '../graph/graph-step-error.ts';
import { listInstances } from '../graph/instances.ts';
import type { GraphContext } from './graph-context.ts';

/**
 * Move one session of a series to `[start, end)`, or cancel it; found by where the series places
 * it (`originalStart`). `now` is where it is at the moment when it was moved before (Graph lists an
 * exception at its own time, not at the series time).
 */
export type SessionChange =
  | { readonly kind: 'move'; readonly originalStart: number; readonly now?: number; readonly start: number; readonly end: number }
  | { readonly kind: 'cancel'; readonly originalStart: number; readonly now?: number; readonly comment: string };

/** The changes to make in one series of the organiser's calendar. */
export interface SeriesChanges {
  readonly key: string;
  readonly userId: string;
  readonly seriesId: string;
  readonly what: string;
  readonly changes: readonly SessionChange[];
}

/** All changes made, or the first error Graph gave for this series. */
export type ChangesOutcome = { readonly ok: true } | { readonly ok: false; readonly error: GraphRequestError };

/**
 * Applies session changes to many series with as few requests as Graph allows: one batched
 * `instances` listing per series (an occurrence's id is needed to change only it), then one
 * batched PATCH (move, making an exception) or cancel per session.
 */
export async function applySessionChanges(ctx: GraphContext, items: readonly SeriesChanges[]): Promise<Map<string, ChangesOutcome>> {
  const out = new Map<string, ChangesOutcome>();
  const todo = items.filter((i) => i.changes.length > 0);
  for (const item of items) if (item.changes.length === 0) out.set(item.key, { ok: true });
  if (todo.length === 0) return out;

  const listed = await listInstances(
    ctx.client,
    todo.map((item) => {
      const starts = item.changes.flatMap((c) => [c.originalStart, c.now ?? c.originalStart]);
      return {
        key: item.key,
        userId: item.userId,
        seriesId: item.seriesId,
        from: Math.min(...starts) - 24 * HOUR_MS,
        to: Math.max(...starts) + 24 * HOUR_MS,
        what: item.what,
      };
    }),
    ctx.batch,
  );

  const patches: Parameters<typeof patchEvents>[1][number][] = [];
  const cancels: Parameters<typeof cancelEvents>[1][number][] = [];
  for (const item of todo) {
    const instances = listed.get(item.key)!;
    if (!instances.ok) {
      out.set(item.key, instances);
      continue;
    }
    const byOriginal = new Map(instances.value.map((i) => [i.originalStart, i]));
    let missing: number | undefined;
    item.changes.forEach((change, n) => {
      const instance = byOriginal.get(change.originalStart);
      if (instance === undefined) {
        missing ??= change.originalStart;
        return;
      }
      const key = `${item.key}#${n}`;
      if (change.kind === 'move') patches.push({ key, userId: item.userId, eventId: instance.id, body: moveBody(change.start, change.end), what: `a session of ${item.what}` });
      else cancels.push({ key, userId: item.userId, eventId: instance.id, comment: change.comment, what: `a session of ${item.what}` });
    });
    if (missing !== undefined) {
      out.set(item.key, { ok: false, error: notInSeries(item.what, missing) });
    }
  }
  // One after the other: each call holds the per-mailbox limit only among its own requests.
  const patched = patches.length > 0 ? await patchEvents(ctx.client, patches, ctx.batch) : new Map();
  const cancelled = cancels.length > 0 ? await cancelEvents(ctx.client, cancels, ctx.batch) : new Map();
  for (const item of todo) {
    if (out.has(item.key)) continue;
    let failure: ChangesOutcome | undefined;
    item.changes.forEach((_c, n) => {
      const answer = patched.get(`${item.key}#${n}`) ?? cancelled.get(`${item.key}#${n}`);
      if (answer && !answer.ok && failure === undefined) failure = answer;
    });
    out.set(item.key, failure ?? { ok: true });
  }
  return out;
}

function notInSeries(what: string, originalStart: number): GraphRequestError {
  return new GraphRequestError(
    'upstream',
    `The session of ${what} planned for ${new Date(originalStart).toISOString()} is not in the organiser's series any more`,
    404,
    'OccurrenceNotFound',
  );
}
