import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { createCalendarService, type CalendarEntry, type CalendarPerson } from '../../../src/devtenant/calendar/index.ts';
import { app, directoryOf, dt, makeService, person, standardPeople, TENANT } from './fixtures.ts';

const ZONES: [string, string, string, string][] = [
  ['Europe/Berlin', 'W. Europe Standard Time', '09:00', '17:00'],
  ['America/New_York', 'Eastern Standard Time', '08:30', '17:00'],
  ['Asia/Kolkata', 'India Standard Time', '10:00', '18:30'],
  ['America/Los_Angeles', 'Pacific Standard Time', '08:00', '16:00'],
  ['Australia/Sydney', 'AUS Eastern Standard Time', '09:00', '17:30'],
];
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'];

function population(count: number, seniority: (i: number) => number): CalendarPerson[] {
  return Array.from({ length: count }, (_, i) => {
    const [timeZone, mailboxTimeZone, startTime, endTime] = ZONES[i % ZONES.length]!;
    return person(`u${i}`, { timeZone, mailboxTimeZone, seniority: seniority(i), workingHours: { daysOfWeek: WEEKDAYS, startTime, endTime } });
  });
}

/** Working windows (UTC ms) of the person's working days in [first local monday, +weeks). */
function workingWindows(p: CalendarPerson, mondayIso: string, weeks: number): [number, number][] {
  const out: [number, number][] = [];
  const [sh, sm] = p.workingHours.startTime.split(':').map(Number) as [number, number];
  const [eh, em] = p.workingHours.endTime.split(':').map(Number) as [number, number];
  for (let d = 0; d < weeks * 7; d++) {
    const day = DateTime.fromISO(mondayIso, { zone: p.timeZone }).plus({ days: d });
    if (!p.workingHours.daysOfWeek.includes(day.toFormat('cccc').toLowerCase())) continue;
    out.push([day.set({ hour: sh, minute: sm }).toMillis(), day.set({ hour: eh, minute: em }).toMillis()]);
  }
  return out;
}

/** Booked share of working time over days that are not out-of-office, measured independently of the generator. */
function density(entries: CalendarEntry[], windows: [number, number][]): number {
  let booked = 0;
  let total = 0;
  for (const [from, to] of windows) {
    const day = entries.filter((e) => e.startMs < to && e.endMs > from);
    if (day.some((e) => e.status === 'oof')) continue;
    const spans = day.filter((e) => e.status === 'busy' || e.status === 'tentative').map((e) => [Math.max(from, e.startMs), Math.min(to, e.endMs)] as const).sort((a, b) => a[0] - b[0]);
    let covered = 0;
    let reach = from;
    for (const [s, e] of spans) {
      if (e > reach) covered += e - Math.max(s, reach);
      reach = Math.max(reach, e);
    }
    booked += covered;
    total += to - from;
  }
  return booked / total;
}

describe('generated calendars', () => {
  it('book seniors 60–80 %, juniors 30–50 % and people between in between (four weeks of working hours)', () => {
    const people = population(150, (i) => 1 + (i % 10));
    // Read once the four weeks are over: every one-off has been booked by then (see the booking-lead test).
    const service = createCalendarService({ directory: directoryOf(people), seed: 7, now: () => new Date('2026-04-06T00:00:00Z') });
    const bands: Record<number, [number, number]> = { 1: [0.3, 0.5], 2: [0.3, 0.5], 3: [0.3, 0.5], 4: [0.375, 0.575], 5: [0.45, 0.65], 6: [0.525, 0.725], 7: [0.6, 0.8], 8: [0.6, 0.8], 9: [0.6, 0.8], 10: [0.6, 0.8] };
    const bySeniority = new Map<number, number[]>();
    for (const p of people) {
      const windows = workingWindows(p, '2026-03-02', 4);
      const entries = service.entries(TENANT, p.id, windows[0]![0] - 86_400_000, windows.at(-1)![1] + 86_400_000);
      const measured = density(entries, windows);
      const [lo, hi] = bands[p.seniority]!;
      expect(measured, `${p.id} seniority ${p.seniority}`).toBeGreaterThanOrEqual(lo);
      expect(measured, `${p.id} seniority ${p.seniority}`).toBeLessThanOrEqual(hi);
      bySeniority.set(p.seniority, [...(bySeniority.get(p.seniority) ?? []), measured]);
    }
    const mean = (s: number) => bySeniority.get(s)!.reduce((a, b) => a + b, 0) / bySeniority.get(s)!.length;
    expect(mean(10)).toBeGreaterThan(mean(5));
    expect(mean(5)).toBeGreaterThan(mean(1));
  });

  it('carries most booked time in recurring series, so gaps recur week after week (four weeks of working hours)', () => {
    const people = population(150, (i) => 1 + (i % 10));
    // Read once the four weeks are over: every one-off has been booked by then (see the booking-lead test).
    const service = createCalendarService({ directory: directoryOf(people), seed: 7, now: () => new Date('2026-04-06T00:00:00Z') });
    let recurring = 0;
    let booked = 0;
    const shares: number[] = [];
    for (const p of people) {
      const windows = workingWindows(p, '2026-03-02', 4);
      const entries = service.entries(TENANT, p.id, windows[0]![0] - 86_400_000, windows.at(-1)![1] + 86_400_000);
      const all = density(entries, windows);
      const fromSeries = density(entries.filter((e) => (e.source.kind === 'generated' && e.source.seriesKey !== undefined) || e.status === 'oof'), windows);
      recurring += fromSeries;
      booked += all;
      shares.push(fromSeries / all);
    }
    // Out-of-office items stay in only so that both measures skip the same days off.
    // Measured about 0.65 overall; one-off meetings, focus time, tentative and private items fill the rest.
    expect(recurring / booked).toBeGreaterThan(0.5);
    expect(recurring / booked).toBeLessThan(0.8);
    expect(Math.min(...shares)).toBeGreaterThan(0.3);
  });

  it('fills in as days come nearer: one-offs weeks ahead are few, series and holidays are there months ahead', () => {
    const people = population(100, (i) => 1 + (i % 10));
    const today = Date.parse('2026-03-02T00:00:00Z');
    const ahead = createCalendarService({ directory: directoryOf(people), seed: 7, now: () => new Date(today) });
    const later = createCalendarService({ directory: directoryOf(people), seed: 7, now: () => new Date('2026-08-03T00:00:00Z') });
    const oneOff = (e: CalendarEntry) => e.source.kind === 'generated' && e.source.seriesKey === undefined && e.subject !== 'Vacation';
    /** One-offs in the week starting `weeksAhead` weeks after today, as read today and as read once that week is past. */
    const week = (weeksAhead: number) => {
      const from = today + weeksAhead * 7 * 86_400_000;
      const to = from + 7 * 86_400_000;
      let now = 0;
      let eventually = 0;
      let seriesNow = 0;
      let seriesEventually = 0;
      for (const p of people) {
        const seen = ahead.entries(TENANT, p.id, from, to);
        const all = later.entries(TENANT, p.id, from, to);
        now += seen.filter(oneOff).length;
        eventually += all.filter(oneOff).length;
        seriesNow += seen.filter((e) => !oneOff(e)).length;
        seriesEventually += all.filter((e) => !oneOff(e)).length;
        // What is visible today is a subset of what the week finally holds: items appear, never vanish.
        const keys = new Set(all.map((e) => e.sortKey));
        for (const e of seen) expect(keys.has(e.sortKey), `${p.id} ${e.subject}`).toBe(true);
      }
      expect(seriesNow, `series and holidays in week +${weeksAhead}`).toBe(seriesEventually);
      return now / eventually;
    };
    const nextWeek = week(0);
    const inThreeWeeks = week(3);
    const inEightWeeks = week(8);
    expect(nextWeek).toBeGreaterThan(0.5);
    expect(inThreeWeeks).toBeLessThan(nextWeek / 2);
    expect(inEightWeeks).toBeLessThan(0.1);
    expect(inEightWeeks).toBeLessThan(inThreeWeeks);
  });

  it('keeps timed items within the person’s own working hours, in their own zone', () => {
    const people = population(10, (i) => 1 + i);
    const service = createCalendarService({ directory: directoryOf(people), seed: 3, now: () => new Date() });
    for (const p of people) {
      const windows = workingWindows(p, '2026-03-02', 3);
      const entries = service.entries(TENANT, p.id, windows[0]![0] - 86_400_000, windows.at(-1)![1] + 86_400_000);
      const timed = entries.filter((e) => e.endMs - e.startMs < 86_400_000);
      expect(timed.length).toBeGreaterThan(40);
      for (const e of timed) expect(windows.some(([from, to]) => e.startMs >= from && e.endMs <= to), `${p.id} ${new Date(e.startMs).toISOString()} ${e.subject}`).toBe(true);
    }
  });

  it('has recurring meetings, one-offs, focus time, lunch, tentative and private items, days off and a holiday week', () => {
    const service = makeService();
    const entries = service.entries(TENANT, 'alice', Date.parse('2026-01-05T00:00:00Z'), Date.parse('2026-07-06T00:00:00Z'));
    const subjects = new Set(entries.map((e) => e.subject));
    for (const s of ['Lunch', 'Team meeting', '1:1 with manager', 'Focus time', 'Vacation']) expect(subjects, s).toContain(s);
    expect(entries.some((e) => e.source.kind === 'generated' && e.source.seriesKey !== undefined)).toBe(true);
    expect(entries.some((e) => e.status === 'tentative')).toBe(true);
    expect(entries.some((e) => e.isPrivate)).toBe(true);
    const everyone = standardPeople().flatMap((p) => service.entries(TENANT, p.id, Date.parse('2026-01-05T00:00:00Z'), Date.parse('2026-07-06T00:00:00Z')));
    expect(everyone.some((e) => e.subject === 'Out of office' && e.status === 'oof')).toBe(true);
    const vacations = entries.filter((e) => e.subject === 'Vacation');
    expect(vacations.every((v) => v.endMs - v.startMs >= 7 * 86_400_000 - 3_600_000)).toBe(true);
  });

  it('is the same for the same seed whatever order people are first read in, and differs for another seed', () => {
    const window = [Date.parse('2026-03-02T00:00:00Z'), Date.parse('2026-04-27T00:00:00Z')] as const;
    const a = makeService(standardPeople(), 11);
    const b = makeService(standardPeople(), 11);
    const c = makeService(standardPeople(), 12);
    const aliceFirst = JSON.stringify(a.entries(TENANT, 'alice', ...window));
    a.entries(TENANT, 'bob', ...window);
    b.entries(TENANT, 'bob', Date.parse('2026-04-06T00:00:00Z'), window[1]);
    b.entries(TENANT, 'bob', ...window);
    expect(JSON.stringify(b.entries(TENANT, 'alice', ...window))).toBe(aliceFirst);
    expect(JSON.stringify(c.entries(TENANT, 'alice', ...window))).not.toBe(aliceFirst);
  });

  it('generates lazily: a 10,000-person organisation answers without walking the directory', () => {
    const people = population(10_000, (i) => 1 + (i % 10));
    const byId = new Map(people.map((p) => [p.mail, p]));
    const service = createCalendarService({
      directory: { byIdOrAddress: (_t, id) => byId.get(id.toLowerCase()), all: () => { throw new Error('the calendar must not enumerate the directory'); } },
      seed: 1,
      now: () => new Date(),
    });
    const result = service.getSchedule(app(), people[0]!.mail, {
      schedules: people.slice(5000, 5020).map((p) => p.mail), startTime: dt('2026-03-02T00:00:00'), endTime: dt('2026-05-03T00:00:00'),
    }) as any[];
    expect(result).toHaveLength(20);
    expect(result.every((s) => s.availabilityView.length === 62 * 48 && s.scheduleItems.length > 100)).toBe(true);
  });
});
