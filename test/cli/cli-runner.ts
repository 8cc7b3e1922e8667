import { runCli } from '../../src/cli/run-cli.ts';

/** What one run of the `upward` command gave: its exit code and what it printed. */
export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/**
 * Runs the `upward` CLI in this process against the app at `url()` (read per call, so a fixture
 * started in `beforeAll` can be passed before it exists), with `prefix` before the arguments
 * (e.g. `program`).
 */
export function cliAgainst(url: () => string, ...prefix: string[]): (...argv: string[]) => Promise<CliRun> {
  return async (...argv) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli([...prefix, ...argv, '--url', url()], { out: (l) => out.push(l), err: (l) => err.push(l) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };
}
