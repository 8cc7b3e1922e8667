/** One figure of a benchmark, beside a baseline measured in the same run. */
export interface BenchFigure {
  readonly value: number;
  readonly unit: string;
  readonly baseline: number;
  /** value / baseline: below 1 means better than the baseline for time-like units. */
  readonly ratio: number;
  /** Spread of the value (e.g. p99 beside a p50), when the case reports one. */
  readonly spread?: string;
  /** The target the figure is held to, in words. */
  readonly target?: string;
}

export interface BenchCase {
  readonly name: string;
  /** A case may report several figures, each named `<case>.<figure>`. */
  run(): Promise<Record<string, BenchFigure>>;
}

export const figure = (value: number, unit: string, baseline: number, extra: { spread?: string; target?: string } = {}): BenchFigure => ({
  value: round(value),
  unit,
  baseline: round(baseline),
  ratio: baseline === 0 ? 0 : round(value / baseline),
  ...extra,
});

export function round(n: number): number {
  return Math.abs(n) >= 100 ? Math.round(n) : Math.round(n * 1000) / 1000;
}

/** Percentile of a sample (nearest rank). */
export function percentile(sample: readonly number[], p: number): number {
  if (sample.length === 0) return Number.NaN;
  const sorted = [...sample].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** CPU milliseconds (user + system) spent by this process while `work` runs. */
export async function cpuMs<T>(work: () => Promise<T> | T): Promise<{ result: T; cpu: number; wall: number }> {
  const cpuStart = process.cpuUsage();
  const wallStart = performance.now();
  const result = await work();
  const used = process.cpuUsage(cpuStart);
  return { result, cpu: (used.user + used.system) / 1000, wall: performance.now() - wallStart };
}
