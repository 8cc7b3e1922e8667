/**
 * Shared working time of two people, on the UTC week described in `programs/working-week.ts`.
 *
 * Each person's hours are merged once into a "timeline": sorted, disjoint, non-touching
 * intervals over two consecutive weeks. Two weeks, so that a stretch crossing Sunday→Monday
 * midnight UTC (sent as two pieces) is one contiguous interval. Comparing two timelines is then a
 * linear sweep over a handful of numbers — no dates, no zones, no allocation.
 */
import { MINUTES_PER_WEEK, type WeeklyInterval } from '../programs/working-week.ts';

/** Flat `[start0, end0, start1, end1, …]`, sorted, disjoint, spanning at most two weeks. */
export type WorkingTimeline = Int32Array;

/** Builds a person's timeline from their weekly intervals (contract: see `working-week.ts`). */
export function workingTimeline(intervals: readonly WeeklyInterval[]): WorkingTimeline {
  const twoWeeks: Array<[number, number]> = [];
  for (const [start, end] of intervals) {
    twoWeeks.push([start, end], [start + MINUTES_PER_WEEK, end + MINUTES_PER_WEEK]);
  }
  twoWeeks.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: number[] = [];
  for (const [start, end] of twoWeeks) {
    const last = merged.length - 1;
    // Touching intervals join too: 09:00–12:00 and 12:00–17:00 is one stretch.
    if (last > 0 && start <= merged[last]!) merged[last] = Math.max(merged[last]!, end);
    else merged.push(start, end);
  }
  return Int32Array.from(merged);
}

/**
 * The longest stretch of minutes both people are at work, capped at one week. This is what a
 * session must fit in, so it — not the weekly total — decides whether a pair can meet.
 */
export function longestSharedStretch(a: WorkingTimeline, b: WorkingTimeline): number {
  let i = 0;
  let j = 0;
  let longest = 0;
  while (i < a.length && j < b.length) {
    const aEnd = a[i + 1]!;
    const bEnd = b[j + 1]!;
    const start = a[i]! > b[j]! ? a[i]! : b[j]!;
    const end = aEnd < bEnd ? aEnd : bEnd;
    if (end - start > longest) longest = end - start;
    if (aEnd < bEnd) i += 2;
    else j += 2;
  }
  return longest > MINUTES_PER_WEEK ? MINUTES_PER_WEEK : longest;
}

/** Convenience for one-off checks: merges both sides and compares them. */
export const longestSharedMinutes = (a: readonly WeeklyInterval[], b: readonly WeeklyInterval[]): number =>
  longestSharedStretch(workingTimeline(a), workingTimeline(b));

/** Time both timelines are at work, as a timeline (used for three people in a trio). */
export function intersectTimelines(a: WorkingTimeline, b: WorkingTimeline): WorkingTimeline {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const start = Math.max(a[i]!, b[j]!);
    const end = Math.min(a[i + 1]!, b[j + 1]!);
    if (end > start) out.push(start, end);
    if (a[i + 1]! < b[j + 1]!) i += 2;
    else j += 2;
  }
  return Int32Array.from(out);
}
