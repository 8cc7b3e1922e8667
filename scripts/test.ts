/**
 * `npm test`: type-checks the server and the tab, builds the tab (the browser tests load it), then
 * runs every vitest suite — unit, store on both databases, contract, manifest, bot and end-to-end —
 * and ends with vitest's summary line.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { buildTabIfStale } from './tab-build.ts';

function run(label: string, command: string, args: string[]): void {
  console.log(`\n> ${label}`);
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`${label} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}

const bin = (name: string): string => `node_modules/.bin/${name}`;
run('type-check server', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
run('type-check tab', bin('tsc'), ['--noEmit', '-p', 'src/tab/tsconfig.json']);
console.log('\n> build tab');
await buildTabIfStale();
const report = 'test-results/vitest.json';
rmSync(report, { force: true });
const vitest = spawnSync(
  process.execPath,
  ['node_modules/vitest/vitest.mjs', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)],
  { stdio: 'inherit' },
);
// Vitest's own summary is printed above; this plain line is the one any CI reader understands.
if (existsSync(report)) {
  const totals = JSON.parse(readFileSync(report, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number };
  console.log(`\nTests: ${totals.numPassedTests} passed, ${totals.numFailedTests} failed`);
}
process.exit(vitest.status ?? 1);
