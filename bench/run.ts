/**
 * `npm run bench [-- <case> ...]`: runs the benchmark cases, prints a table and writes the same
 * figures to bench-results.json. Every figure stands beside a baseline measured in the same run,
 * so a noisy shared machine moves both alike.
 */
import { writeFileSync } from 'node:fs';
import type { BenchCase, BenchFigure } from './harness.ts';
import { cases } from './cases.ts';

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = wanted.filter((w) => !cases.some((c) => c.name === w));
if (unknown.length > 0) {
  console.error(`Unknown benchmark case: ${unknown.join(', ')}. Cases: ${cases.map((c) => c.name).join(', ')}`);
  process.exit(2);
}
const selected: BenchCase[] = wanted.length > 0 ? cases.filter((c) => wanted.includes(c.name)) : cases;

const results: Record<string, BenchFigure> = {};
for (const benchCase of selected) {
  console.error(`running ${benchCase.name} ...`);
  const figures = await benchCase.run();
  for (const [name, value] of Object.entries(figures)) results[name === '' ? benchCase.name : `${benchCase.name}.${name}`] = value;
}

const rows = Object.entries(results).map(([name, f]) => [name, `${f.value} ${f.unit}`, `${f.baseline} ${f.unit}`, String(f.ratio), f.spread ?? '', f.target ?? '']);
const header = ['case', 'value', 'baseline', 'ratio', 'spread', 'target'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const row of rows) console.log(line(row));
writeFileSync('bench-results.json', `${JSON.stringify(results, null, 2)}\n`);
