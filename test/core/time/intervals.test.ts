import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  clipIntervals,
  covers,
  intersectIntervals,
  interval,
  mergeIntervals,
  overlaps,
  subtractIntervals,
  unionIntervals,
  type Interval,
} from '../../../src/core/time/intervals.ts';

// Brute force on a grid of unit cells: cell t is covered when some interval has start <= t < end.
const SIZE = 120;
const cells = (list: readonly Interval[]): boolean[] => {
  const out = new Array<boolean>(SIZE).fill(false);
  for (const x of list) for (let t = x.start; t < x.end; t++) if (t >= 0 && t < SIZE) out[t] = true;
  return out;
};
const fromCells = (grid: readonly boolean[]): Interval[] => {
  const out: Interval[] = [];
  for (let t = 0; t < SIZE; t++) {
    if (!grid[t]) continue;
    let end = t;
    while (end < SIZE && grid[end]) end++;
    out.push(interval(t, end));
    t = end;
  }
  return out;
};
const isCanonical = (list: readonly Interval[]): boolean =>
  list.every((x, i) => x.start < x.end && (i === 0 || (list[i - 1] as Interval).end < x.start));

// Raw lists: any order, overlapping, touching, empty and reversed items.
const rawList = fc.array(
  fc.tuple(fc.integer({ min: 0, max: SIZE }), fc.integer({ min: -5, max: 30 })).map(([s, len]) => interval(s, Math.min(SIZE, s + len))),
  { maxLength: 25 },
);
const canonical = rawList.map(mergeIntervals);

describe('interval algebra against a brute-force grid', () => {
  it('merge covers exactly the union and is canonical', () => {
    fc.assert(
      fc.property(rawList, (list) => {
        const merged = mergeIntervals(list);
        expect(isCanonical(merged)).toBe(true);
        expect(merged).toEqual(fromCells(cells(list)));
      }),
      { numRuns: 500 },
    );
  });

  it('merge gives the same answer for sorted and shuffled input', () => {
    fc.assert(
      fc.property(rawList, (list) => {
        const sorted = [...list].sort((a, b) => a.start - b.start);
        expect(mergeIntervals(sorted)).toEqual(mergeIntervals(list));
      }),
      { numRuns: 300 },
    );
  });

  it('intersect, subtract and union match cell-wise and, not, or', () => {
    fc.assert(
      fc.property(canonical, canonical, (a, b) => {
        const ca = cells(a);
        const cb = cells(b);
        const both = intersectIntervals(a, b);
        const minus = subtractIntervals(a, b);
        const either = unionIntervals(a, b);
        for (const result of [both, minus, either]) expect(isCanonical(result)).toBe(true);
        expect(both).toEqual(fromCells(ca.map((x, t) => x && (cb[t] as boolean))));
        expect(minus).toEqual(fromCells(ca.map((x, t) => x && !cb[t])));
        expect(either).toEqual(fromCells(ca.map((x, t) => x || (cb[t] as boolean))));
      }),
      { numRuns: 500 },
    );
  });

  it('covers answers "is [s, e) inside one free interval" like the grid does', () => {
    fc.assert(
      fc.property(canonical, fc.integer({ min: 0, max: SIZE - 1 }), fc.integer({ min: 1, max: 20 }), (list, s, len) => {
        const e = Math.min(SIZE, s + len);
        const grid = cells(list);
        let all = true;
        for (let t = s; t < e; t++) all &&= grid[t] as boolean;
        expect(covers(list, s, e)).toBe(all);
      }),
      { numRuns: 500 },
    );
  });

  it('clip keeps only the part inside the range', () => {
    fc.assert(
      fc.property(canonical, fc.integer({ min: 0, max: SIZE }), fc.integer({ min: 0, max: SIZE }), (list, a, b) => {
        const range = interval(Math.min(a, b), Math.max(a, b));
        expect(clipIntervals(list, range)).toEqual(intersectIntervals(list, range.start < range.end ? [range] : []));
      }),
      { numRuns: 300 },
    );
  });
});

describe('half-open intervals', () => {
  it('back-to-back meetings do not overlap, but they merge into one busy stretch', () => {
    const nine = interval(9, 10);
    const ten = interval(10, 11);
    expect(overlaps(nine, ten)).toBe(false);
    expect(overlaps(nine, interval(9.5, 10.5))).toBe(true);
    expect(mergeIntervals([ten, nine])).toEqual([interval(9, 11)]);
  });

  it('a session that ends as a meeting starts fits the gap before it', () => {
    const free = subtractIntervals([interval(0, 100)], [interval(40, 60)]);
    expect(free).toEqual([interval(0, 40), interval(60, 100)]);
    expect(covers(free, 10, 40)).toBe(true);
    expect(covers(free, 10, 41)).toBe(false);
    expect(covers(free, 60, 100)).toBe(true);
  });
});
