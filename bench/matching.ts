/**
 * Matching benchmark: for 500 × 500, 2,000 × 2,000 and 5,000 × 5,000 cohorts, the time to score
 * every mentor against every mentee and to solve the assignment, beside the reference solver
 * (`linear-sum-assignment`, Jonker–Volgenant) on the same score matrix; plus the whole matcher
 * (scoring, assignment, reasons) and, for 2,000, the same run on the worker thread the app uses.
 *
 * Figures (per size n):
 * - `n.score_assign`: scoring + our assignment (munkres); baseline scoring + reference assignment.
 * - `n.assign`: our assignment alone; baseline the reference solver alone.
 * - `n.propose`: the whole matcher (`proposeMatching`); baseline scoring + reference assignment.
 * - `2000.worker`: the whole matcher on the worker thread (copying in and out included);
 *   baseline the same on the calling thread. Target: 2,000 × 2,000 matched in under 1 s.
 * Sizes up to 2,000 report the median of three runs; 5,000 one run (its reference solve alone
 * takes about 20 s here). Both solvers must reach the same objective (most pairs, then the greatest total score); the
 * case throws if they do not.
 */
import { linearSumAssignment } from 'linear-sum-assignment';
import { proposeMatching } from '../src/core/matching/assign.ts';
import { buildScoreMatrix, FORBIDDEN, type ScoreMatrix } from '../src/core/matching/score-matrix.ts';
import { assignWithCapacity } from '../src/core/matching/slot-assignment.ts';
import { MAX_SCORE } from '../src/core/matching/soft-score.ts';
import { workerMatchRunner } from '../src/programs/worker-match-runner.ts';
import { makeProgram, NOW, randomCohort, seeded } from '../test/core/matching/fixtures.ts';
import { figure, type BenchCase, type BenchFigure } from './harness.ts';

const SIZES = [500, 2000, 5000] as const;

/** The median of `repeat` timed runs (one for the largest size: its reference run alone takes seconds). */
function time<T>(work: () => T, repeat = 1): { result: T; ms: number } {
  const runs: Array<{ result: T; ms: number }> = [];
  for (let i = 0; i < repeat; i++) {
    const start = performance.now();
    const result = work();
    runs.push({ result, ms: performance.now() - start });
  }
  return runs.sort((a, b) => a.ms - b.ms)[Math.floor(runs.length / 2)]!;
}

/** Pairs and total score of an assignment (forbidden cells do not count as pairs). */
function outcome(matrix: ScoreMatrix, pairs: Iterable<readonly [number, number]>): { pairs: number; total: number } {
  const cols = matrix.mentees.length;
  let count = 0;
  let total = 0;
  for (const [m, e] of pairs) {
    const score = matrix.score[m * cols + e]!;
    if (score === FORBIDDEN) continue;
    count++;
    total += score;
  }
  return { pairs: count, total };
}

/**
 * The reference solver on the same matrix, as a minimum-cost problem: a forbidden cell costs more
 * than any set of allowed cells could save, so it too pairs as many people as possible first.
 */
function referenceAssignment(matrix: ScoreMatrix): Array<readonly [number, number]> {
  const rows = matrix.mentors.length;
  const cols = matrix.mentees.length;
  const forbiddenCost = (MAX_SCORE + 1) * (Math.min(rows, cols) + 1);
  const costs = Array.from({ length: rows }, (_, m) => {
    const row = new Float64Array(cols);
    for (let e = 0; e < cols; e++) {
      const score = matrix.score[m * cols + e]!;
      row[e] = score === FORBIDDEN ? forbiddenCost : MAX_SCORE - score;
    }
    return row;
  });
  const { rowAssignments } = linearSumAssignment(costs, { maximaze: false });
  return Array.from(rowAssignments, (e, m) => [m, e] as const).filter(([, e]) => e >= 0);
}

async function sizeFigures(n: number): Promise<Record<string, BenchFigure>> {
  const repeat = n <= 2000 ? 3 : 1;
  const cohort = randomCohort(seeded(n), { mentors: n, mentees: n });
  const program = makeProgram();
  const mentors = cohort.filter((p) => p.role === 'mentor');
  const mentees = cohort.filter((p) => p.role === 'mentee');
  const scoring = time(
    () => buildScoreMatrix({ mentors, mentees, minSeniorityGap: 1, sessionMinutes: program.sessionMinutes, history: [], rejected: [], alreadyPaired: [] }),
    repeat,
  );
  const matrix = scoring.result;
  const ours = time(() => assignWithCapacity(matrix, new Int32Array(n), new Int32Array(n), 1), repeat);
  console.error(`  ${n}: scoring ${scoring.ms.toFixed(0)} ms, munkres ${ours.ms.toFixed(0)} ms; reference solver running ...`);
  const reference = time(() => referenceAssignment(matrix), repeat);
  const a = outcome(matrix, ours.result);
  const b = outcome(matrix, reference.result);
  if (a.pairs !== b.pairs || a.total !== b.total) {
    throw new Error(`${n}×${n}: solvers disagree (ours ${a.pairs} pairs / ${a.total}, reference ${b.pairs} pairs / ${b.total})`);
  }
  const whole = time(() => proposeMatching({ program, enrolments: cohort, history: [], now: NOW }), repeat);
  const same = `same objective: ${a.pairs} pairs, total ${a.total}`;
  const figures: Record<string, BenchFigure> = {
    [`${n}.score_assign`]: figure(scoring.ms + ours.ms, 'ms', scoring.ms + reference.ms, {
      spread: `scoring ${scoring.ms.toFixed(0)} + assignment ${ours.ms.toFixed(0)} vs ${reference.ms.toFixed(0)}; ${same}`,
    }),
    [`${n}.assign`]: figure(ours.ms, 'ms', reference.ms, { spread: 'munkres vs linear-sum-assignment' }),
    [`${n}.propose`]: figure(whole.ms, 'ms', scoring.ms + reference.ms, {
      spread: `${whole.result.pairs.length} pairs, ${whole.result.unmatched.length} unmatched, reasons included`,
      ...(n === 2000 ? { target: '< 1000 ms' } : {}),
    }),
  };
  if (n === 2000) {
    const runner = workerMatchRunner();
    try {
      await runner.run({ context: { program, enrolments: cohort.slice(0, 4), history: [], now: NOW }, options: {} }); // start the thread
      const start = performance.now();
      await runner.run({ context: { program, enrolments: cohort, history: [], now: NOW }, options: {} });
      figures['2000.worker'] = figure(performance.now() - start, 'ms', whole.ms, { target: '< 1000 ms, off the request path', spread: 'worker thread vs calling thread' });
    } finally {
      await runner.close();
    }
  }
  return figures;
}

export const matchingBench: BenchCase = {
  name: 'matching',
  async run() {
    // Warm the JIT on a small cohort so the first size is not charged for compiling.
    proposeMatching({ program: makeProgram(), enrolments: randomCohort(seeded(1), { mentors: 300, mentees: 300 }), history: [], now: NOW });
    referenceAssignment(buildScoreMatrix({ mentors: [], mentees: [], minSeniorityGap: 1, sessionMinutes: 45, history: [], rejected: [], alreadyPaired: [] }));
    const figures: Record<string, BenchFigure> = {};
    for (const n of SIZES) Object.assign(figures, await sizeFigures(n));
    return figures;
  },
};
