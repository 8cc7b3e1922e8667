import { describe, expect, it } from 'vitest';
import { compareRanks } from '../../../src/core/scheduling/candidates.ts';
import { EDGE_PENALTY, inconvenience, LUNCH_PENALTY } from '../../../src/core/scheduling/fairness.ts';
import { epochMs } from '../../../src/core/time.ts';

const day = { startMinute: 9 * 60, endMinute: 17 * 60 };

describe('inconvenience', () => {
  it('is lowest near the middle of the working day and grows towards its ends', () => {
    const at = (hhmm: number): number => inconvenience(hhmm, 30, day);
    expect(at(14 * 60)).toBeLessThan(at(15 * 60));
    expect(at(15 * 60)).toBeLessThan(at(16 * 60));
    expect(at(11 * 60)).toBeLessThan(at(10 * 60));
  });

  it('penalises the first and last half hour, and lunch 12:00–13:30', () => {
    const plain = (start: number): number => {
      const centre = (start + 15 - 780) / 240;
      return centre * centre;
    };
    expect(inconvenience(9 * 60, 30, day)).toBeCloseTo(plain(9 * 60) + EDGE_PENALTY);
    expect(inconvenience(16 * 60 + 45, 30, day)).toBeCloseTo(plain(16 * 60 + 45) + EDGE_PENALTY);
    expect(inconvenience(9 * 60 + 30, 30, day)).toBeCloseTo(plain(9 * 60 + 30));
    expect(inconvenience(12 * 60 + 45, 30, day)).toBeCloseTo(plain(12 * 60 + 45) + LUNCH_PENALTY);
    expect(inconvenience(11 * 60 + 30, 30, day)).toBeCloseTo(plain(11 * 60 + 30));
    expect(inconvenience(13 * 60 + 30, 30, day)).toBeCloseTo(plain(13 * 60 + 30));
  });

  it('prefers a time that is a little awkward for both over one that is easy for one and hard for the other', () => {
    // B's clock is four hours ahead of A's; both work 09:00–17:00.
    const both = (aStart: number): number => inconvenience(aStart, 30, day) + inconvenience(aStart + 240, 30, day);
    const balanced = both(10 * 60 + 45); // A 10:45, B 14:45: each two hours from mid-day
    const lopsided = both(9 * 60 + 45); // A 09:45, B 13:45: three hours off for A, one for B
    expect(balanced).toBeLessThan(lopsided);
  });
});

describe('compareRanks', () => {
  const base = { shortfall: 0, conflicts: 0, unplaced: 0, fairness: 500, firstStart: epochMs(1000) };
  it('orders by clashes, then clashes that cannot be moved, then fairness, then the earliest start', () => {
    const ranked = [
      { ...base, firstStart: epochMs(2000) },
      { ...base, fairness: 900 },
      { ...base, conflicts: 1, fairness: 100 },
      { ...base, conflicts: 1, unplaced: 1, fairness: 50 },
      { ...base, shortfall: 1, fairness: 10 },
      base,
    ].sort(compareRanks);
    expect(ranked).toEqual([
      base,
      { ...base, firstStart: epochMs(2000) },
      { ...base, fairness: 900 },
      { ...base, shortfall: 1, fairness: 10 },
      { ...base, conflicts: 1, fairness: 100 },
      { ...base, conflicts: 1, unplaced: 1, fairness: 50 },
    ]);
  });
});
