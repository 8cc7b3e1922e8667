import { MINUTE_MS } from '../time.ts';
import type { Interval } from '../time/intervals.ts';
import { offsetAt, type ZoneTimeline } from '../time/zone-timeline.ts';

/** Sessions start on the quarter hour of the organiser's clock. */
export const GRID_MINUTES = 15;
export const GRID_MS = GRID_MINUTES * MINUTE_MS;

/**
 * Where a session of one length can start inside shared free time: for each free interval long
 * enough, the first and last grid-aligned start (`lo[i]`…`hi[i]`, every `GRID_MS` between them).
 * Sorted like the free intervals they come from. Built once per request so that "is there a
 * free slot near this date?" is a binary search.
 */
export interface SlotStarts {
  readonly lo: readonly number[];
  readonly hi: readonly number[];
}

const mod = (a: number, m: number): number => ((a % m) + m) % m;

/** The first instant at or after `at` on the local quarter-hour grid. */
function ceilToGrid(timeline: ZoneTimeline, at: number): number {
  const rest = mod(at + offsetAt(timeline, at), GRID_MS);
  return rest === 0 ? at : at + GRID_MS - rest;
}

/** The last instant at or before `at` on the local quarter-hour grid. */
function floorToGrid(timeline: ZoneTimeline, at: number): number {
  return at - mod(at + offsetAt(timeline, at), GRID_MS);
}

/** Start ranges for sessions of `durationMs` inside canonical `free`, on the grid of `timeline`'s zone. */
export function slotStarts(free: readonly Interval[], durationMs: number, timeline: ZoneTimeline): SlotStarts {
  const lo: number[] = [];
  const hi: number[] = [];
  for (const x of free) {
    if (x.end - x.start < durationMs) continue;
    const first = ceilToGrid(timeline, x.start);
    const last = floorToGrid(timeline, x.end - durationMs);
    if (first <= last) {
      lo.push(first);
      hi.push(last);
    }
  }
  return { lo, hi };
}

/**
 * The start nearest to `target` among `starts` that lies within `[lower, upper]`; on a tie the
 * earlier one. `undefined` when there is none.
 */
export function nearestStart(starts: SlotStarts, target: number, lower: number, upper: number): number | undefined {
  const { lo, hi } = starts;
  // Last range starting at or before target: the nearest start is there or in a neighbour.
  let a = 0;
  let b = lo.length - 1;
  let pivot = -1;
  while (a <= b) {
    const mid = (a + b) >>> 1;
    if ((lo[mid] as number) <= target) {
      pivot = mid;
      a = mid + 1;
    } else {
      b = mid - 1;
    }
  }
  let best: number | undefined;
  let bestDistance = Infinity;
  const consider = (i: number): void => {
    const p = pointIn(lo[i] as number, hi[i] as number, target, lower, upper);
    if (p === undefined) return;
    const distance = Math.abs(p - target);
    if (distance < bestDistance || (distance === bestDistance && p < (best as number))) {
      best = p;
      bestDistance = distance;
    }
  };
  for (let i = pivot; i >= 0 && (hi[i] as number) >= lower && target - (hi[i] as number) <= bestDistance; i--) consider(i);
  for (let i = pivot + 1; i < lo.length && (lo[i] as number) <= upper && (lo[i] as number) - target <= bestDistance; i++) consider(i);
  return best;
}

/** The grid start in `[first, last] ∩ [lower, upper]` nearest to `target` (earlier on a tie). */
function pointIn(first: number, last: number, target: number, lower: number, upper: number): number | undefined {
  // Steps are counted from `first`, which is on the grid, so every candidate stays on it.
  const from = lower <= first ? first : first + Math.ceil((lower - first) / GRID_MS) * GRID_MS;
  const to = upper >= last ? last : first + Math.floor((upper - first) / GRID_MS) * GRID_MS;
  if (from > to) return undefined;
  if (target <= from) return from;
  if (target >= to) return to;
  const below = first + Math.floor((target - first) / GRID_MS) * GRID_MS;
  const above = below + GRID_MS;
  return above <= to && above - target < target - below ? above : below;
}
