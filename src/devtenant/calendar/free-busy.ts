import { MS_PER_MINUTE } from './civil.ts';
import type { CalendarEntry, FreeBusyStatus } from './types.ts';

/**
 * availabilityView: one character per interval, the most unavailable status of anything that
 * overlaps the interval. v1.0 writes working elsewhere as free: 0 free / working elsewhere,
 * 1 tentative, 2 busy, 3 out of office.
 */

const VIEW_CHAR: Record<FreeBusyStatus, number> = { free: 0, workingElsewhere: 0, unknown: 0, tentative: 1, busy: 2, oof: 3 };

/** Rank of a status for merging (higher wins), matching the availabilityView digits. */
export function statusRank(status: FreeBusyStatus): number {
  return VIEW_CHAR[status];
}

/**
 * Builds the view in O(entries + intervals): each entry marks only the intervals it overlaps.
 * A window that is not a whole number of intervals gets a last, partial interval.
 */
export function availabilityView(entries: readonly CalendarEntry[], startMs: number, endMs: number, intervalMinutes: number): string {
  const step = intervalMinutes * MS_PER_MINUTE;
  const count = Math.max(0, Math.ceil((endMs - startMs) / step));
  const view = new Uint8Array(count);
  for (const entry of entries) {
    const rank = VIEW_CHAR[entry.status];
    if (rank === 0 || entry.endMs <= startMs || entry.startMs >= endMs) continue;
    const first = Math.max(0, Math.floor((entry.startMs - startMs) / step));
    const last = Math.min(count, Math.ceil((entry.endMs - startMs) / step));
    for (let i = first; i < last; i++) if (view[i]! < rank) view[i] = rank;
  }
  for (let i = 0; i < count; i++) view[i] = view[i]! + 48;
  return Buffer.from(view.buffer, view.byteOffset, count).toString('latin1');
}

/** A person's merged free/busy as disjoint segments, for many interval queries (findMeetingTimes). */
export interface StatusTimeline {
  starts: number[];
  ends: number[];
  ranks: number[];
}

/** Sweeps the entries into segments carrying the highest rank in force. */
export function buildTimeline(entries: readonly CalendarEntry[]): StatusTimeline {
  const points: [number, number, number][] = [];
  for (const e of entries) {
    const rank = VIEW_CHAR[e.status];
    if (rank > 0 && e.endMs > e.startMs) points.push([e.startMs, rank, 1], [e.endMs, rank, -1]);
  }
  points.sort((a, b) => a[0] - b[0]);
  const active = [0, 0, 0, 0];
  const timeline: StatusTimeline = { starts: [], ends: [], ranks: [] };
  for (let i = 0; i < points.length; ) {
    const t = points[i]![0];
    for (; i < points.length && points[i]![0] === t; i++) active[points[i]![1]]! += points[i]![2];
    const rank = active[3]! > 0 ? 3 : active[2]! > 0 ? 2 : active[1]! > 0 ? 1 : 0;
    const next = points[i]?.[0];
    if (rank > 0 && next !== undefined) {
      const last = timeline.ranks.length - 1;
      if (last >= 0 && timeline.ends[last] === t && timeline.ranks[last] === rank) timeline.ends[last] = next;
      else {
        timeline.starts.push(t);
        timeline.ends.push(next);
        timeline.ranks.push(rank);
      }
    }
  }
  return timeline;
}

/** Highest rank over [fromMs, toMs), by binary search for the first segment ending after fromMs. */
export function rankBetween(timeline: StatusTimeline, fromMs: number, toMs: number): number {
  let lo = 0;
  let hi = timeline.ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (timeline.ends[mid]! <= fromMs) lo = mid + 1;
    else hi = mid;
  }
  let rank = 0;
  for (let i = lo; i < timeline.starts.length && timeline.starts[i]! < toMs; i++) rank = Math.max(rank, timeline.ranks[i]!);
  return rank;
}
