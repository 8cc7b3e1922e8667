import { describe, expect, it } from 'vitest';
import { buildTimeline, rankBetween } from '../../../src/devtenant/calendar/free-busy.ts';
import type { CalendarEntry } from '../../../src/devtenant/calendar/index.ts';
import { app, delegated, dt, makeService, TENANT } from './fixtures.ts';

const RANK: Record<string, number> = { free: 0, workingElsewhere: 0, unknown: 0, tentative: 1, busy: 2, oof: 3 };
const MINUTE = 60_000;

/** The availability view computed the slow, obvious way: minute by minute. */
function bruteForceView(entries: CalendarEntry[], startMs: number, endMs: number, interval: number): string {
  const minutes = (endMs - startMs) / MINUTE;
  const perMinute = new Array<number>(minutes).fill(0);
  for (let m = 0; m < minutes; m++) {
    const t = startMs + m * MINUTE;
    for (const e of entries) if (e.startMs <= t && t < e.endMs) perMinute[m] = Math.max(perMinute[m]!, RANK[e.status]!);
  }
  let view = '';
  for (let slot = 0; slot * interval < minutes; slot++) view += String(Math.max(...perMinute.slice(slot * interval, (slot + 1) * interval)));
  return view;
}

describe('availabilityView', () => {
  const service = makeService();
  // API events on top of the generated calendars: a tentative answer, an overlap and an out-of-office day.
  service.createEvent(delegated('alice'), 'me', {
    subject: 'Planning', start: dt('2026-03-03T10:10:00', 'Europe/Berlin'), end: dt('2026-03-03T11:55:00', 'Europe/Berlin'),
    attendees: [{ emailAddress: { address: 'bob@contoso.test' } }, { emailAddress: { address: 'carol@contoso.test' } }],
  });
  service.createEvent(delegated('carol'), 'me', { subject: 'Away', showAs: 'oof', start: dt('2026-03-04T00:00:00', 'India Standard Time'), end: dt('2026-03-05T00:00:00', 'India Standard Time') });
  const start = '2026-03-02T06:07:00';
  const end = '2026-03-06T21:00:00';
  const startMs = Date.parse(`${start}Z`);
  const endMs = Date.parse(`${end}Z`);

  for (const interval of [5, 15, 30, 60]) {
    it(`matches a per-minute computation at ${interval}-minute intervals`, () => {
      const result = service.getSchedule(app(), 'alice', {
        schedules: ['alice@contoso.test', 'bob@contoso.test', 'carol@contoso.test', 'dave@contoso.test'],
        startTime: dt(start), endTime: dt(end), availabilityViewInterval: interval,
      }) as any[];
      for (const schedule of result) {
        const entries = service.entries(TENANT, schedule.scheduleId, startMs, endMs);
        expect(entries.length).toBeGreaterThan(5);
        expect(schedule.availabilityView).toBe(bruteForceView(entries, startMs, endMs, interval));
        expect(schedule.availabilityView).toHaveLength(Math.ceil((endMs - startMs) / (interval * MINUTE)));
      }
      const views = result.map((s) => s.availabilityView).join('');
      expect(views).toMatch(/1/);
      expect(views).toMatch(/2/);
      expect(views).toMatch(/3/);
    });
  }

  it('shows workingElsewhere as 0 (v1.0) while the item keeps its status', () => {
    const s = makeService();
    s.createEvent(delegated('dave'), 'me', { subject: 'Client site', showAs: 'workingElsewhere', start: dt('2027-01-04T03:00:00'), end: dt('2027-01-04T04:00:00') });
    const [schedule] = s.getSchedule(app(), 'dave', { schedules: ['dave@contoso.test'], startTime: dt('2027-01-04T03:00:00'), endTime: dt('2027-01-04T04:00:00'), availabilityViewInterval: 60 }) as any[];
    expect(schedule.availabilityView).toBe('0');
    expect(schedule.scheduleItems.map((i: any) => i.status)).toContain('workingElsewhere');
  });

  it('the merged timeline used by findMeetingTimes agrees with the per-minute ranks', () => {
    const entries = service.entries(TENANT, 'alice', startMs, endMs);
    const timeline = buildTimeline(entries);
    for (let t = startMs; t < endMs; t += 17 * MINUTE) {
      const expected = Math.max(0, ...entries.filter((e) => e.startMs < t + 45 * MINUTE && e.endMs > t).map((e) => RANK[e.status]!));
      expect(rankBetween(timeline, t, t + 45 * MINUTE)).toBe(expected);
    }
  });
});
