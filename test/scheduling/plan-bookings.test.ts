import { describe, expect, it } from 'vitest';
import { tenantId, userId } from '../../src/core/ids.ts';
import { epochMs } from '../../src/core/time.ts';
import { interval, type Interval } from '../../src/core/time/intervals.ts';
import { deterministicUuid, seriesTransactionId } from '../../src/scheduling/deterministic-id.ts';
import { newBooking } from '../../src/scheduling/new-booking.ts';
import { planBookings } from '../../src/scheduling/plan-bookings.ts';
import type { MailboxCalendar } from '../../src/scheduling/read-calendars.ts';
import type { ScheduleSettings } from '../../src/scheduling/requests.ts';
import { busyWithoutOwnSessions } from '../../src/scheduling/session-clashes.ts';

const T = tenantId('t-1');
const NOW = epochMs(Date.parse('2027-03-01T12:00:00Z'));
const settings: ScheduleSettings = { cadence: 'weekly', durationMinutes: 45, term: { start: '2027-03-02', end: '2027-04-30' }, organiser: 'mentee', programName: 'RM', agenda: [] };
const week = { daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'], start: '09:00', end: '17:00', zone: 'Europe/London' };

const person = (name: string, role: 'mentor' | 'mentee') => ({ userId: userId(`id-${name}`), mailbox: `${name}@contoso.test`, name, role });
const booking = (pairId: string, organiser: string, attendee: string, position = 0) =>
  newBooking({ tenantId: T, programId: 'p', cycle: 1, pairId, runId: 'r', position, now: NOW, settings, people: { organiser: person(organiser, 'mentee'), attendee: person(attendee, 'mentor') } });

/** Everyone free all the time except `busy`. */
const calendars = (people: Record<string, Partial<MailboxCalendar>>) => ({
  byMailbox: new Map(Object.entries(people).map(([name, c]) => [`${name}@contoso.test`.toLowerCase(), { busy: [], workingHours: week, ...c } as MailboxCalendar])),
  failed: new Map<string, string>(),
});

const overlapsAny = (a: readonly Interval[], b: readonly Interval[]) => a.some((x) => b.some((y) => x.start < y.end && y.start < x.end));
const held = (b: { occurrences: readonly { status: string; start: number; end: number }[] }) =>
  b.occurrences.filter((o) => o.status !== 'unplaced').map((o) => interval(o.start, o.end));

describe('planning a cohort in one process', () => {
  it('never gives a person in two pairs two sessions at once, though nothing is in Graph yet', () => {
    const cals = calendars({ senior: {}, juniorA: {}, juniorB: {} });
    const [a, b] = planBookings([booking('a', 'senior', 'juniorA'), booking('b', 'senior', 'juniorB', 1)], cals, new Map(), NOW);
    expect(a!.booking.state).toBe('planned');
    expect(b!.booking.state).toBe('planned');
    // With empty calendars both pairs would pick the same best time; the second must not.
    expect(overlapsAny(held(a!.booking), held(b!.booking))).toBe(false);
  });

  it('counts times already promised by the run (before a restart) as busy', () => {
    const cals = calendars({ senior: {}, junior: {} });
    const first = planBookings([booking('a', 'senior', 'junior')], cals, new Map(), NOW)[0]!;
    const taken = new Map([['senior@contoso.test', held(first.booking)]]);
    const second = planBookings([booking('a', 'senior', 'junior')], cals, taken, NOW)[0]!;
    expect(overlapsAny(held(first.booking), held(second.booking))).toBe(false);
  });

  it('fails a pair with a reason naming the person, the zone or the working day at fault', () => {
    const cals = calendars({
      senior: {},
      zoneless: { workingHours: { ...week, zone: 'Mars/Olympus_Mons' } },
      short: { workingHours: { ...week, start: '09:00', end: '09:30' } },
      nohours: { workingHours: undefined },
    });
    cals.failed.set('ghost@contoso.test', 'The specified user could not be found (5009)');
    const results = planBookings(
      [booking('z', 'senior', 'zoneless'), booking('s', 'senior', 'short', 1), booking('g', 'senior', 'ghost', 2), booking('n', 'senior', 'nohours', 3)],
      cals,
      new Map(),
      NOW,
    ).map((r) => r.booking);
    expect(results.map((r) => [r.state, r.reasonCode])).toEqual([
      ['failed', 'bad_input'],
      ['failed', 'bad_input'],
      ['failed', 'unknown_person'],
      ['failed', 'no_working_hours'],
    ]);
    expect(results[0]!.reason).toContain('attendee.zone: "Mars/Olympus_Mons" is neither an IANA time zone');
    expect(results[1]!.reason).toContain("short's working day (09:00–09:30) is shorter than a 45-minute session");
    expect(results[2]!.reason).toBe('Unknown person: ghost (ghost@contoso.test) has no calendar Upward can read (The specified user could not be found (5009))');
    expect(results.every((r) => r.series.length === 0 && r.occurrences.length === 0)).toBe(true);
  });

  it('reports no slot with the core’s reason when the calendars leave nothing', () => {
    const allBusy = [interval(Date.parse('2027-02-01'), Date.parse('2027-06-01'))];
    const [result] = planBookings([booking('x', 'senior', 'junior')], calendars({ senior: {}, junior: { busy: allBusy } }), new Map(), NOW);
    expect(result!.booking).toMatchObject({ state: 'no_slot', reasonCode: 'fully-booked' });
    expect(result!.booking.reason).toBe('junior (Europe/London) has no free time within working hours between 2 Mar and 30 Apr.');
  });

  it('puts the plan, the first series and the agenda into the booking', () => {
    const [result] = planBookings([booking('x', 'senior', 'junior')], calendars({ senior: {}, junior: {} }), new Map(), NOW);
    const b = result!.booking;
    expect(b.series).toEqual([expect.objectContaining({ segment: 0, transactionId: b.transactionId, eventId: null })]);
    expect(b.series[0]!.start.timeZone).toBe('Europe/London');
    expect(b.series[0]!.recurrence.range).toMatchObject({ type: 'endDate', startDate: b.plan!.firstDate });
    expect(b.settings.bodyHtml).toContain('<ol><li>Check-in');
    expect(b.settings.bodyHtml).toContain(b.plan!.explanation.replace(/&/g, '&amp;'));
    expect(result!.searchCpuMicros).toBeGreaterThan(0);
  });
});

describe('transaction ids', () => {
  it('are UUID-shaped and a pure function of tenant, program, pair, cycle and series', () => {
    const id = seriesTransactionId('T-1', 'prog', 'pair-1', 1);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(seriesTransactionId('t-1', 'prog', 'pair-1', 1)).toBe(id);
    const others = [
      seriesTransactionId('t-2', 'prog', 'pair-1', 1),
      seriesTransactionId('t-1', 'prog2', 'pair-1', 1),
      seriesTransactionId('t-1', 'prog', 'pair-2', 1),
      seriesTransactionId('t-1', 'prog', 'pair-1', 2),
      seriesTransactionId('t-1', 'prog', 'pair-1', 1, 1),
    ];
    expect(new Set([id, ...others]).size).toBe(6);
    expect(deterministicUuid('a', 1)).not.toBe(deterministicUuid('a1'));
  });
});

describe('telling our own sessions from new meetings', () => {
  const own = [{ index: 0, date: '2027-03-03', originalStart: epochMs(1000), start: epochMs(1000), end: epochMs(2000), status: 'free' as const, segment: 0, conflict: null }];
  it('drops exactly one item per session of ours, and keeps a second meeting at the same time', () => {
    expect(busyWithoutOwnSessions([{ status: 'busy', start: 1000, end: 2000 }], own)).toEqual([]);
    expect(busyWithoutOwnSessions([{ status: 'tentative', start: 1000, end: 2000 }, { status: 'busy', start: 1000, end: 2000 }], own)).toEqual([interval(1000, 2000)]);
    expect(busyWithoutOwnSessions([{ status: 'busy', start: 1500, end: 2500 }, { status: 'free', start: 0, end: 5000 }], own)).toEqual([interval(1500, 2500)]);
  });
});
