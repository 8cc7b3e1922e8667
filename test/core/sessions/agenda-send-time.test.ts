import { describe, expect, it } from 'vitest';
import { agendaSendTime } from '../../../src/core/sessions/agenda-send-time.ts';
import { epochMs, HOUR_MS, ianaZone } from '../../../src/core/time.ts';

const at = (iso: string) => epochMs(Date.parse(iso));
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
const kolkata = ianaZone('Asia/Kolkata');
const weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'];
const earlyKolkata = { daysOfWeek: weekdays, start: '07:00', end: '15:00' };

describe('agendaSendTime', () => {
  it('a day before at the same clock time when that is inside working hours', () => {
    // Thursday 11:00 in Kolkata → Wednesday 11:00 IST.
    expect(iso(agendaSendTime(at('2026-03-05T05:30:00Z'), earlyKolkata, kolkata))).toBe('2026-03-04T05:30:00Z');
  });

  it('Kolkata, day starting at 07:00: a 06:30 session gets its agenda at 07:00 the day before', () => {
    expect(iso(agendaSendTime(at('2026-03-04T01:00:00Z'), earlyKolkata, kolkata))).toBe('2026-03-03T01:30:00Z');
  });

  it('Kolkata: an evening session gets its agenda half an hour before the working day ends', () => {
    // Wednesday 16:30 IST (after 15:00) → Tuesday 14:30 IST.
    expect(iso(agendaSendTime(at('2026-03-04T11:00:00Z'), earlyKolkata, kolkata))).toBe('2026-03-03T09:00:00Z');
  });

  it('a Monday session gets its agenda on Friday', () => {
    expect(iso(agendaSendTime(at('2026-03-09T04:30:00Z'), earlyKolkata, kolkata))).toBe('2026-03-06T04:30:00Z');
  });

  it('keeps the clock time across the spring-forward change (23 hours before)', () => {
    const everyDay = { daysOfWeek: [...weekdays, 'saturday', 'sunday'], start: '09:00', end: '17:00' };
    const ny = ianaZone('America/New_York');
    // Sunday 8 March 2026 10:00 EDT; Saturday 10:00 was still EST.
    const session = at('2026-03-08T14:00:00Z');
    const sent = agendaSendTime(session, everyDay, ny);
    expect(iso(sent)).toBe('2026-03-07T15:00:00Z');
    expect(session - sent).toBe(23 * HOUR_MS);
  });

  it('keeps the clock time across the fall-back change (25 hours before)', () => {
    const everyDay = { daysOfWeek: [...weekdays, 'saturday', 'sunday'], start: '09:00', end: '17:00' };
    const session = at('2026-11-01T15:00:00Z'); // Sunday 10:00 EST
    const sent = agendaSendTime(session, everyDay, ianaZone('America/New_York'));
    expect(iso(sent)).toBe('2026-10-31T14:00:00Z'); // Saturday 10:00 EDT
    expect(session - sent).toBe(25 * HOUR_MS);
  });

  it('London: a Monday session after the clocks went forward gets its agenda on Friday in GMT', () => {
    const london = { daysOfWeek: weekdays, start: '09:00', end: '17:30' };
    // Monday 30 March 2026 10:00 BST = 09:00Z; Friday 27 March 10:00 GMT = 10:00Z.
    expect(iso(agendaSendTime(at('2026-03-30T09:00:00Z'), london, ianaZone('Europe/London')))).toBe('2026-03-27T10:00:00Z');
  });

  it('uses the person’s zone, not the machine’s or the session’s', () => {
    const london = { daysOfWeek: weekdays, start: '09:00', end: '17:30' };
    // The same instant is Wednesday 11:30 in London (in hours) and 17:00 in Kolkata (after hours).
    const session = at('2026-03-04T11:30:00Z');
    expect(iso(agendaSendTime(session, london, ianaZone('Europe/London')))).toBe('2026-03-03T11:30:00Z');
    expect(iso(agendaSendTime(session, earlyKolkata, kolkata))).toBe('2026-03-03T09:00:00Z');
  });

  it('refuses working hours that do not parse', () => {
    expect(() => agendaSendTime(at('2026-03-04T11:30:00Z'), { daysOfWeek: [], start: '9', end: '17:00' }, kolkata)).toThrow(/Working hours are not valid/);
  });
});
