/**
 * Runs the real Microsoft 365 Agents Playground as a child process for tests: on a free loopback
 * port, with a configuration made by buildPlaygroundConfig, stopped by its pid.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { listeningPort, playgroundArguments, type PlaygroundConfig } from '../../scripts/playground-config.ts';

const CLI = fileURLToPath(new URL('../../node_modules/@microsoft/m365agentsplayground/cli.js', import.meta.url));

export interface RunningPlayground {
  /** e.g. http://127.0.0.1:41234 (UI and API). */
  readonly url: string;
  readonly pid: number;
  readonly logPath: string;
  /** The last lines of the Playground's own log, for failure messages. */
  logTail(): string;
  /** SIGTERM by pid, SIGKILL if it has not exited within a few seconds. */
  stop(): Promise<void>;
}

/** A port the OS says is free on 127.0.0.1 right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/**
 * Starts the Playground against `endpoint` (Upward's /api/messages) with `config`, writing the
 * YAML and the Playground's log into `dir`. Resolves once it listens; rejects (and kills it)
 * if it does not within `timeoutMs`.
 */
export async function startPlayground(options: {
  endpoint: string;
  config: PlaygroundConfig;
  dir: string;
  timeoutMs?: number;
}): Promise<RunningPlayground> {
  const configPath = join(options.dir, 'm365agentsplayground.yml');
  const logPath = join(options.dir, 'playground.log');
  writeFileSync(configPath, stringify(options.config));
  const port = await freePort();
  const child = spawn(process.execPath, playgroundArguments({ cliPath: CLI, endpoint: options.endpoint, port, configPath, logPath }), {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error('the Playground did not start (no pid)');

  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const logTail = (): string => {
    const log = existsSync(logPath) ? readFileSync(logPath, 'utf8') : '';
    return `${log}${stderr}`.split('\n').slice(-15).join('\n');
  };
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    process.kill(pid, 'SIGTERM');
    if (!(await waitForExit(child, 5000))) {
      process.kill(pid, 'SIGKILL');
      await waitForExit(child, 5000);
    }
  };

  try {
    const actual = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the Playground did not listen within ${options.timeoutMs ?? 30_000} ms`)), options.timeoutMs ?? 30_000);
      let output = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString('utf8');
        const found = listeningPort(output);
        if (found !== undefined) {
          clearTimeout(timer);
          resolve(found);
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the Playground exited (code ${code}) before listening`));
      });
    });
    // It silently moves to a random port when its port is taken; the service URL it gives the
    // bot would then point nowhere.
    if (actual !== port) throw new Error(`the Playground listens on ${actual}, not on the free port ${port} it was given`);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n${logTail()}`);
  }
  return { url: `http://127.0.0.1:${port}`, pid, logPath, logTail, stop };
}

/**
 * Ends a test's Playground session in the safe order: the chat client is let finish and closed,
 * then the Playground, then the app it talked to, then its configuration folder. Any part may be
 * missing when set-up failed half-way.
 */
export async function closePlaygroundSession(parts: {
  client?: { settle(): Promise<unknown>; close(): void } | undefined;
  playground?: RunningPlayground | undefined;
  app?: { close(): Promise<void> } | undefined;
  dir?: string | undefined;
}): Promise<void> {
  await parts.client?.settle().catch(() => undefined);
  parts.client?.close();
  await parts.playground?.stop();
  await parts.app?.close();
  if (parts.dir) rmSync(parts.dir, { recursive: true, force: true });
}
