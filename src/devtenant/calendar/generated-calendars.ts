import { MS_PER_DAY } from './civil.ts';
import { buildProfile, type GeneratedSeries, type PersonProfile } from './generator-profile.ts';
import { generateWeek, weekOfDay, type GeneratedItem } from './generator-week.ts';
import type { CalendarPerson } from './types.ts';
import { utcToWall } from './zones.ts';

/**
 * Generated calendars, made lazily: a person's profile on first touch, each week on first read.
 * Nothing is stored that the seed cannot recreate, so an organisation of 10,000 people starts
 * instantly and the cache can drop weeks freely (least recently used first). A one-off item is
 * read only once the tenant's clock has passed the moment it was booked (booking-lead.ts), so
 * weeks are cached whole and filtered on the way out.
 */
export class GeneratedCalendars {
  readonly #seed: number;
  readonly #now: () => number;
  readonly #maxWeeks: number;
  readonly #profiles = new Map<string, PersonProfile>();
  /** `${tenant}|${person}|${week}` → items; Map order doubles as recency order. */
  readonly #weeks = new Map<string, GeneratedItem[]>();

  readonly #generates: (person: CalendarPerson) => boolean;

  /** `generates` says whose calendars are generated; a scenario's people have only their own items. */
  constructor(seed: number, now: () => number, maxCachedWeeks = 40_000, generates: (person: CalendarPerson) => boolean = () => true) {
    this.#seed = seed;
    this.#now = now;
    this.#maxWeeks = maxCachedWeeks;
    this.#generates = generates;
  }

  profile(person: CalendarPerson): PersonProfile {
    const key = personKey(person);
    let profile = this.#profiles.get(key);
    if (!profile) {
      profile = buildProfile(this.#seed, person);
      if (!this.#generates(person)) profile = { ...profile, series: [] };
      this.#profiles.set(key, profile);
    }
    return profile;
  }

  /** The generated items of one local week, sorted by start. */
  week(person: CalendarPerson, week: number): GeneratedItem[] {
    const key = `${personKey(person)}|${week}`;
    let items = this.#weeks.get(key);
    if (items) {
      this.#weeks.delete(key);
    } else {
      items = this.#generates(person) ? generateWeek(this.#seed, personKey(person), this.profile(person), week) : [];
      if (this.#weeks.size >= this.#maxWeeks) {
        const oldest = this.#weeks.keys().next().value;
        if (oldest !== undefined) this.#weeks.delete(oldest);
      }
    }
    this.#weeks.set(key, items);
    return items;
  }

  /** Generated items overlapping [startMs, endMs), sorted by start. Weeks never overlap, so concatenation keeps order. */
  between(person: CalendarPerson, startMs: number, endMs: number): GeneratedItem[] {
    const zone = this.profile(person).zone;
    const nowMs = this.#now();
    const firstWeek = weekOfDay(Math.floor(utcToWall(zone, startMs) / MS_PER_DAY));
    const lastWeek = weekOfDay(Math.floor(utcToWall(zone, endMs - 1) / MS_PER_DAY));
    const out: GeneratedItem[] = [];
    for (let w = firstWeek; w <= lastWeek; w++) {
      for (const item of this.week(person, w)) if (item.startMs < endMs && item.endMs > startMs && booked(item, nowMs)) out.push(item);
    }
    return out;
  }

  series(person: CalendarPerson, seriesKey: string): GeneratedSeries | undefined {
    return this.profile(person).series.find((s) => s.key === seriesKey);
  }

  /** Finds one generated single item by its key (`w<week>:<n>`). */
  single(person: CalendarPerson, itemKey: string): GeneratedItem | undefined {
    const m = /^w(-?\d+):\d+$/.exec(itemKey);
    if (!m) return undefined;
    const nowMs = this.#now();
    return this.week(person, Number(m[1])).find((item) => item.source.itemKey === itemKey && booked(item, nowMs));
  }
}

/** Whether an item is in the calendar at `nowMs`: series and holidays always, one-offs once booked. */
function booked(item: GeneratedItem, nowMs: number): boolean {
  return item.visibleFromMs === undefined || item.visibleFromMs <= nowMs;
}

function personKey(person: CalendarPerson): string {
  return `${person.tenantId}|${person.id}`;
}
