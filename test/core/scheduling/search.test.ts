import { describe, expect, it } from 'vitest';
import { findSeriesSlot } from '../../../src/core/scheduling/search.ts';
import { inconvenience } from '../../../src/core/scheduling/fairness.ts';
import { HOUR_MS, MINUTE_MS } from '../../../src/core/time.ts';
import { parseClockTime } from '../../../src/core/time/clock-time.ts';
import { interval, type Interval } from '../../../src/core/time/intervals.ts';
import { at, checkPlan, expectPlan, localOf, person, request } from './fixtures.ts';

const minutes = (hhmm: string): number => parseClockTime(hhmm) as number;

describe('fairness between the two people', () => {
  it('a London–Kolkata pair does not meet at the start of London\'s day when a fairer free time exists', () => {
    const london = person('Olivia', 'Europe/London', '09:00', '17:30');
    const kolkata = person('Arjun', 'Asia/Kolkata', '09:00', '17:30');
    const plan = expectPlan(findSeriesSlot(request(london, kolkata, { cadence: 'biweekly', term: { start: '2026-01-05', end: '2026-03-20' }, now: at('2026-01-02T12:00', 'UTC') })));
    expect(checkPlan(plan, london, kolkata)).toEqual([]);
    // Shared hours are London 09:00–12:00 (Kolkata 14:30–17:30); the earliest is the edge of London's day.
    const cost = (londonMinute: number): number =>
      inconvenience(londonMinute, 45, { startMinute: 540, endMinute: 1050 }) + inconvenience(londonMinute + 330, 45, { startMinute: 540, endMinute: 1050 });
    const options = [540, 555, 570, 585, 600, 615, 630, 645, 660, 675];
    const fairest = options.reduce((best, m) => (cost(m) < cost(best) ? m : best));
    expect(minutes(plan.localTime)).toBe(fairest);
    expect(minutes(plan.localTime)).toBeGreaterThanOrEqual(570);
    expect(cost(minutes(plan.localTime))).toBeLessThan(cost(540));
    expect(plan.attendeeLocalTimes).toEqual([localOf(plan.occurrences[0]!.start, 'Asia/Kolkata').time]);
    expect(plan.explanation).toMatch(/^Every other \w+ at \d\d:\d\d \(London\) \/ \d\d:\d\d \(Kolkata\), 45 minutes, \d+ sessions from \d+ \w+ to \d+ \w+; all \d+ free for both$/);
  });

  it('the same pair organised from Kolkata lands on the same fair hour, not Kolkata\'s earliest shared time', () => {
    const london = person('Olivia', 'Europe/London', '09:00', '17:30');
    const kolkata = person('Arjun', 'Asia/Kolkata', '09:00', '17:30');
    const fromLondon = expectPlan(findSeriesSlot(request(london, kolkata, { term: { start: '2026-01-05', end: '2026-02-27' }, now: at('2026-01-02T12:00', 'UTC') })));
    const fromKolkata = expectPlan(findSeriesSlot(request(kolkata, london, { term: { start: '2026-01-05', end: '2026-02-27' }, now: at('2026-01-02T12:00', 'UTC') })));
    expect(fromKolkata.occurrences[0]!.start).toBe(fromLondon.occurrences[0]!.start);
    expect(fromKolkata.localTime).not.toBe('14:30');
  });

  it('zero conflicts beat a fairer time that clashes once', () => {
    const a = person('Ana', 'Europe/Berlin');
    const base = request(a, person('Ben', 'Europe/Berlin'), { term: { start: '2026-06-01', end: '2026-06-26' }, now: at('2026-05-29T12:00', 'Europe/Berlin') });
    const open = expectPlan(findSeriesSlot(base));
    expect(open.conflicts).toBe(0);
    // Ben has a daily meeting at exactly that time for the whole second week.
    const start = minutes(open.localTime);
    const week2: Interval[] = ['08', '09', '10', '11', '12'].map((d) => {
      const s = at(`2026-06-${d}T${open.localTime}`, 'Europe/Berlin');
      return interval(s, s + 45 * MINUTE_MS);
    });
    const ben = person('Ben', 'Europe/Berlin', '09:00', '17:00', week2);
    const plan = expectPlan(findSeriesSlot({ ...base, attendee: ben }));
    expect(plan.conflicts).toBe(0);
    expect(minutes(plan.localTime)).not.toBe(start);
    expect(plan.score.fairness).toBeGreaterThan(open.score.fairness);
    expect(checkPlan(plan, a, ben)).toEqual([]);
  });

  it('on a tie it takes the earliest first session', () => {
    const a = person('Ana', 'Europe/Berlin');
    const b = person('Ben', 'Europe/Berlin');
    // Tuesday noon: the earliest possible date is Wednesday; every weekday scores the same.
    const plan = expectPlan(findSeriesSlot(request(a, b, { durationMinutes: 30, term: { start: '2026-06-01', end: '2026-07-31' }, now: at('2026-06-02T12:00', 'Europe/Berlin') })));
    expect(plan.firstDate).toBe('2026-06-03');
    expect(plan.weekday).toBe('wednesday');
    expect(plan.occurrences[0]!.start).toBeGreaterThan(at('2026-06-02T12:00', 'Europe/Berlin'));
  });
});

describe('busy calendars', () => {
  it('a fully booked attendee gives no slot, naming them', () => {
    const full = person('Busy Bee', 'Europe/Paris', '09:00', '17:00', [interval(at('2026-01-01T00:00', 'UTC'), at('2026-12-31T00:00', 'UTC'))]);
    const result = findSeriesSlot(request(person('Ana', 'Europe/Paris'), full, { now: at('2026-02-27T12:00', 'UTC') }));
    expect(result.kind).toBe('no-slot');
    if (result.kind !== 'no-slot') return;
    expect(result.code).toBe('fully-booked');
    expect(result.reason).toContain('Busy Bee (Europe/Paris) has no free time within working hours');
  });

  it('an out-of-office week moves that one session out of the week, to a time both are free', () => {
    const oof = interval(at('2026-03-16T00:00', 'Europe/London'), at('2026-03-21T00:00', 'Europe/London'));
    const olivia = person('Olivia', 'Europe/London');
    const arjun = person('Arjun', 'Europe/London', '09:00', '17:00', [oof]);
    const plan = expectPlan(findSeriesSlot(request(olivia, arjun, { term: { start: '2026-03-02', end: '2026-04-03' }, now: at('2026-02-27T12:00', 'UTC') })));
    expect(checkPlan(plan, olivia, arjun)).toEqual([]);
    expect(plan.moved).toBe(1);
    const moved = plan.occurrences.find((o) => o.status === 'moved')!;
    expect(moved.originalStart).toBeGreaterThanOrEqual(oof.start);
    expect(moved.originalStart).toBeLessThan(oof.end);
    expect(moved.start < oof.start || moved.start >= oof.end).toBe(true);
    expect(plan.explanation).toMatch(/; \d free, 1 moved to \w{3} \d+ \w{3} \d\d:\d\d because of a conflict$/);
  });

  it('when only one day a week is free, and a different one each week, each session is moved to it', () => {
    // Ben is busy all day except Monday in week 1, Tuesday in week 2, …
    const busy: Interval[] = [];
    const freeDays = ['2026-03-02', '2026-03-10', '2026-03-18', '2026-03-26', '2026-04-03'];
    for (let d = 0; d < 40; d++) {
      const day = new Date(Date.UTC(2026, 2, 1 + d)).toISOString().slice(0, 10);
      if (!freeDays.includes(day)) busy.push(interval(at(`${day}T00:00`, 'Europe/London'), at(`${day}T23:59`, 'Europe/London')));
    }
    const ana = person('Ana', 'Europe/London');
    const ben = person('Ben', 'Europe/London', '09:00', '17:00', busy);
    const plan = expectPlan(findSeriesSlot(request(ana, ben, { term: { start: '2026-03-02', end: '2026-04-05' }, now: at('2026-02-27T12:00', 'UTC') })));
    expect(checkPlan(plan, ana, ben)).toEqual([]);
    expect(plan.conflicts).toBe(4);
    expect(plan.moved).toBe(4);
    for (const o of plan.occurrences) expect(freeDays).toContain(localOf(o.start, 'Europe/London').date);
  });
});

describe('terms and cadences', () => {
  it('crosses New Year: dates and explanation carry the years, and no session falls in the holiday', () => {
    const holiday = interval(at('2026-12-24T00:00', 'Europe/London'), at('2027-01-02T00:00', 'Europe/London'));
    const ana = person('Ana', 'Europe/London', '09:00', '17:00', [holiday]);
    const ravi = person('Ravi', 'Asia/Kolkata', '09:00', '17:30', [holiday]);
    const plan = expectPlan(findSeriesSlot(request(ana, ravi, { cadence: 'biweekly', term: { start: '2026-12-07', end: '2027-02-26' }, now: at('2026-12-04T12:00', 'UTC') })));
    expect(checkPlan(plan, ana, ravi)).toEqual([]);
    expect(plan.firstDate.startsWith('2026-12')).toBe(true);
    expect(plan.lastDate.startsWith('2027-02')).toBe(true);
    for (const o of plan.occurrences) expect(o.start < holiday.start || o.start >= holiday.end).toBe(true);
    expect(plan.explanation).toMatch(/from \d+ Dec 2026 to \d+ Feb 2027/);
    for (let i = 1; i < plan.occurrences.length; i++) {
      const gapDays = Math.round((Date.parse(plan.occurrences[i]!.date) - Date.parse(plan.occurrences[i - 1]!.date)) / (24 * HOUR_MS));
      expect(gapDays).toBe(14);
    }
  });

  it('monthly keeps the same weekday of the month (Graph relativeMonthly)', () => {
    const ana = person('Ana', 'Europe/London');
    const ben = person('Ben', 'Europe/London');
    const plan = expectPlan(findSeriesSlot(request(ana, ben, { cadence: 'monthly', durationMinutes: 60, term: { start: '2026-03-09', end: '2026-08-31' }, now: at('2026-03-01T12:00', 'UTC') })));
    expect(checkPlan(plan, ana, ben)).toEqual([]);
    expect(plan.monthlyIndex).toBe('second');
    expect(plan.recurrence.pattern).toMatchObject({ type: 'relativeMonthly', index: 'second', interval: 1, daysOfWeek: [plan.weekday] });
    expect(plan.occurrences).toHaveLength(6);
    for (const o of plan.occurrences) {
      const day = Number(o.date.slice(8, 10));
      expect(day).toBeGreaterThanOrEqual(8);
      expect(day).toBeLessThanOrEqual(14);
      expect(localOf(o.start, 'Europe/London').weekday).toBe(localOf(plan.occurrences[0]!.start, 'Europe/London').weekday);
    }
    expect(plan.explanation).toContain('On the second');
  });

  it('accepts Windows zone names from Outlook and plans in the IANA zone', () => {
    const ana = { ...person('Ana', 'GMT Standard Time'), workingHours: { daysOfWeek: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'], start: '09:00:00.0000000', end: '17:00:00.0000000', zone: 'GMT Standard Time' } };
    const ravi = person('Ravi', 'India Standard Time', '09:00', '17:30');
    const plan = expectPlan(findSeriesSlot(request(ana, ravi, { now: at('2026-02-27T12:00', 'UTC') })));
    expect(plan.zone).toBe('Europe/London');
    expect(plan.recurrence.range.recurrenceTimeZone).toBe('Europe/London');
    expect(checkPlan(plan, { ...ana, zone: 'Europe/London', workingHours: { ...ana.workingHours, zone: 'Europe/London' } }, { ...ravi, zone: 'Asia/Kolkata' })).toEqual([]);
  });
});

describe('explanations', () => {
  it('say which session could not be placed when a week has no shared free time at all', () => {
    // Ben is away for three whole weeks: the middle week's session has nowhere to go within six days.
    const away = interval(at('2026-03-09T00:00', 'Europe/London'), at('2026-03-30T00:00', 'Europe/London'));
    const ana = person('Ana', 'Europe/London');
    const ben = person('Ben', 'Europe/London', '09:00', '17:00', [away]);
    const plan = expectPlan(findSeriesSlot(request(ana, ben, { term: { start: '2026-03-02', end: '2026-04-10' }, now: at('2026-02-27T12:00', 'UTC') })));
    expect(checkPlan(plan, ana, ben)).toEqual([]);
    expect(plan.unplaced).toBeGreaterThanOrEqual(1);
    const unplaced = plan.occurrences.filter((o) => o.status === 'unplaced');
    for (const o of unplaced) {
      expect(o.originalStart).toBeGreaterThanOrEqual(away.start);
      expect(o.originalStart).toBeLessThan(away.end);
    }
    expect(plan.explanation).toMatch(/\d+ \((\w{3} \d+ \w{3} \d\d:\d\d(, )?)+\) clash(es)? with no shared free time nearby and needs? a decision/);
  });
});
