/**
 * A hand-written candidate solver, kept only so solver-comparison.ts can measure it against the
 * npm packages. It lost to `munkres` (see that script), so production code does not use it.
 *
 * Linear sum assignment (minimum total cost) on a dense, row-major cost matrix: shortest
 * augmenting path with dual potentials (Jonker–Volgenant family), one Dijkstra-like search per
 * row over reduced costs, then an augmentation along the path. Every cell must be finite.
 */

/** Sentinel in a row→column result: the row was left unassigned (only when rows > columns). */
export const UNASSIGNED = -1;

/**
 * Returns, for each row, the column assigned to it (or {@link UNASSIGNED}). When rows ≤ columns
 * every row is assigned; otherwise every column is. The total cost of the returned assignment is
 * minimal among all assignments of that size.
 */
export function solveMinCostAssignment(cost: Float64Array, rows: number, cols: number): Int32Array {
  if (cost.length !== rows * cols) throw new RangeError(`cost has ${cost.length} cells, expected ${rows}×${cols}`);
  if (rows === 0 || cols === 0) return new Int32Array(rows).fill(UNASSIGNED);
  if (rows <= cols) return solveWide(cost, rows, cols);
  // More rows than columns: solve the transpose (each column gets a row) and invert the answer.
  const transposed = new Float64Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) transposed[c * rows + r] = cost[r * cols + c]!;
  }
  const rowForCol = solveWide(transposed, cols, rows);
  const colForRow = new Int32Array(rows).fill(UNASSIGNED);
  for (let c = 0; c < cols; c++) colForRow[rowForCol[c]!] = c;
  return colForRow;
}

/** rows ≤ cols: every row gets a distinct column. */
function solveWide(cost: Float64Array, rows: number, cols: number): Int32Array {
  const rowDual = new Float64Array(rows);
  const colDual = new Float64Array(cols);
  const colForRow = new Int32Array(rows).fill(UNASSIGNED);
  const rowForCol = new Int32Array(cols).fill(UNASSIGNED);
  const shortest = new Float64Array(cols);
  const predecessor = new Int32Array(cols);
  const remaining = new Int32Array(cols);
  const visitedRows = new Int32Array(rows);
  const visitedCols = new Int32Array(cols);

  for (let startRow = 0; startRow < rows; startRow++) {
    shortest.fill(Infinity);
    for (let k = 0; k < cols; k++) remaining[k] = k;
    let remainingCount = cols;
    let visitedRowCount = 0;
    let visitedColCount = 0;
    let pathLength = 0;
    let row = startRow;
    let sink = UNASSIGNED;

    while (sink === UNASSIGNED) {
      visitedRows[visitedRowCount++] = row;
      const base = row * cols;
      const offset = pathLength - rowDual[row]!;
      let lowest = Infinity;
      let lowestAt = -1;
      for (let k = 0; k < remainingCount; k++) {
        const col = remaining[k]!;
        const reduced = offset + cost[base + col]! - colDual[col]!;
        let best = shortest[col]!;
        if (reduced < best) {
          predecessor[col] = row;
          shortest[col] = reduced;
          best = reduced;
        }
        // Ties prefer a free column: it ends the search one step sooner.
        if (best < lowest || (best === lowest && rowForCol[col] === UNASSIGNED)) {
          lowest = best;
          lowestAt = k;
        }
      }
      if (lowestAt < 0 || lowest === Infinity) throw new RangeError('assignment is infeasible (non-finite costs)');
      pathLength = lowest;
      const col = remaining[lowestAt]!;
      visitedCols[visitedColCount++] = col;
      remaining[lowestAt] = remaining[--remainingCount]!;
      const owner = rowForCol[col]!;
      if (owner === UNASSIGNED) sink = col;
      else row = owner;
    }

    // Dual update keeps every reduced cost non-negative and the new path tight.
    rowDual[startRow] = rowDual[startRow]! + pathLength;
    for (let k = 0; k < visitedRowCount; k++) {
      const r = visitedRows[k]!;
      if (r !== startRow) rowDual[r] = rowDual[r]! + pathLength - shortest[colForRow[r]!]!;
    }
    for (let k = 0; k < visitedColCount; k++) {
      const c = visitedCols[k]!;
      colDual[c] = colDual[c]! - (pathLength - shortest[c]!);
    }

    // Flip the alternating path from the sink back to the start row.
    let col = sink;
    for (;;) {
      const r = predecessor[col]!;
      rowForCol[col] = r;
      const previous = colForRow[r]!;
      colForRow[r] = col;
      if (r === startRow) break;
      col = previous;
    }
  }
  return colForRow;
}
