import { dayIndex, dayOfWeek, parseTimeOfDay } from './civil.ts';
import { ANCHOR_DAY, HOLIDAY_CYCLE_WEEKS, SLOT_MINUTES } from './generator-constants.ts';
import { addRoutineSeries } from './generator-routine.ts';
import type { RecurrenceRule } from './recurrence.ts';
import { createRandom, hash32, type Random } from './seeded-random.ts';
import type { CalendarPerson, FreeBusyStatus } from './types.ts';
import { resolveZoneName } from './zones.ts';

/**
 * A person's standing calendar, drawn once from the seed: working window, how booked they are,
 * when their holidays fall, and their recurring series (lunch, stand-up, team meeting, 1:1s, and
 * the routine of project syncs, reviews and focus blocks that carries most of their booked time).
 */

export { ANCHOR_DAY, HOLIDAY_CYCLE_WEEKS, SLOT_MINUTES } from './generator-constants.ts';

export interface GeneratedSeries {
  key: string;
  subject: string;
  location: string;
  status: FreeBusyStatus;
  isOnlineMeeting: boolean;
  startMinute: number;
  durationMinutes: number;
  rule: RecurrenceRule;
}

export interface PersonProfile {
  zone: string;
  workDays: number[];
  workStart: number;
  workEnd: number;
  /** Fraction of working time this person's days are booked to, on average. */
  density: number;
  densityBand: readonly [number, number];
  holidayPhase: number;
  series: GeneratedSeries[];
}

/** Booked share of working hours by seniority: seniors 60–80 %, juniors 30–50 %, between in between. */
export function densityBand(seniority: number): readonly [number, number] {
  if (seniority >= 7) return [0.6, 0.8];
  if (seniority <= 3) return [0.3, 0.5];
  const t = (seniority - 3) / 4;
  return [0.3 + 0.3 * t, 0.5 + 0.3 * t];
}

export function buildProfile(seed: number, person: CalendarPerson): PersonProfile {
  const rng = createRandom(hash32(seed, `${person.tenantId}|${person.id}|profile`));
  const zone = resolveZoneName(person.timeZone) ?? resolveZoneName(person.mailboxTimeZone) ?? 'UTC';
  const workDays = person.workingHours.daysOfWeek.map(dayIndex).filter((d) => d >= 0).sort((a, b) => a - b);
  const workStart = snap(parseTimeOfDay(person.workingHours.startTime) ?? 9 * 60);
  let workEnd = snap(parseTimeOfDay(person.workingHours.endTime) ?? 17 * 60);
  // Overnight shifts are not modelled; such a day ends at midnight.
  if (workEnd <= workStart) workEnd = 24 * 60;
  const band = densityBand(person.seniority);
  const density = band[0] + (band[1] - band[0]) * (0.3 + 0.4 * rng.next());
  const profile: PersonProfile = {
    zone, workDays, workStart, workEnd, density, densityBand: band,
    holidayPhase: rng.int(0, HOLIDAY_CYCLE_WEEKS - 1), series: [],
  };
  profile.series = planSeries(rng, profile, person.seniority);
  profile.series = addRoutineSeries(seed, `${person.tenantId}|${person.id}`, profile, person.seniority);
  return profile;
}

function snap(minutes: number): number {
  return Math.round(minutes / SLOT_MINUTES) * SLOT_MINUTES;
}

interface SeriesWish {
  key: string;
  subject: string;
  location: string;
  minutes: number;
  everyDay: boolean;
  interval: number;
  preferredStart?: number;
}

function wishes(rng: Random, seniority: number, workStart: number, workEnd: number): SeriesWish[] {
  const list: SeriesWish[] = [];
  const teams = 'Microsoft Teams Meeting';
  const noon = 12 * 60;
  const lunchAt = noon >= workStart + 120 && noon + 60 <= workEnd ? noon : snap((workStart + workEnd) / 2);
  list.push({ key: 'lunch', subject: 'Lunch', location: '', minutes: rng.pick([30, 45, 60]), everyDay: true, interval: 1, preferredStart: lunchAt });
  if (seniority <= 5 && rng.chance(0.6)) {
    list.push({ key: 'standup', subject: 'Daily stand-up', location: teams, minutes: 15, everyDay: true, interval: 1, preferredStart: workStart + rng.pick([30, 45, 60]) });
  }
  list.push({ key: 'team', subject: 'Team meeting', location: teams, minutes: rng.pick([45, 60]), everyDay: false, interval: 1 });
  if (seniority < 10) list.push({ key: 'manager-1on1', subject: '1:1 with manager', location: teams, minutes: 30, everyDay: false, interval: 2 });
  if (seniority <= 3 && rng.chance(0.5)) list.push({ key: 'buddy', subject: 'Onboarding buddy check-in', location: teams, minutes: 30, everyDay: false, interval: 2 });
  if (seniority >= 4) {
    const reports = seniority >= 7 ? rng.int(3, 6) : rng.int(1, 2);
    for (let i = 1; i <= reports; i++) {
      list.push({ key: `report-1on1-${i}`, subject: `1:1 with direct report ${i}`, location: teams, minutes: 30, everyDay: false, interval: seniority >= 7 ? 1 : 2 });
    }
  }
  if (seniority >= 7) {
    list.push({ key: 'leadership', subject: 'Leadership team', location: 'Boardroom', minutes: 90, everyDay: false, interval: 1 });
    list.push({ key: 'staff', subject: 'Staff meeting', location: teams, minutes: 60, everyDay: false, interval: 1 });
  }
  if (seniority >= 9) list.push({ key: 'board-prep', subject: 'Board preparation', location: 'Boardroom', minutes: 60, everyDay: false, interval: 2 });
  return list;
}

/** Places each series where it fits in every week it occurs, so generated series never overlap. */
function planSeries(rng: Random, profile: PersonProfile, seniority: number): GeneratedSeries[] {
  const { workDays, workStart, workEnd } = profile;
  if (workDays.length === 0) return [];
  const slots = Math.floor((workEnd - workStart) / SLOT_MINUTES);
  const taken = new Map<number, Uint8Array>(workDays.map((d) => [d, new Uint8Array(slots)]));
  const out: GeneratedSeries[] = [];
  for (const wish of wishes(rng, seniority, workStart, workEnd)) {
    const len = wish.minutes / SLOT_MINUTES;
    const days = wish.everyDay ? workDays : [rng.pick(workDays)];
    const fits = (start: number): boolean => start >= 0 && start + len <= slots && days.every((d) => taken.get(d)!.subarray(start, start + len).every((x) => x === 0));
    let start = wish.preferredStart === undefined ? -1 : (wish.preferredStart - workStart) / SLOT_MINUTES;
    if (!fits(start)) {
      const candidates: number[] = [];
      for (let s = 0; s + len <= slots; s += 2) if (fits(s)) candidates.push(s);
      if (candidates.length === 0) continue;
      start = rng.pick(candidates);
    }
    for (const d of days) taken.get(d)!.fill(1, start, start + len);
    // Alternate-week series start in week 0 or 1 after the anchor, so colleagues do not all align.
    const phase = wish.interval > 1 ? rng.int(0, wish.interval - 1) : 0;
    const firstDay = days.map((d) => ANCHOR_DAY + 7 * phase + ((d - dayOfWeek(ANCHOR_DAY) + 7) % 7)).sort((a, b) => a - b)[0]!;
    out.push({
      key: wish.key, subject: wish.subject, location: wish.location, status: 'busy', isOnlineMeeting: wish.location === 'Microsoft Teams Meeting',
      startMinute: workStart + start * SLOT_MINUTES, durationMinutes: wish.minutes,
      rule: { type: 'weekly', interval: wish.interval, daysOfWeek: [...days], firstDayOfWeek: 1, dayOfMonth: 0, month: 0, index: 0, rangeType: 'noEnd', startDay: firstDay },
    });
  }
  return out;
}
