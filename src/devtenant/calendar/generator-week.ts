import { dayOfWeek, MS_PER_DAY, MS_PER_MINUTE } from './civil.ts';
import { ANCHOR_DAY, HOLIDAY_CYCLE_WEEKS, SLOT_MINUTES, type PersonProfile } from './generator-profile.ts';
import { visibleFrom, type BookingLead } from './booking-lead.ts';
import { occurrenceDays } from './recurrence.ts';
import { createRandom, hash32, type Random } from './seeded-random.ts';
import type { CalendarEntry, FreeBusyStatus, Sensitivity } from './types.ts';
import { wallToUtc } from './zones.ts';

/**
 * One local week (monday to sunday, in the person's zone) of a generated calendar. Each week draws
 * from its own random stream, so any week can be generated alone and always comes out the same.
 */

/** A generated calendar item; it is its own CalendarEntry so free/busy reads it without copying. */
export interface GeneratedItem extends CalendarEntry {
  source: { kind: 'generated'; itemKey: string; seriesKey?: string; originalStartMs?: number };
  /** When a one-off item was put in the calendar (booking-lead.ts); series and holidays have none: always there. */
  visibleFromMs?: number;
  sensitivity: Sensitivity;
  isAllDay: boolean;
  isOnlineMeeting: boolean;
}

/** Chance that a working day outside the holiday week is taken off (about one a month). */
const OOF_DAY_CHANCE = 0.04;
/** How far one day's target may stray from the person's average. */
const DAILY_JITTER = 0.12;

/** Epoch day of the monday that starts week `week` (week 0 starts monday 1970-01-05). */
export function weekMonday(week: number): number {
  return 4 + 7 * week;
}

/** The week holding a local epoch day. */
export function weekOfDay(epochDay: number): number {
  return Math.floor((epochDay - 4) / 7);
}

interface FillKind {
  lead: BookingLead;
  subjects: readonly string[];
  slots: readonly number[];
  status: FreeBusyStatus;
  sensitivity: Sensitivity;
  location: readonly string[];
  weight: number;
}

const KINDS: readonly FillKind[] = [
  { weight: 58, lead: 'meeting', status: 'busy', sensitivity: 'normal', slots: [2, 2, 2, 3, 4],
    subjects: ['Project sync', 'Design review', 'Customer call', 'Roadmap review', 'Hiring interview', 'Budget review', 'Sprint planning', 'Architecture discussion', 'Vendor meeting', 'Quarterly business review'],
    location: ['Microsoft Teams Meeting', 'Microsoft Teams Meeting', 'Room 2.14', 'Room 4.03', 'Cafeteria'] },
  { weight: 20, lead: 'focus', status: 'busy', sensitivity: 'normal', slots: [4, 6], subjects: ['Focus time'], location: [''] },
  { weight: 12, lead: 'meeting', status: 'tentative', sensitivity: 'normal', slots: [2, 4],
    subjects: ['Product demo (tentative)', 'Community of practice', 'Lunch & learn', 'Webinar: industry trends'], location: ['Microsoft Teams Meeting'] },
  { weight: 10, lead: 'private', status: 'busy', sensitivity: 'private', slots: [2, 4],
    subjects: ["Doctor's appointment", 'Personal errand', 'School pick-up', 'Bank appointment'], location: ['', 'Downtown'] },
];
const TOTAL_WEIGHT = KINDS.reduce((sum, k) => sum + k.weight, 0);

function pickKind(rng: Random): FillKind {
  let roll = rng.next() * TOTAL_WEIGHT;
  for (const kind of KINDS) {
    roll -= kind.weight;
    if (roll < 0) return kind;
  }
  return KINDS[0]!;
}

/** Generates the items of one week, sorted by start. */
export function generateWeek(seed: number, key: string, profile: PersonProfile, week: number): GeneratedItem[] {
  const monday = weekMonday(week);
  if (monday + 7 <= ANCHOR_DAY || profile.workDays.length === 0) return [];
  const rng = createRandom(hash32(seed, `${key}|w${week}`));
  const { zone, workStart, workEnd } = profile;
  const slots = Math.floor((workEnd - workStart) / SLOT_MINUTES);
  const at = (day: number, minute: number): number => wallToUtc(zone, day * MS_PER_DAY + minute * MS_PER_MINUTE);
  const items: GeneratedItem[] = [];
  let serial = 0;
  /** `lead` undefined: planned far ahead, visible at any time (a holiday week). */
  const single = (fields: Omit<GeneratedItem, 'source' | 'sortKey'>, lead?: BookingLead): void => {
    const itemKey = `w${week}:${serial++}`;
    const item: GeneratedItem = { ...fields, sortKey: `g:${itemKey}`, source: { kind: 'generated', itemKey } };
    if (lead !== undefined) item.visibleFromMs = visibleFrom(seed, `${key}|${itemKey}`, lead, fields.startMs);
    items.push(item);
  };

  const holiday = (((week - profile.holidayPhase) % HOLIDAY_CYCLE_WEEKS) + HOLIDAY_CYCLE_WEEKS) % HOLIDAY_CYCLE_WEEKS === 0;
  if (holiday) {
    single({ startMs: at(monday, 0), endMs: at(monday + 7, 0), status: 'oof', isPrivate: false, subject: 'Vacation',
      location: '', sensitivity: 'normal', isAllDay: true, isOnlineMeeting: false });
  }

  const seriesDays = profile.series.map((s) => new Set(occurrenceDays(s.rule, monday, monday + 6)));
  for (let day = monday; day < monday + 7; day++) {
    if (!profile.workDays.includes(dayOfWeek(day))) continue;
    const taken = new Uint8Array(slots);
    profile.series.forEach((series, i) => {
      if (!seriesDays[i]!.has(day)) return;
      const startMs = at(day, series.startMinute);
      const itemKey = `s:${series.key}`;
      items.push({
        startMs, endMs: at(day, series.startMinute + series.durationMinutes), status: series.status, isPrivate: false,
        subject: series.subject, location: series.location, sensitivity: 'normal', isAllDay: false, isOnlineMeeting: series.isOnlineMeeting,
        sortKey: `g:${itemKey}:${startMs}`, source: { kind: 'generated', itemKey, seriesKey: series.key, originalStartMs: startMs },
      });
      const first = (series.startMinute - workStart) / SLOT_MINUTES;
      taken.fill(1, first, first + series.durationMinutes / SLOT_MINUTES);
    });
    const dayOff = rng.chance(OOF_DAY_CHANCE);
    if (holiday) continue;
    if (dayOff) {
      single({ startMs: at(day, 0), endMs: at(day + 1, 0), status: 'oof', isPrivate: false, subject: 'Out of office',
        location: '', sensitivity: 'normal', isAllDay: true, isOnlineMeeting: false }, 'dayOff');
      continue;
    }
    const target = Math.round(slots * clamp(profile.density + (rng.next() - 0.5) * DAILY_JITTER, profile.densityBand));
    fillDay(rng, taken, target, (first, length, kind) => {
      const subject = rng.pick(kind.subjects);
      const location = rng.pick(kind.location);
      single({ startMs: at(day, workStart + first * SLOT_MINUTES), endMs: at(day, workStart + (first + length) * SLOT_MINUTES),
        status: kind.status, isPrivate: kind.sensitivity === 'private', subject, location, sensitivity: kind.sensitivity,
        isAllDay: false, isOnlineMeeting: location === 'Microsoft Teams Meeting' }, kind.lead);
    });
  }
  addFreeAndElsewhere(rng, profile, monday, at, single);
  return items.sort((a, b) => a.startMs - b.startMs || a.endMs - b.endMs || (a.sortKey < b.sortKey ? -1 : 1));
}

function clamp(value: number, [lo, hi]: readonly [number, number]): number {
  return Math.min(hi, Math.max(lo, value));
}

/** Books free 15-minute slots until `target` are taken; an item never exceeds what is still wanted. */
function fillDay(rng: Random, taken: Uint8Array, target: number, place: (first: number, length: number, kind: FillKind) => void): void {
  let booked = taken.reduce((sum, x) => sum + x, 0);
  for (let attempt = 0; booked < target && attempt < 60; attempt++) {
    const kind = pickKind(rng);
    let length = Math.min(rng.pick(kind.slots), target - booked);
    let starts: number[] = [];
    for (; length >= 1; length--) {
      starts = [];
      for (let s = 0; s + length <= taken.length; s++) if (taken.subarray(s, s + length).every((x) => x === 0)) starts.push(s);
      if (starts.length > 0) break;
    }
    if (length < 1) return;
    const first = rng.pick(starts);
    taken.fill(1, first, first + length);
    booked += length;
    place(first, length, kind);
  }
}

/** Items that do not make a person unavailable: an optional all-hands (free), an office day (workingElsewhere). */
function addFreeAndElsewhere(rng: Random, profile: PersonProfile, monday: number, at: (day: number, minute: number) => number,
  single: (fields: Omit<GeneratedItem, 'source' | 'sortKey'>, lead?: BookingLead) => void): void {
  const dayOf = (): number => monday + ((rng.pick(profile.workDays) - 1 + 7) % 7);
  if (rng.chance(0.25)) {
    const day = dayOf();
    const start = profile.workStart + Math.floor(rng.int(0, Math.max(0, (profile.workEnd - profile.workStart) / SLOT_MINUTES - 4)) / 2) * 2 * SLOT_MINUTES;
    single({ startMs: at(day, start), endMs: at(day, Math.min(start + 60, profile.workEnd)), status: 'free', isPrivate: false,
      subject: 'Optional: company town hall', location: 'Microsoft Teams Meeting', sensitivity: 'normal', isAllDay: false, isOnlineMeeting: true }, 'meeting');
  }
  if (rng.chance(0.15)) {
    const day = dayOf();
    single({ startMs: at(day, profile.workStart), endMs: at(day, profile.workEnd), status: 'workingElsewhere', isPrivate: false,
      subject: 'Working from the client site', location: 'Client office', sensitivity: 'normal', isAllDay: false, isOnlineMeeting: false }, 'meeting');
  }
}
