import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { pairAvailability } from '../../../src/core/scheduling/availability.ts';
import { findSeriesSlot } from '../../../src/core/scheduling/search.ts';
import { SESSION_MINUTES, type Cadence, type SeriesRequest } from '../../../src/core/scheduling/types.ts';
import { resolveRequest } from '../../../src/core/scheduling/validate-request.ts';
import { DAY_MS, epochMs, MINUTE_MS } from '../../../src/core/time.ts';
import { covers } from '../../../src/core/time/intervals.ts';
import { checkPlan, freeByMinute, localOf } from './fixtures.ts';
import { mulberry32, randomCalendar } from './random-calendar.ts';

/** A random pair, cadence and term from one seed. */
function randomRequest(seed: number): SeriesRequest {
  const random = mulberry32(seed);
  const termStart = Date.UTC(2026, 0, 1) + Math.floor(random() * 700) * DAY_MS;
  const termDays = 21 + Math.floor(random() * 100);
  const from = termStart - 2 * DAY_MS;
  const to = termStart + (termDays + 2) * DAY_MS;
  const busyPerWeek = Math.floor(random() * 45);
  const oofWeekChance = random() < 0.3 ? 0.2 : 0;
  const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
  return {
    organiser: randomCalendar(seed * 2 + 1, { from, to, busyPerWeek, oofWeekChance }),
    attendee: randomCalendar(seed * 2 + 2, { from, to, busyPerWeek, oofWeekChance }),
    cadence: (['weekly', 'biweekly', 'monthly'] as Cadence[])[Math.floor(random() * 3)] as Cadence,
    durationMinutes: SESSION_MINUTES[Math.floor(random() * 3)] as 30 | 45 | 60,
    term: { start: day(termStart), end: day(termStart + termDays * DAY_MS) },
    now: epochMs(termStart - DAY_MS - Math.floor(random() * 24) * 60 * MINUTE_MS),
  };
}

describe('the sweep against a minute-by-minute check, on random calendars and zones', () => {
  it('"both free" from the joint free list agrees with checking every minute', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 12, maxLength: 12 }), (seed, picks) => {
        const req = randomRequest(seed);
        const availability = pairAvailability(resolveRequest(req));
        const { start, end } = availability.range;
        const duration = req.durationMinutes * MINUTE_MS;
        // Half the probes land on the edges of free time, where off-by-one mistakes live.
        const edges = availability.jointFree.flatMap((x) => [x.start, x.end - duration, x.end - duration + MINUTE_MS, x.start - MINUTE_MS]);
        picks.forEach((p, i) => {
          let s = i % 2 === 0 || edges.length === 0 ? start + Math.floor((p * (end - start - duration)) / MINUTE_MS) * MINUTE_MS : (edges[Math.floor(p * (edges.length - 1))] as number);
          if (s < start) s = start;
          if (s + duration > end) return;
          const brute = freeByMinute(req.organiser, s, s + duration) && freeByMinute(req.attendee, s, s + duration);
          expect(covers(availability.jointFree, s, s + duration), `slot ${new Date(s).toISOString()}`).toBe(brute);
        });
      }),
      { numRuns: 60 },
    );
  });

  it('every plan is sound: free means free, moved means it clashed and the new time is free, one local time throughout', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
        const req = randomRequest(seed);
        const result = findSeriesSlot(req);
        if (result.kind === 'no-slot') {
          expect(result.reason).toContain(req.organiser.name);
          expect(result.reason).toContain(req.attendee.name);
          return;
        }
        expect(checkPlan(result, req.organiser, req.attendee)).toEqual([]);
        expect(result.occurrences[0]!.start).toBeGreaterThan(req.now);
        const organiserZone = req.organiser.zone;
        const termEnd = req.term.end;
        for (const o of result.occurrences) {
          expect(o.date <= termEnd && o.date >= req.term.start).toBe(true);
          if (req.cadence !== 'monthly') expect(localOf(o.originalStart, organiserZone).weekday).toBe(localOf(result.occurrences[0]!.originalStart, organiserZone).weekday);
        }
        expect(result.conflicts).toBe(result.occurrences.filter((o) => o.status !== 'free').length);

        // Moves go to the nearest shared free quarter hour between the neighbours; "unplaced" means there is none near.
        const { jointFree, range } = pairAvailability(resolveRequest(req));
        const duration = req.durationMinutes * MINUTE_MS;
        result.occurrences.forEach((o, i) => {
          if (o.status === 'free') return;
          const previousEnd = i > 0 ? result.occurrences[i - 1]!.end : range.start;
          const next = result.occurrences[i + 1]?.originalStart ?? range.end;
          const reach = o.status === 'moved' ? Math.abs(o.start - o.originalStart) : DAY_MS;
          for (let s = o.originalStart - reach; s <= o.originalStart + reach; s += 15 * MINUTE_MS) {
            if (s < previousEnd || s + duration > next || !covers(jointFree, s, s + duration)) continue;
            const closer = Math.abs(s - o.originalStart) < reach || (Math.abs(s - o.originalStart) === reach && s < o.start);
            if (o.status === 'unplaced' || closer) expect.fail(`#${i} ${o.status}, but ${new Date(s).toISOString()} is free and nearer`);
          }
        });
      }),
      { numRuns: 60 },
    );
  });

  it('no quarter hour of the organiser\'s day has fewer clashes than the chosen series', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
        const req = { ...randomRequest(seed), cadence: 'weekly' as const };
        const result = findSeriesSlot(req);
        if (result.kind === 'no-slot') return;
        const availability = pairAvailability(resolveRequest(req));
        const duration = req.durationMinutes * MINUTE_MS;
        const clashes = (firstStart: number): number => {
          let count = 0;
          // Weekly in one zone: the same local time every 7 local days (Temporal does the zone work).
          const first = localOf(firstStart, req.organiser.zone);
          for (let k = 0; ; k++) {
            const date = new Date(Date.parse(first.date) + 7 * k * DAY_MS).toISOString().slice(0, 10);
            if (date > req.term.end) break;
            const s = zoned(`${date}T${first.time}`, req.organiser.zone);
            if (!covers(availability.jointFree, s, s + duration)) count++;
          }
          return count;
        };
        const chosenFirst = result.occurrences[0]!.originalStart;
        const best = result.conflicts;
        expect(clashes(chosenFirst)).toBe(best);
        // Every quarter hour on the chosen weekday in the first week: none has fewer clashes over
        // a series at least as long.
        for (let m = 0; m + req.durationMinutes <= 24 * 60; m += 15) {
          const hh = `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
          const s = zoned(`${localOf(chosenFirst, req.organiser.zone).date}T${hh}`, req.organiser.zone);
          if (s <= req.now) continue;
          expect(clashes(s)).toBeGreaterThanOrEqual(best);
        }
      }),
      { numRuns: 25 },
    );
  });
});

function zoned(local: string, zone: string): number {
  return Temporal.PlainDateTime.from(local).toZonedDateTime(zone).epochMilliseconds;
}

describe('randomCalendar', () => {
  it('is deterministic for a seed and varies between seeds', () => {
    const opts = { from: Date.UTC(2026, 2, 1), to: Date.UTC(2026, 5, 1) };
    expect(randomCalendar(7, opts)).toEqual(randomCalendar(7, opts));
    expect(randomCalendar(7, opts)).not.toEqual(randomCalendar(8, opts));
    const weeks = (opts.to - opts.from) / (7 * DAY_MS);
    const count = randomCalendar(7, { ...opts, busyPerWeek: 40 }).busy.length;
    expect(count / weeks).toBeGreaterThan(25);
    expect(count / weeks).toBeLessThan(55);
  });
});
