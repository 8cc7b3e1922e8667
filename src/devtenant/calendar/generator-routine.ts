import { dayOfWeek } from './civil.ts';
import { ANCHOR_DAY, SLOT_MINUTES } from './generator-constants.ts';
import type { GeneratedSeries, PersonProfile } from './generator-profile.ts';
import { createRandom, hash32, type Random } from './seeded-random.ts';
import type { FreeBusyStatus } from './types.ts';

/**
 * A person's standing routine beyond the named series (lunch, stand-up, team meeting, 1:1s):
 * recurring project syncs, reviews, steering groups and recurring focus blocks. Real Outlook
 * calendars are dominated by such series — most booked time repeats week after week, leaving
 * stable recurring gaps — while one-off meetings, days off and a holiday week clash on top.
 * Without them the week fill (generator-week.ts) had to supply two thirds of a person's booked
 * time as one-offs placed afresh every week, so no 45-minute slot of a senior and a junior was
 * free on six biweekly dates in a row, which is not what people's calendars look like.
 */

/** Share of a person's average booked time (density) carried by recurring series, named ones included. */
export const RECURRING_SHARE = 0.65;

interface Routine {
  weight: number;
  subjects: readonly string[];
  minutes: readonly number[];
  location: readonly string[];
  status: FreeBusyStatus;
  /** Least seniority that has it (steering groups are for senior people). */
  minSeniority: number;
}

const TEAMS = 'Microsoft Teams Meeting';
const ROUTINES: readonly Routine[] = [
  { weight: 34, minSeniority: 0, status: 'busy', minutes: [30, 30, 45, 60], location: [TEAMS, TEAMS, 'Room 2.14'],
    subjects: ['Project sync', 'Product sync', 'Delivery check-in', 'Sprint review', 'Backlog refinement'] },
  { weight: 16, minSeniority: 0, status: 'busy', minutes: [45, 60], location: [TEAMS, 'Room 4.03'],
    subjects: ['Design review', 'Architecture forum', 'Customer account review', 'Operations review'] },
  // Focus blocks are busy in Outlook (Viva Insights books them so); kept busy, as people show them.
  { weight: 22, minSeniority: 0, status: 'busy', minutes: [60, 90, 120], location: [''], subjects: ['Focus time'] },
  { weight: 8, minSeniority: 0, status: 'tentative', minutes: [30, 60], location: [TEAMS],
    subjects: ['Community of practice', 'Guild meeting (optional)'] },
  { weight: 20, minSeniority: 6, status: 'busy', minutes: [30, 60], location: [TEAMS, 'Boardroom'],
    subjects: ['Steering committee', 'Partner call', 'Skip-level 1:1', 'Portfolio review'] },
];

/**
 * Adds routine series until recurring series carry `RECURRING_SHARE` of the person's average
 * booked time. Each series is weekly or every other week; it is placed on a day and half hour
 * where it is free in every week it occurs, and no day's recurring load passes the low end of the
 * person's density band, so each day keeps room for one-off meetings.
 *
 * Draws from its own random stream, so the named series stay where they were.
 */
export function addRoutineSeries(seed: number, personKey: string, profile: PersonProfile, seniority: number): GeneratedSeries[] {
  const { workDays, workStart, workEnd, density, densityBand } = profile;
  if (workDays.length === 0) return profile.series;
  const rng = createRandom(hash32(seed, `${personKey}|routine`));
  const slots = Math.floor((workEnd - workStart) / SLOT_MINUTES);
  const cap = Math.floor(densityBand[0] * slots);
  // Occupancy per week parity (0, 1: weeks since the anchor, mod 2) and weekday.
  const taken = new Map<string, Uint8Array>();
  for (const parity of [0, 1]) for (const d of workDays) taken.set(`${parity}|${d}`, new Uint8Array(slots));
  const occupy = (series: GeneratedSeries, mark: boolean): number => {
    const first = (series.startMinute - workStart) / SLOT_MINUTES;
    const len = series.durationMinutes / SLOT_MINUTES;
    let load = 0;
    for (const parity of parities(series)) {
      for (const d of series.rule.daysOfWeek) {
        const day = taken.get(`${parity}|${d}`);
        if (day === undefined) continue;
        if (mark) day.fill(1, Math.max(0, first), Math.min(slots, first + len));
        load += len;
      }
    }
    // Two parities: a weekly series counts once per week, an alternate-week one half.
    return load / 2;
  };
  const out = [...profile.series];
  // Weekly average of recurring slots, against the goal in the same unit.
  let load = out.reduce((sum, s) => sum + occupy(s, true), 0);
  const goal = RECURRING_SHARE * density * slots * workDays.length;
  const kinds = ROUTINES.filter((r) => seniority >= r.minSeniority);
  const total = kinds.reduce((sum, k) => sum + k.weight, 0);
  for (let n = 1, attempt = 0; load < goal && attempt < 80; attempt++) {
    const kind = pickWeighted(rng, kinds, total);
    const minutes = rng.pick(kind.minutes);
    const len = minutes / SLOT_MINUTES;
    const interval = rng.chance(0.5) ? 1 : 2;
    const phase = interval > 1 ? rng.int(0, 1) : 0;
    const inWeeks = interval > 1 ? [phase] : [0, 1];
    const places: Array<[number, number]> = [];
    for (const d of workDays) {
      const days = inWeeks.map((p) => taken.get(`${p}|${d}`)!);
      if (days.some((day) => day.reduce((s, x) => s + x, 0) + len > cap)) continue;
      for (let s = 0; s + len <= slots; s += 2) if (days.every((day) => day.subarray(s, s + len).every((x) => x === 0))) places.push([d, s]);
    }
    if (places.length === 0) continue;
    const [day, start] = rng.pick(places);
    const location = rng.pick(kind.location);
    const series: GeneratedSeries = {
      key: `routine-${n++}`, subject: rng.pick(kind.subjects), location, status: kind.status, isOnlineMeeting: location === TEAMS,
      startMinute: workStart + start * SLOT_MINUTES, durationMinutes: minutes,
      rule: {
        type: 'weekly', interval, daysOfWeek: [day], firstDayOfWeek: 1, dayOfMonth: 0, month: 0, index: 0, rangeType: 'noEnd',
        startDay: ANCHOR_DAY + 7 * phase + ((day - dayOfWeek(ANCHOR_DAY) + 7) % 7),
      },
    };
    load += occupy(series, true);
    out.push(series);
  }
  return out;
}

/** The week parities a series occurs in: both when weekly, its own when every other week. */
function parities(series: GeneratedSeries): number[] {
  if (series.rule.interval <= 1) return [0, 1];
  const weeksSinceAnchor = Math.floor((series.rule.startDay - ANCHOR_DAY) / 7);
  return [((weeksSinceAnchor % 2) + 2) % 2];
}

function pickWeighted(rng: Random, kinds: readonly Routine[], total: number): Routine {
  let roll = rng.next() * total;
  for (const kind of kinds) {
    roll -= kind.weight;
    if (roll < 0) return kind;
  }
  return kinds[0]!;
}
