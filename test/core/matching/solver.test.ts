import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maximumWeightAssignment, NOT_ALLOWED } from '../../../src/core/matching/solver.ts';

/** Best (most allowed cells, then highest total) by trying every partial assignment. */
function bruteForce(values: number[], rows: number, cols: number) {
  let best = { cells: 0, total: 0 };
  const used = new Array<boolean>(cols).fill(false);
  const visit = (r: number, cells: number, total: number) => {
    if (r === rows) {
      if (cells > best.cells || (cells === best.cells && total > best.total)) best = { cells, total };
      return;
    }
    visit(r + 1, cells, total);
    for (let c = 0; c < cols; c++) {
      const v = values[r * cols + c]!;
      if (used[c] || v === NOT_ALLOWED) continue;
      used[c] = true;
      visit(r + 1, cells + 1, total + v);
      used[c] = false;
    }
  };
  visit(0, 0, 0);
  return best;
}

describe('maximumWeightAssignment', () => {
  it('matches the exhaustive optimum, wide or tall, with forbidden cells', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 0, max: 6 }),
        fc.array(fc.oneof(fc.constant(NOT_ALLOWED), fc.integer({ min: 0, max: 300 })), { minLength: 36, maxLength: 36 }),
        (rows, cols, pool) => {
          const values = pool.slice(0, rows * cols);
          const colForRow = maximumWeightAssignment(values, rows, cols);
          const usedCols = new Set<number>();
          let cells = 0;
          let total = 0;
          colForRow.forEach((c, r) => {
            if (c < 0) return;
            expect(usedCols.has(c)).toBe(false);
            usedCols.add(c);
            expect(values[r * cols + c]).not.toBe(NOT_ALLOWED);
            cells++;
            total += values[r * cols + c]!;
          });
          expect({ cells, total }).toEqual(bruteForce(values, rows, cols));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('prefers pairing more rows over a higher total', () => {
    // Row 0 alone on column 0 scores 100; both rows paired score 2.
    const values = [100, 1, 1, NOT_ALLOWED];
    expect(Array.from(maximumWeightAssignment(values, 2, 2))).toEqual([1, 0]);
  });
});
