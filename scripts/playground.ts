/**
 * `npm run playground -- --as <person>`: opens Upward's bot in the Microsoft 365 Agents Playground
 * (Microsoft's local Teams-like chat client) as one person of the development tenant's seeded
 * organisation, against an Upward that is already running (`npm start`).
 *
 *   --as <person>   a UPN, an object id or part of a name (default: the first program admin)
 *   --list [text]   list the seeded people (whose name or UPN contains text; `admins` for program
 *                   admins) and exit
 *   --port <n>      the Playground's port on 127.0.0.1 (default 56150)
 *   --app <url>     where Upward runs (default: HOST and PORT of the configuration)
 *
 * The five other people are the person's current mentoring partner (asked of the running Upward,
 * signed in as them) and then colleagues; the command says which partner it added.
 *
 * The people come from regenerating the seeded organisation in this process rather than from
 * Graph: the development tenant itself regenerates it from (tenant id, seed, size) at every start,
 * so the same configuration yields the same people, ids included, with no token, no secret file
 * and no dependency on the tenant's HTTP API — and `--list` works before anything is started.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';
import { ConfigError, loadConfig, type Config } from '../src/config/config.ts';
import { createDevDirectory } from '../src/devtenant/directory/dev-directory.ts';
import type { DevPerson } from '../src/devtenant/org/dev-person.ts';
import { seedOrganisations } from '../src/devtenant/org/organisations.ts';
import {
  PlaygroundPersonError,
  buildPlaygroundConfig,
  listeningPort,
  matchingPeople,
  playgroundArguments,
  type PlaygroundConfig,
} from './playground-config.ts';
import { playgroundWithPartner } from './playground-partner.ts';

const DEFAULT_PORT = 56150;
const START_TIMEOUT_MS = 30_000;
const outDir = fileURLToPath(new URL('../.playground/', import.meta.url));
const configPath = `${outDir}m365agentsplayground.yml`;
const logPath = `${outDir}playground.log`;
const cliPath = fileURLToPath(new URL('../node_modules/@microsoft/m365agentsplayground/cli.js', import.meta.url));

/** A failure the person at the terminal can fix; printed as one line, exit code 1. */
class UsageError extends Error {}

function seededPeople(config: Config): { tenantId: string; people: readonly DevPerson[]; admins: readonly DevPerson[] } {
  if (!config.devTenant.enabled) {
    throw new UsageError('The Playground runs against the development tenant only: set DEVTENANT_ENABLED=true (as env/.env.local does)');
  }
  const tenantId = config.entra.tenantId;
  const { seed, size } = config.devTenant;
  const directory = createDevDirectory(seedOrganisations({ tenantId, seed, size }));
  return { tenantId, people: directory.people(tenantId), admins: directory.admins(tenantId) };
}

function listPeople(people: readonly DevPerson[], text: string): void {
  const wantsAdmins = /^admins?$/i.test(text.trim());
  const found = text === '' ? people : wantsAdmins ? people.filter((p) => p.isProgramAdmin) : matchingPeople(people, text);
  for (const p of found) {
    const role = p.isProgramAdmin ? ' · program admin' : '';
    console.log(`${p.displayName.padEnd(28)} ${p.userPrincipalName.padEnd(44)} ${p.department} · ${p.jobTitle}${role}`);
  }
  console.log(`${found.length} of ${people.length} people. Use one with: npm run playground -- --as <UPN>`);
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

async function assertUpwardRuns(appUrl: string): Promise<void> {
  try {
    await fetch(`${appUrl}/healthz`, { signal: AbortSignal.timeout(3000) });
  } catch {
    throw new UsageError(`Upward is not running at ${appUrl}: start it with \`npm start\` in another terminal first (or pass --app <url>)`);
  }
}

function writePlaygroundConfig(config: PlaygroundConfig): void {
  mkdirSync(outDir, { recursive: true });
  const header = '# Written by `npm run playground`; rewritten at every run. Read by the Microsoft 365 Agents Playground.\n';
  writeFileSync(configPath, header + stringify(config));
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: {
      as: { type: 'string' },
      list: { type: 'boolean', default: false },
      port: { type: 'string' },
      app: { type: 'string' },
    },
    allowPositionals: true,
  });
  const config = loadConfig();
  const { tenantId, people, admins } = seededPeople(config);
  if (values.list) {
    listPeople(people, positionals.join(' '));
    return;
  }
  if (positionals.length > 0) throw new UsageError(`Unexpected argument "${positionals[0]}": did you mean --as "${positionals.join(' ')}"?`);

  const as = values.as ?? admins[0]?.userPrincipalName ?? people[0]!.userPrincipalName;
  // Checked before Upward is asked for the partner: a bad --as is the first thing to report.
  buildPlaygroundConfig({ tenantId, people, as, botAppId: config.bot.appId });
  if (!config.bot.allowUnauthenticated) {
    throw new UsageError('The Playground sends no token to the bot: set BOT_ALLOW_UNAUTHENTICATED=true (as env/.env.local does)');
  }

  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UsageError(`--port: "${values.port}" is not a port number`);
  if (!(await portIsFree(port))) throw new UsageError(`Port ${port} is in use (another Playground?): stop it or pass --port <n>`);
  const host = config.server.host === '0.0.0.0' ? '127.0.0.1' : config.server.host;
  const appUrl = (values.app ?? `http://${host}:${config.server.port}`).replace(/\/+$/, '');
  await assertUpwardRuns(appUrl);
  const { config: playground, partnerLine } = await playgroundWithPartner({ tenantId, people, as, botAppId: config.bot.appId, appUrl });
  writePlaygroundConfig(playground);

  const endpoint = `${appUrl}/api/messages`;
  const child = spawn(process.execPath, playgroundArguments({ cliPath, endpoint, port, configPath, logPath }), {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const stop = (): void => {
    child.kill('SIGTERM');
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  const started = setTimeout(() => {
    console.error(`The Playground did not start within ${START_TIMEOUT_MS / 1000} s; see ${relative(process.cwd(), logPath)}`);
    stop();
  }, START_TIMEOUT_MS);
  let output = '';
  let listening = false;
  let failed = false;
  child.stdout.on('data', (chunk: Buffer) => {
    if (listening) return;
    output += chunk.toString('utf8');
    const actual = listeningPort(output);
    if (actual === undefined) return;
    listening = true;
    clearTimeout(started);
    if (actual !== port) {
      // The Playground moves to a random port when its port is taken; its replies would then go
      // to a service URL nobody listens on.
      console.error(`The Playground took port ${actual} instead of ${port} (taken meanwhile?); run again`);
      failed = true;
      stop();
      return;
    }
    const me = playground.currentUser;
    console.log(
      [
        '',
        `Agents Playground:  http://127.0.0.1:${port}   ← open this in a browser`,
        `  You are:          ${me.name} <${me.userPrincipleName}> (object id ${me.aadObjectId})`,
        `  Partner:          ${partnerLine}`,
        `  With:             ${playground.users.map((u) => u.name).join(', ')}`,
        `  Bot endpoint:     ${endpoint}`,
        `  Files:            ${relative(process.cwd(), configPath)}, ${relative(process.cwd(), logPath)}`,
        '  Opening the personal chat installs Upward for you (the welcome card arrives). Ctrl+C stops the Playground.',
        '',
      ].join('\n'),
    );
  });
  child.on('exit', (code, signal) => {
    clearTimeout(started);
    if (!listening) console.error(`The Playground stopped before it started; see ${relative(process.cwd(), logPath)}`);
    const stoppedByUs = signal === 'SIGTERM' || signal === 'SIGINT';
    process.exitCode = !listening || failed ? 1 : (code ?? (stoppedByUs ? 0 : 1));
  });
}

main().catch((error: unknown) => {
  if (error instanceof UsageError || error instanceof PlaygroundPersonError || error instanceof ConfigError) {
    console.error(error.message);
  } else if (error instanceof TypeError && (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    console.error(`${error.message} (options: --as <person>, --list [text], --port <n>, --app <url>)`);
  } else {
    console.error('The Playground cannot start:', error);
  }
  process.exit(1);
});
