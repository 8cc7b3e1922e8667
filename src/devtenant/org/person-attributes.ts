import type { DayOfWeek, DevWorkingHours } from './dev-person.ts';
import type { Region } from './regions.ts';
import type { SeededRandom } from './seeded-random.ts';

/** Hire dates are drawn back from a fixed day, not from today, so that the output is reproducible. */
const HIRE_REFERENCE_MS = Date.UTC(2025, 8, 1);
const TENANT_CREATED_MS = Date.UTC(2015, 2, 2);
const DAY_MS = 86_400_000;
/** Tenure range in years by level 1..10. */
const TENURE_YEARS: readonly (readonly [number, number])[] = [
  [0, 1.5], [0.5, 3], [1, 5], [2, 7], [3, 9], [3, 10], [4, 12], [5, 15], [6, 18], [8, 20],
];
const START_TIMES = [
  { t: '07:30', w: 5 }, { t: '08:00', w: 25 }, { t: '08:30', w: 20 }, { t: '09:00', w: 35 }, { t: '09:30', w: 10 }, { t: '10:00', w: 5 },
];
const DAY_LENGTH_MINUTES = [{ m: 510, w: 50 }, { m: 480, w: 30 }, { m: 540, w: 20 }];
const WEEKDAYS: readonly DayOfWeek[] = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'];
const SUNDAY_WEEK: readonly DayOfWeek[] = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday'];
const FOUR_DAY_WEEK: readonly DayOfWeek[] = ['monday', 'tuesday', 'wednesday', 'thursday'];

function minutesToTime(total: number): string {
  const h = Math.floor(total / 60) % 24;
  const m = total % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/**
 * Working hours: mostly 8–9 hour days starting 07:30–10:00, the region's working week, and a
 * four-day week for some people where the week is Monday–Friday.
 */
export function workingHours(region: Region, zoneName: string, rng: SeededRandom): DevWorkingHours {
  const start = rng.weighted(START_TIMES, (s) => s.w).t;
  const length = rng.weighted(DAY_LENGTH_MINUTES, (d) => d.w).m;
  const [h, m] = start.split(':').map(Number) as [number, number];
  const days = region.workWeek === 'sunday-thursday' ? SUNDAY_WEEK : rng.chance(0.08) ? FOUR_DAY_WEEK : WEEKDAYS;
  return { daysOfWeek: days, startTime: start, endTime: minutesToTime(h * 60 + m + length), timeZone: zoneName };
}

/** Midnight UTC of the first day, further back for more senior levels. */
export function hireDate(level: number, rng: SeededRandom): number {
  const [lo, hi] = TENURE_YEARS[level - 1]!;
  const days = Math.floor((lo + rng.next() * (hi - lo)) * 365.25);
  return HIRE_REFERENCE_MS - days * DAY_MS;
}

const isoDate = (ms: number): string => `${new Date(ms).toISOString().slice(0, 19)}Z`;

/** Hire and account-creation timestamps (ISO) for a level. */
export function employmentDates(level: number, rng: SeededRandom): { hired: string; created: string } {
  const hired = hireDate(level, rng);
  return { hired: isoDate(hired), created: isoDate(Math.max(TENANT_CREATED_MS, hired - 14 * DAY_MS)) };
}
