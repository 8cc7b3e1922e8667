import type { Participant } from '../../../src/core/scheduling/types.ts';
import { DAY_MS, epochMs, ianaZone, MINUTE_MS } from '../../../src/core/time.ts';
import { interval, type Interval } from '../../../src/core/time/intervals.ts';
import { DAYS_OF_WEEK, isoWeekday, localDate, type DayOfWeek } from '../../../src/core/time/local-date.ts';
import { epochToLocal, localToEpoch } from '../../../src/core/time/zones.ts';

/**
 * Deterministic random calendars for property tests and benchmarks: the same seed gives the
 * same person, zone, working hours and busy items on every machine.
 */

/** Zones with half-hour and 45-minute offsets, both hemispheres' DST, and none. */
export const ZONES = [
  'Europe/London',
  'America/New_York',
  'America/Los_Angeles',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'America/St_Johns',
  'Australia/Adelaide',
  'Australia/Sydney',
  'Europe/Berlin',
  'Asia/Tokyo',
  'America/Sao_Paulo',
  'Africa/Nairobi',
  'Pacific/Auckland',
  'Asia/Singapore',
] as const;

/** mulberry32: a tiny, well-mixed 32-bit PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface RandomCalendarOptions {
  /** Busy items are generated for local days overlapping `[from, to)`. */
  readonly from: number;
  readonly to: number;
  /** Defaults to a zone picked from `ZONES` by the seed. */
  readonly zone?: string;
  /** Average busy items per working week (default 40). */
  readonly busyPerWeek?: number;
  /** Chance that a working week is entirely out of office (default 0). */
  readonly oofWeekChance?: number;
  readonly id?: string;
  readonly name?: string;
}

const DURATIONS = [15, 30, 30, 30, 45, 60, 60, 90, 120];

/** A participant with random working hours and about `busyPerWeek` busy items a week, in local time. */
export function randomCalendar(seed: number, options: RandomCalendarOptions): Participant {
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const zone = ianaZone(options.zone ?? pick(ZONES));
  const startMinute = pick([7 * 60, 7 * 60 + 30, 8 * 60, 8 * 60 + 30, 9 * 60, 9 * 60 + 30, 10 * 60]);
  const endMinute = startMinute + pick([7 * 60, 8 * 60, 8 * 60 + 30, 9 * 60, 10 * 60]);
  const days: DayOfWeek[] = random() < 0.15 ? [...DAYS_OF_WEEK.slice(0, 4)] : [...DAYS_OF_WEEK.slice(0, 5)];
  if (random() < 0.1) days.push('sunday');
  const perDay = (options.busyPerWeek ?? 40) / days.length;

  const busy: Interval[] = [];
  const first = epochToLocal(epochMs(options.from), zone).date;
  const last = epochToLocal(epochMs(options.to), zone).date;
  let oofWeek = false;
  for (let d = first; d <= last; d++) {
    const date = localDate(d);
    if (isoWeekday(date) === 1 || d === first) oofWeek = random() < (options.oofWeekChance ?? 0);
    if (!days.includes(DAYS_OF_WEEK[isoWeekday(date) - 1] as DayOfWeek)) continue;
    const midnight = localToEpoch(date, 0, zone);
    if (oofWeek) {
      busy.push(interval(midnight, midnight + DAY_MS));
      continue;
    }
    // Poisson-ish count around the mean, so some days are light and some packed.
    const count = Math.max(0, Math.round(perDay + (random() - 0.5) * perDay));
    for (let i = 0; i < count; i++) {
      const duration = pick(DURATIONS);
      const slots = Math.floor((endMinute - startMinute + 60) / 15);
      const start = startMinute - 30 + Math.floor(random() * slots) * 15;
      busy.push(interval(midnight + start * MINUTE_MS, midnight + (start + duration) * MINUTE_MS));
    }
  }
  return {
    id: options.id ?? `person-${seed}`,
    name: options.name ?? `Person ${seed}`,
    zone,
    workingHours: {
      daysOfWeek: days,
      start: `${String(Math.floor(startMinute / 60)).padStart(2, '0')}:${String(startMinute % 60).padStart(2, '0')}`,
      end: `${String(Math.floor(endMinute / 60)).padStart(2, '0')}:${String(endMinute % 60).padStart(2, '0')}`,
      zone,
    },
    busy,
  };
}
