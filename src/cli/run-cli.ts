/**
 * `upward program <command> ...`: parses the arguments, signs in as `--as`, runs the command and
 * returns the exit code (0 done, 1 refused or failed, 2 called wrongly). Never throws.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/config.ts';
import { apiClient, ApiError } from './api-client.ts';
import { COMMANDS, UsageError } from './program-commands.ts';
import { SCHEDULE_COMMANDS } from './schedule-commands.ts';
import { signInAs } from './sign-in.ts';
import { USAGE } from './usage.ts';

/** Where the CLI writes: normal output and diagnostics. */
export interface CliOutput {
  out(line: string): void;
  err(line: string): void;
}

const OPTIONS = {
  as: { type: 'string' },
  url: { type: 'string' },
  tenant: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  'no-wait': { type: 'boolean' },
  file: { type: 'string' },
  name: { type: 'string' },
  tracks: { type: 'string' },
  objectives: { type: 'string' },
  cadence: { type: 'string' },
  minutes: { type: 'string' },
  start: { type: 'string' },
  end: { type: 'string' },
  capacity: { type: 'string' },
  'min-gap': { type: 'string' },
  trios: { type: 'boolean' },
  organiser: { type: 'string' },
  plan: { type: 'string', multiple: true },
  clear: { type: 'boolean' },
  role: { type: 'string' },
  teach: { type: 'string' },
  learn: { type: 'string' },
  goals: { type: 'string' },
  languages: { type: 'string' },
  avoid: { type: 'string' },
  user: { type: 'string' },
  mentor: { type: 'string' },
  mentee: { type: 'string' },
  pair: { type: 'string' },
  with: { type: 'string' },
  cycle: { type: 'string' },
  session: { type: 'string' },
  kind: { type: 'string' },
} as const;

/** Upward's address from the configuration (PUBLIC_URL or HOST:PORT), if it can be read. */
function configuredUrl(): string {
  try {
    return loadConfig().server.publicUrl;
  } catch {
    return 'http://127.0.0.1:3978';
  }
}

export async function runCli(argv: readonly string[], output: CliOutput): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    output.err(`upward: ${(error as Error).message}`);
    output.err('Run `npm run upward -- program --help` for usage.');
    return 2;
  }
  const { values, positionals } = parsed;
  const [group, command, ...args] = positionals;
  const groups: Readonly<Record<string, typeof COMMANDS>> = { program: COMMANDS, schedule: SCHEDULE_COMMANDS };
  const table = group === undefined ? undefined : groups[group];
  if (values.help || group === undefined || (table !== undefined && command === undefined)) {
    output.out(USAGE);
    return values.help ? 0 : 2;
  }
  if (table === undefined || command === undefined || !(command in table)) {
    output.err(`upward: unknown command "${[group, command].filter(Boolean).join(' ')}"`);
    output.err(`Commands: program ${Object.keys(COMMANDS).join('|')}; schedule ${Object.keys(SCHEDULE_COMMANDS).join('|')}. Run with --help for usage.`);
    return 2;
  }
  if (!values.as) {
    output.err('upward: say who you are with --as <upn> (a program admin for admin commands; the participant for `enrol`)');
    return 2;
  }
  const url = (values.url ?? configuredUrl()).replace(/\/+$/, '');
  try {
    const token = await signInAs(url, values.as, values.tenant);
    const { plan, ...single } = values;
    await table[command]!({ api: apiClient(url, token), args, options: single, repeated: { plan }, print: (line) => output.out(line), json: values.json === true });
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      output.err(`upward ${group} ${command}: ${error.message}`);
      return 2;
    }
    if (error instanceof ApiError) {
      output.err(`upward ${group} ${command}: ${error.message}${error.code && error.status ? ` (${error.status} ${error.code})` : ''}`);
      for (const field of error.fields) output.err(`  ${field.field}: ${field.message}`);
      return 1;
    }
    output.err(`upward ${group} ${command}: ${(error as Error).message ?? String(error)}`);
    return 1;
  }
}
