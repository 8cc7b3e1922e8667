/**
 * Maximum-weight bipartite assignment on a dense value matrix, solved with the `munkres` package
 * (Hungarian algorithm). It was chosen over `linear-sum-assignment` and a hand-written
 * shortest-augmenting-path solver on measured speed with equal totals; the figures and the
 * script that produces them are in test/core/matching/solver-comparison.ts.
 *
 * Forbidden cells get a finite cost so large that using one always costs more than any gain
 * elsewhere; the solver therefore first pairs as many rows as possible with allowed cells, then
 * maximises the total value among those, and forbidden assignments are dropped afterwards.
 */
import { munkres } from 'munkres';

/** Marks a cell that must never be chosen. Allowed values are ≥ 0. */
export const NOT_ALLOWED = -1;

/**
 * For each row, the column it gets, or -1. `values[r * cols + c]` is the gain of putting row r on
 * column c (a non-negative integer), or {@link NOT_ALLOWED}. Among assignments using the most
 * allowed cells, the returned one has the greatest total value.
 */
export function maximumWeightAssignment(values: ArrayLike<number>, rows: number, cols: number): Int32Array {
  const colForRow = new Int32Array(rows).fill(-1);
  if (rows === 0 || cols === 0) return colForRow;
  let maxValue = 0;
  for (let i = 0; i < rows * cols; i++) if (values[i]! > maxValue) maxValue = values[i]!;
  // One forbidden cell must outweigh every possible difference in allowed value; costs stay
  // integers well below 2^53, so the solver's arithmetic is exact.
  const forbiddenCost = (maxValue + 1) * (Math.min(rows, cols) + 1);
  if (forbiddenCost * Math.min(rows, cols) > Number.MAX_SAFE_INTEGER) {
    throw new RangeError(`assignment too large for exact arithmetic (${rows}×${cols}, values up to ${maxValue})`);
  }
  // munkres walks a tall matrix column by column, which is several times slower than its
  // row-wise path on a wide one, so the solver always gets the wide orientation.
  const tall = rows > cols;
  const height = tall ? cols : rows;
  const width = tall ? rows : cols;
  const flat = new Float64Array(rows * cols);
  const costs: Float64Array[] = [];
  for (let y = 0; y < height; y++) {
    const line = flat.subarray(y * width, (y + 1) * width);
    for (let x = 0; x < width; x++) {
      const value = tall ? values[x * cols + y]! : values[y * cols + x]!;
      line[x] = value === NOT_ALLOWED ? forbiddenCost : maxValue - value;
    }
    costs.push(line);
  }
  for (const [y, x] of munkres(costs)) {
    const r = tall ? x : y;
    const c = tall ? y : x;
    if (values[r * cols + c] !== NOT_ALLOWED) colForRow[r] = c;
  }
  return colForRow;
}
