import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GRID_MS, nearestStart, slotStarts } from '../../../src/core/scheduling/nearby-slot.ts';
import { ianaZone, MINUTE_MS } from '../../../src/core/time.ts';
import { covers, interval, mergeIntervals } from '../../../src/core/time/intervals.ts';
import { zoneTimeline } from '../../../src/core/time/zone-timeline.ts';

const origin = Date.UTC(2026, 5, 1);
const tl = zoneTimeline(ianaZone('Asia/Kathmandu'), origin, origin + 30 * 86_400_000);
// Free time as minute offsets from the origin, anywhere (not only on the quarter hour).
const freeList = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 4000 }), fc.integer({ min: 1, max: 200 })), { maxLength: 12 })
  .map((xs) => mergeIntervals(xs.map(([s, len]) => interval(origin + s * MINUTE_MS, origin + (s + len) * MINUTE_MS))));

describe('nearestStart', () => {
  it('finds the nearest grid start inside free time within the bounds, earliest on a tie (checked by scanning)', () => {
    fc.assert(
      fc.property(freeList, fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 300 }), fc.constantFrom(30, 45, 60), (free, t, below, above, minutes) => {
        const duration = minutes * MINUTE_MS;
        // Kathmandu is +5:45, so its local quarter hours are also UTC quarter hours.
        const target = origin + t * GRID_MS;
        const lower = target - below * MINUTE_MS * 15;
        const upper = target + above * MINUTE_MS * 15;
        let expected: number | undefined;
        for (let s = origin - GRID_MS * 400; s <= origin + GRID_MS * 800; s += GRID_MS) {
          if (s < lower || s > upper || !covers(free, s, s + duration)) continue;
          if (expected === undefined || Math.abs(s - target) < Math.abs(expected - target)) expected = s;
        }
        expect(nearestStart(slotStarts(free, duration, tl), target, lower, upper)).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });
});
