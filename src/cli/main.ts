/**
 * `npm run upward -- program <command> ...`: run a reverse-mentoring program from a terminal
 * against a running Upward. See `usage.ts` for the commands.
 */
import { runCli } from './run-cli.ts';

process.exitCode = await runCli(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
});
