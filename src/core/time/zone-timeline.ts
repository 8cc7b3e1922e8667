import { Temporal } from 'temporal-polyfill';
import type { Brand } from '../ids.ts';
import { DAY_MS, epochMs, MINUTE_MS, type EpochMs, type IanaZone } from '../time.ts';
import type { LocalDate } from './local-date.ts';
import { exactOffsetAt, exactWallToEpoch } from './zones.ts';

/**
 * Wall-clock milliseconds: a local date and time written as if it were UTC
 * (2026-03-08 02:30 local is `Date.UTC(2026, 2, 8, 2, 30)`). Not an instant — it needs a zone.
 */
export type WallMs = Brand<number, 'WallMs'>;

/** The wall-clock time of a local date and minute of day. */
export const wallOf = (date: LocalDate, minuteOfDay: number): WallMs =>
  (date * DAY_MS + minuteOfDay * MINUTE_MS) as WallMs;

/**
 * A zone's UTC offsets over whole calendar years, as a piecewise-constant table: segment `i`
 * covers instants `[starts[i], starts[i + 1])` at offset `offsets[i]` (ms). Built once per zone and
 * year with Temporal (which is ~15 µs a call, too slow for the hot loop) and then read with plain
 * arithmetic. A year has at most a handful of transitions, so lookups are a short scan.
 */
export interface ZoneTimeline {
  readonly zone: IanaZone;
  /** First instant covered. */
  readonly from: number;
  /** First instant no longer covered; outside `[from, to)` lookups fall back to Temporal. */
  readonly to: number;
  readonly starts: readonly number[];
  readonly offsets: readonly number[];
}

interface YearTable {
  readonly starts: number[];
  readonly offsets: number[];
}

// tzdb does not change while the process runs, so a year's table is a fact worth keeping.
const years = new Map<string, YearTable>();

function yearTable(zone: IanaZone, year: number): YearTable {
  const key = `${zone}|${year}`;
  const hit = years.get(key);
  if (hit) return hit;
  const begin = Date.UTC(year, 0, 1);
  const end = Date.UTC(year + 1, 0, 1);
  let zdt = Temporal.Instant.fromEpochMilliseconds(begin).toZonedDateTimeISO(zone);
  const table: YearTable = { starts: [begin], offsets: [zdt.offsetNanoseconds / 1e6] };
  for (;;) {
    const next = zdt.getTimeZoneTransition('next');
    if (next === null || next.epochMilliseconds >= end) break;
    table.starts.push(next.epochMilliseconds);
    table.offsets.push(next.offsetNanoseconds / 1e6);
    zdt = next;
  }
  if (years.size > 4096) years.clear();
  years.set(key, table);
  return table;
}

/** The offsets of `zone` over whole years covering `[from, to)` with a day's margin each side. */
export function zoneTimeline(zone: IanaZone, from: number, to: number): ZoneTimeline {
  const firstYear = new Date(from - DAY_MS).getUTCFullYear();
  const lastYear = new Date(to + DAY_MS).getUTCFullYear();
  const starts: number[] = [];
  const offsets: number[] = [];
  for (let year = firstYear; year <= lastYear; year++) {
    const table = yearTable(zone, year);
    for (let i = 0; i < table.starts.length; i++) {
      const offset = table.offsets[i] as number;
      if (offsets.length > 0 && offsets[offsets.length - 1] === offset) continue;
      starts.push(table.starts[i] as number);
      offsets.push(offset);
    }
  }
  return { zone, from: Date.UTC(firstYear, 0, 1), to: Date.UTC(lastYear + 1, 0, 1), starts, offsets };
}

/** UTC offset (ms) of the timeline's zone at an instant. */
export function offsetAt(timeline: ZoneTimeline, at: number): number {
  if (at < timeline.from || at >= timeline.to) return exactOffsetAt(timeline.zone, at);
  const { starts, offsets } = timeline;
  let i = starts.length - 1;
  while (i > 0 && (starts[i] as number) > at) i--;
  return offsets[i] as number;
}

/** The wall-clock time of an instant in the timeline's zone. */
export const epochToWall = (timeline: ZoneTimeline, at: number): WallMs =>
  (at + offsetAt(timeline, at)) as WallMs;

/** Minutes since local midnight (rounded down) of an instant in the timeline's zone. */
export function minuteOfDayAt(timeline: ZoneTimeline, at: number): number {
  const wall = epochToWall(timeline, at);
  return Math.floor((((wall % DAY_MS) + DAY_MS) % DAY_MS) / MINUTE_MS);
}

/**
 * The instant of a wall-clock time, with the same DST rule as `localToEpoch` (Temporal's
 * `compatible`): a skipped time moves forward by the jump, a repeated time takes the earlier
 * instant. Plain arithmetic inside the timeline; Temporal outside it.
 */
export function wallToEpoch(timeline: ZoneTimeline, wall: number): EpochMs {
  const { starts, offsets } = timeline;
  const n = starts.length;
  // Offsets are within ±1 day, so a day's margin keeps every candidate instant inside the table.
  if (wall - DAY_MS < timeline.from || wall + DAY_MS >= timeline.to) return exactWallToEpoch(timeline.zone, wall);
  let best = Number.NaN;
  for (let i = 0; i < n; i++) {
    const at = wall - (offsets[i] as number);
    if (at >= (starts[i] as number) && (i + 1 === n || at < (starts[i + 1] as number))) {
      if (!(at >= best)) best = at; // keeps the earlier of two readings (clocks went back)
    }
  }
  if (!Number.isNaN(best)) return epochMs(best);
  // No reading: the time was skipped (clocks went forward). Read it with the offset before the jump.
  for (let k = 1; k < n; k++) {
    const before = offsets[k - 1] as number;
    const after = offsets[k] as number;
    const at = starts[k] as number;
    if (wall >= at + before && wall < at + after) return epochMs(wall - before);
  }
  return exactWallToEpoch(timeline.zone, wall);
}
