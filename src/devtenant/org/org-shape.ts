import { DIVISIONS } from './job-ladder.ts';
import type { SeededRandom } from './seeded-random.ts';

export const MAX_SPAN = 8;
export const MIN_SPAN = 3;
const IC_LEVEL_WEIGHTS = [14, 20, 26, 22, 18];

/** Tree shape: who reports to whom, with division and department per node, in breadth-first order. */
export interface Shape {
  parent: Int32Array;
  depth: Int32Array;
  division: Int32Array;
  department: Int32Array;
  height: Int32Array;
}

/**
 * Adjusts a span so that what is left for later managers is never 1 or 2 people (which would
 * force a manager with fewer than three reports).
 */
function fitSpan(span: number, remaining: number): number {
  let s = Math.min(span, remaining);
  const left = remaining - s;
  if (left > 0 && left < MIN_SPAN) s = s + left <= MAX_SPAN ? s + left : s - (MIN_SPAN - left);
  return s;
}

/**
 * Draws the reporting tree: the chief executive, up to eight division chiefs, then breadth-first
 * spans of 3–8 per manager (per-division ranges) until `size` people exist.
 */
export function buildShape(size: number, rng: SeededRandom): Shape {
  const parent = new Int32Array(size).fill(-1);
  const depth = new Int32Array(size);
  const division = new Int32Array(size).fill(-1);
  const department = new Int32Array(size).fill(-1);
  const height = new Int32Array(size);
  let count = 1;
  const divisionCount = fitSpan(Math.min(DIVISIONS.length, Math.max(MIN_SPAN, Math.floor((size - 1) / 4))), size - 1);
  for (let d = 0; d < divisionCount; d++, count++) {
    parent[count] = 0;
    depth[count] = 1;
    division[count] = d;
    department[count] = 0;
  }
  // Breadth-first: each manager takes a span of new reports; below the division heads some
  // people stay individual contributors, so leaves sit at several depths as in a real company.
  const queue: number[] = [];
  for (let i = 1; i < count; i++) queue.push(i);
  let head = 0;
  while (count < size && head < queue.length) {
    const m = queue[head++]!;
    const hasMore = head < queue.length;
    if (depth[m]! >= 2 && hasMore && rng.chance(0.3)) continue;
    const div = DIVISIONS[division[m]!]!;
    const span = fitSpan(rng.int(div.span[0], div.span[1]), size - count);
    for (let k = 0; k < span; k++, count++) {
      parent[count] = m;
      depth[count] = depth[m]! + 1;
      division[count] = division[m]!;
      department[count] = depth[m] === 1 ? k % div.departments.length : department[m]!;
      queue.push(count);
    }
  }
  for (let i = size - 1; i > 0; i--) {
    const p = parent[i]!;
    if (height[p]! < height[i]! + 1) height[p] = height[i]! + 1;
  }
  return { parent, depth, division, department, height };
}

/**
 * Level from the position in the tree, top-down: the chief executive 10, division chiefs 9,
 * managers of managers up to 8 (Director), first-line managers 6–7, each below their own manager
 * while levels last (very deep trees bottom out at 6); individual contributors 1–5.
 */
export function levelOf(i: number, shape: Shape, parentLevel: number, rng: SeededRandom): number {
  if (i === 0) return 10;
  if (shape.depth[i] === 1) return 9;
  const h = shape.height[i]!;
  if (h === 0) return rng.weighted([1, 2, 3, 4, 5], (l) => IC_LEVEL_WEIGHTS[l - 1]!);
  const cap = h >= 2 ? 8 : rng.chance(0.5) ? 7 : 6;
  return Math.max(6, Math.min(cap, parentLevel - 1));
}

