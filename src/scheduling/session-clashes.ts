import { interval, mergeIntervals, type Interval } from '../core/time/intervals.ts';
import type { ScheduleItem } from '../graph/schedule-items.ts';
import type { StoredOccurrence } from '../store/bookings.ts';

const FREE = new Set(['free', 'workingelsewhere']);

/**
 * A person's busy time without the pair's own sessions. getSchedule lists every meeting as its
 * own item, so for each session of ours exactly one item with its exact times is dropped; a
 * second item at the very same times is somebody else's meeting and stays busy. Nothing but
 * status and times is read (never subjects).
 */
export function busyWithoutOwnSessions(items: readonly ScheduleItem[], own: readonly StoredOccurrence[]): Interval[] {
  const ownTimes = new Map<string, number>();
  for (const o of own) {
    if (o.status === 'cancelled' || o.status === 'unplaced') continue;
    const key = `${o.start}|${o.end}`;
    ownTimes.set(key, (ownTimes.get(key) ?? 0) + 1);
  }
  const busy: Interval[] = [];
  for (const item of items) {
    if (FREE.has(item.status)) continue;
    const key = `${item.start}|${item.end}`;
    const left = ownTimes.get(key) ?? 0;
    if (left > 0) {
      ownTimes.set(key, left - 1);
      continue;
    }
    busy.push(interval(item.start, item.end));
  }
  return mergeIntervals(busy);
}

/** True when canonical `busy` overlaps `[start, end)`. */
export function clashes(busy: readonly Interval[], start: number, end: number): boolean {
  return busy.some((b) => b.start < end && start < b.end);
}
