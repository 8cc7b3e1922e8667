import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTabBuilt } from '../browser/tab-build.ts';

/** `npm start`'s script as a real process: what it prints, a second start, and SIGTERM. */
const children: ChildProcess[] = [];
let dataDir: string;

function start(extraEnv: Record<string, string> = {}): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['scripts/start.ts'], {
    env: { ...process.env, PORT: '0', DEVTENANT_PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let text = '';
  child.stdout!.on('data', (chunk) => (text += chunk));
  child.stderr!.on('data', (chunk) => (text += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => text, exited };
}

async function waitFor(predicate: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  await ensureTabBuilt();
  dataDir = mkdtempSync(join(tmpdir(), 'upward-start-'));
});
afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.pid) process.kill(child.pid, 'SIGKILL');
});

describe('npm start', () => {
  it('prints the URLs to open, refuses a second start on the same folder, and stops cleanly on SIGTERM', async () => {
    const first = start();
    await waitFor(() => /Upward is running at (http:\/\/\S+)/.test(first.output()), 60_000, 'the start banner');
    const url = /Upward is running at (http:\/\/\S+)/.exec(first.output())![1]!;
    expect(first.output()).toContain(`Tab (My mentoring):   ${url}/tab/`);
    expect(first.output()).toMatch(/Sign-in page: +http:\/\/127\.0\.0\.1:\d+\/[0-9a-f-]+\/oauth2\/v2\.0\/authorize\?/);
    expect(first.output()).toContain('npm run playground');
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    expect((await fetch(`${url}/tab/`)).status).toBe(200);

    const second = start();
    expect(await second.exited).toBe(1);
    const refusal = second.output().trim().split('\n').filter((line) => line.startsWith('Upward cannot start'));
    expect(refusal).toHaveLength(1);
    expect(refusal[0]).toMatch(/The data folder .* is in use by another Upward process \(pid \d+\)/);

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(existsSync(join(dataDir, 'pglite.lock'))).toBe(false);
  }, 120_000);

  it('stops before doing anything when a setting is bad, with one line naming it', async () => {
    const bad = start({ PORT: 'eighty' });
    expect(await bad.exited).toBe(1);
    expect(bad.output().trim()).toBe('Upward cannot start: PORT: must be a port number');
  });
});
