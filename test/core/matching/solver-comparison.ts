/**
 * Not a test: a script that measured which assignment solver Upward uses.
 *
 *   ./node_modules/.bin/node test/core/matching/solver-comparison.ts
 *
 * Times `munkres`, `linear-sum-assignment` and a hand-written shortest-augmenting-path solver on
 * random 500×500 and 2,000×2,000 integer cost matrices (30 % forbidden cells, as hard constraints
 * produce) and on the real score matrix of a random 2,000 × 2,000 cohort (few distinct values,
 * many ties), checks that all three reach the same total, then times the whole matcher (scoring,
 * assignment, explanations) on that cohort against the 1 s target.
 */
import { linearSumAssignment } from 'linear-sum-assignment';
import { munkres } from 'munkres';
import { proposeMatching } from '../../../src/core/matching/assign.ts';
import { buildScoreMatrix, FORBIDDEN } from '../../../src/core/matching/score-matrix.ts';
import { MAX_SCORE } from '../../../src/core/matching/soft-score.ts';
import { makeProgram, NOW, randomCohort, seeded } from './fixtures.ts';
import { solveMinCostAssignment } from './own-jv-solver.ts';

const FORBIDDEN_COST = 1e12;

function randomCosts(n: number, seed: number): Float64Array {
  const rng = seeded(seed);
  const costs = new Float64Array(n * n);
  for (let i = 0; i < costs.length; i++) costs[i] = rng() < 0.3 ? FORBIDDEN_COST : Math.floor(rng() * 1_000_000);
  return costs;
}

/** Costs as the matcher would give the solver: best score → lowest cost, forbidden → huge. */
function cohortCosts(n: number): Float64Array {
  const cohort = randomCohort(seeded(n), { mentors: n, mentees: n });
  const matrix = buildScoreMatrix({
    mentors: cohort.filter((p) => p.role === 'mentor'),
    mentees: cohort.filter((p) => p.role === 'mentee'),
    minSeniorityGap: 1,
    sessionMinutes: 45,
    history: [],
    rejected: [],
    alreadyPaired: [],
  });
  return Float64Array.from(matrix.score, (score) => (score === FORBIDDEN ? FORBIDDEN_COST : MAX_SCORE - score));
}

function time<T>(run: () => T): { result: T; ms: number } {
  const start = performance.now();
  const result = run();
  return { result, ms: performance.now() - start };
}

function compare(label: string, n: number, costs: Float64Array): void {
  const rows = Array.from({ length: n }, (_, r) => costs.subarray(r * n, (r + 1) * n));
  const totalOf = (pairs: Iterable<readonly [number, number]>) => {
    let total = 0;
    for (const [r, c] of pairs) total += costs[r * n + c]!;
    return total;
  };
  const m = time(() => munkres(rows));
  const own = time(() => solveMinCostAssignment(costs, n, n));
  const lsa = time(() => linearSumAssignment(rows.map((row) => Array.from(row)), { maximaze: false }));
  const totals = {
    munkres: totalOf(m.result),
    own: totalOf(Array.from(own.result, (c, r) => [r, c] as const)),
    'linear-sum-assignment': totalOf(Array.from(lsa.result.rowAssignments, (c, r) => [r, c] as const)),
  };
  console.log(`${n}×${n} ${label}`);
  console.log(`  munkres                ${m.ms.toFixed(0).padStart(7)} ms  total ${totals.munkres}`);
  console.log(`  own (shortest path)    ${own.ms.toFixed(0).padStart(7)} ms  total ${totals.own}`);
  console.log(`  linear-sum-assignment  ${lsa.ms.toFixed(0).padStart(7)} ms  total ${totals['linear-sum-assignment']}`);
  const distinct = new Set(Object.values(totals));
  console.log(`  totals ${distinct.size === 1 ? 'equal' : 'DIFFER'}`);
  if (distinct.size !== 1) process.exitCode = 1;
}

function wholeMatcher(n: number): void {
  const cohort = randomCohort(seeded(n), { mentors: n, mentees: n });
  const program = makeProgram();
  const mentors = cohort.filter((p) => p.role === 'mentor');
  const mentees = cohort.filter((p) => p.role === 'mentee');
  const scoring = time(() =>
    buildScoreMatrix({ mentors, mentees, minSeniorityGap: 1, sessionMinutes: 45, history: [], rejected: [], alreadyPaired: [] }),
  );
  const all = time(() => proposeMatching({ program, enrolments: cohort, history: [], now: NOW }));
  console.log(`matcher on ${n} mentors × ${n} mentees`);
  console.log(`  scoring only           ${scoring.ms.toFixed(0).padStart(7)} ms`);
  console.log(
    `  score+assign+explain   ${all.ms.toFixed(0).padStart(7)} ms  ` +
      `(${all.result.pairs.length} pairs, ${all.result.unmatched.length} unmatched; target < 1000 ms)`,
  );
  if (all.ms >= 1000) process.exitCode = 1;
}

compare('random costs', 500, randomCosts(500, 1));
compare('random costs', 2000, randomCosts(2000, 2));
compare('cohort score matrix', 2000, cohortCosts(2000));
wholeMatcher(2000);
