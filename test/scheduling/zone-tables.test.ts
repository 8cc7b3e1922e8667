import { Temporal } from 'temporal-polyfill';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { findSeriesSlot } from '../../src/core/scheduling/search.ts';
import { epochMs } from '../../src/core/time.ts';
import { prepareZoneTables } from '../../src/scheduling/zone-tables.ts';

// A term in years no other search of this file touches, so the zone tables start empty.
const TERM = { start: '2031-03-03', end: '2031-05-23' };
const NOW = epochMs(Date.parse('2031-03-01T12:00:00Z'));
const week = (zone: string) => ({ daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'], start: '09:00', end: '17:00', zone });
const person = (id: string, zone: string) => ({ id, zone, workingHours: week(zone), busy: [] });

afterEach(() => vi.restoreAllMocks());

describe('preparing a cohort run\'s zone tables', () => {
  it('builds what the searches need, so no search of the run reads time-zone rules itself', () => {
    const transitions = vi.spyOn(Temporal.ZonedDateTime.prototype, 'getTimeZoneTransition');
    // A Windows name and an IANA name: both spellings Graph hands out.
    const prepared = prepareZoneTables(['W. Europe Standard Time', 'America/New_York', 'W. Europe Standard Time'], TERM);
    expect(prepared.zones).toBe(2);
    expect(transitions).toHaveBeenCalled();
    transitions.mockClear();

    const plan = findSeriesSlot({ organiser: person('a', 'W. Europe Standard Time'), attendee: person('b', 'America/New_York'), cadence: 'biweekly', durationMinutes: 45, term: TERM, now: NOW });
    expect(plan.kind).toBe('plan');
    expect(transitions).not.toHaveBeenCalled();
  });

  it('leaves a zone it cannot resolve to the search, which names it as the pair\'s bad input', () => {
    expect(prepareZoneTables(['Mars/Olympus_Mons', 'UTC'], TERM).zones).toBe(2);
    expect(() =>
      findSeriesSlot({ organiser: person('a', 'Mars/Olympus_Mons'), attendee: person('b', 'UTC'), cadence: 'weekly', durationMinutes: 30, term: TERM, now: NOW }),
    ).toThrow(/Mars\/Olympus_Mons/);
  });
});
