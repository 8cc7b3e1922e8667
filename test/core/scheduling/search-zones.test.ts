import { describe, expect, it } from 'vitest';
import { findSeriesSlot } from '../../../src/core/scheduling/search.ts';
import { parseClockTime } from '../../../src/core/time/clock-time.ts';
import { interval } from '../../../src/core/time/intervals.ts';
import { at, checkPlan, expectPlan, localOf, person, request } from './fixtures.ts';

const minutes = (hhmm: string): number => parseClockTime(hhmm) as number;

describe('daylight saving', () => {
  it('keeps the London time while the gap to New York is 4 hours (US changed, Europe not yet) and 5 otherwise', () => {
    const london = person('Olivia', 'Europe/London');
    const ny = person('Nora', 'America/New_York');
    const plan = expectPlan(findSeriesSlot(request(london, ny, { durationMinutes: 60, term: { start: '2026-03-02', end: '2026-04-10' }, now: at('2026-02-27T12:00', 'UTC') })));
    expect(checkPlan(plan, london, ny)).toEqual([]);
    expect(plan.conflicts).toBe(0);
    for (const o of plan.occurrences) {
      const gap = (minutes(localOf(o.start, 'Europe/London').time) - minutes(localOf(o.start, 'America/New_York').time)) / 60;
      expect(gap).toBe(o.date >= '2026-03-08' && o.date < '2026-03-29' ? 4 : 5);
    }
    expect(plan.attendeeLocalTimes).toHaveLength(2);
    expect(plan.explanation).toContain('as clocks change');
  });

  it('finds the hour that exists only in the weeks the gap is 4 hours, and says there is none otherwise', () => {
    // London 09:00–14:30 and New York 09:00–17:00 share 30 minutes a day normally, 90 in the DST weeks.
    const london = person('Olivia', 'Europe/London', '09:00', '14:30');
    const ny = person('Nora', 'America/New_York');
    const winter = findSeriesSlot(request(london, ny, { term: { start: '2026-01-05', end: '2026-02-27' }, now: at('2026-01-02T12:00', 'UTC') }));
    expect(winter.kind).toBe('no-slot');
    if (winter.kind === 'no-slot') {
      expect(winter.code).toBe('no-shared-working-hours');
      expect(winter.reason).toContain('at most 30 minutes');
    }
    const between = expectPlan(findSeriesSlot(request(london, ny, { term: { start: '2026-03-09', end: '2026-03-27' }, now: at('2026-03-06T12:00', 'UTC') })));
    expect(checkPlan(between, london, ny)).toEqual([]);
    expect(between.conflicts).toBe(0);
    expect(minutes(between.localTime)).toBeGreaterThanOrEqual(minutes('13:00'));
    expect(minutes(between.localTime)).toBeLessThanOrEqual(minutes('13:45'));
  });

  it('on the day clocks change, a Sunday session is still at the series time', () => {
    // Both work Sundays only; 8 March 2026 is the US spring-forward Sunday.
    const nora = person('Nora', 'America/New_York', '08:00', '16:00', [], ['sunday']);
    // Lars has a meeting that morning: the search must see New York's 09:xx as 13:xx UTC now, not 14:xx.
    const lars = person('Lars', 'Europe/London', '09:00', '18:00', [interval(at('2026-03-08T13:00', 'UTC'), at('2026-03-08T14:15', 'UTC'))], ['sunday']);
    const plan = expectPlan(findSeriesSlot(request(nora, lars, { durationMinutes: 60, term: { start: '2026-03-01', end: '2026-03-22' }, now: at('2026-02-27T12:00', 'UTC') })));
    expect(plan.occurrences.map((o) => o.date)).toEqual(['2026-03-01', '2026-03-08', '2026-03-15', '2026-03-22']);
    expect(checkPlan(plan, nora, lars)).toEqual([]);
    expect(plan.conflicts).toBe(0);
    expect(localOf(plan.occurrences[1]!.start, 'America/New_York').time).toBe(plan.localTime);
  });

  it('follows Adelaide through both London\'s and Adelaide\'s (southern) clock changes', () => {
    const london = person('Olivia', 'Europe/London', '07:30', '16:00');
    const adelaide = person('Abby', 'Australia/Adelaide', '09:00', '19:00');
    const plan = expectPlan(findSeriesSlot(request(london, adelaide, { durationMinutes: 30, term: { start: '2026-03-16', end: '2026-04-24' }, now: at('2026-03-13T12:00', 'UTC') })));
    expect(checkPlan(plan, london, adelaide)).toEqual([]);
    expect(plan.conflicts).toBe(0);
    const seen = [...new Set(plan.occurrences.map((o) => localOf(o.start, 'Australia/Adelaide').time))];
    expect(plan.attendeeLocalTimes).toEqual(seen);
    // ACDT→BST (29 Mar) and ACDT→ACST (5 Apr) each move Adelaide's time by an hour.
    expect(seen).toHaveLength(3);
  });
});

describe('half-hour zones and pairs far apart', () => {
  it('Kathmandu (+5:45) and St John\'s (-3:30) share no working hours: no slot, and the reason says why', () => {
    const anita = person('Anita', 'Asia/Kathmandu');
    const tom = person('Tom', 'America/St_Johns');
    const result = findSeriesSlot(request(anita, tom, { now: at('2026-02-27T12:00', 'UTC') }));
    expect(result.kind).toBe('no-slot');
    if (result.kind !== 'no-slot') return;
    expect(result.code).toBe('no-shared-working-hours');
    expect(result.reason).toContain('Anita (Asia/Kathmandu)');
    expect(result.reason).toContain('Tom (America/St_Johns)');
    expect(result.reason).toContain('share no working hours');
    expect(result.reason).toMatch(/09:00–17:00 in St Johns is \d\d:\d\d–\d\d:\d\d in Kathmandu/);
  });

  it('Los Angeles and Kolkata (13.5 hours apart) have no overlap', () => {
    const result = findSeriesSlot(request(person('Lee', 'America/Los_Angeles', '08:00', '17:00'), person('Ravi', 'Asia/Kolkata', '09:00', '18:00'), { now: at('2026-02-27T12:00', 'UTC') }));
    expect(result.kind === 'no-slot' && result.code).toBe('no-shared-working-hours');
  });

  it('New York and Kolkata (10.5 hours apart) have a thin hour, and the search finds it', () => {
    const ravi = person('Ravi', 'Asia/Kolkata', '10:00', '19:30');
    const nora = person('Nora', 'America/New_York', '08:00', '17:00');
    const plan = expectPlan(findSeriesSlot(request(ravi, nora, { cadence: 'biweekly', term: { start: '2026-01-05', end: '2026-02-27' }, now: at('2026-01-02T12:00', 'UTC') })));
    expect(checkPlan(plan, ravi, nora)).toEqual([]);
    expect(plan.conflicts).toBe(0);
    // Shared: Kolkata 18:30–19:30 = New York 08:00–09:00.
    expect(['18:30', '18:45']).toContain(plan.localTime);
  });
});
