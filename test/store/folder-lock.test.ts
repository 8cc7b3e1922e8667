import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { userId } from '../../src/core/ids.ts';
import { epochMs } from '../../src/core/time.ts';
import { conversationReferenceRepository } from '../../src/store/conversation-references.ts';
import { acquireFolderLock } from '../../src/store/folder-lock.ts';
import { openStore, StoreLockedError } from '../../src/store/store.ts';
import { freshTenant } from './each-backend.ts';
import { captureLog } from './log-capture.ts';
import { openTestStore, type TestStore } from './open-test-store.ts';

// Node 24 from the project, not the machine's Node 20: the children run TypeScript directly.
const nodeBin = fileURLToPath(new URL('../../node_modules/.bin/node', import.meta.url));
const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const CHILD_TIMEOUT_MS = 20_000;
const silent = pino({ level: 'silent' });

const children = new Set<ChildProcess>();
afterEach(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  children.clear();
});

function start(script: string, arg: string): ChildProcess {
  const child = spawn(nodeBin, [fixture(script), arg], { stdio: ['pipe', 'pipe', 'pipe'], timeout: CHILD_TIMEOUT_MS });
  children.add(child);
  return child;
}

function exited(child: ChildProcess): Promise<{ code: number | null; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Starts a process that holds the lock on `folder` until its stdin closes. */
async function holder(folder: string): Promise<{ child: ChildProcess; done: ReturnType<typeof exited> }> {
  const child = start('hold-lock-child.ts', folder);
  const done = exited(child);
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('locked')) resolve();
    });
    done.then(({ code, stderr }) => reject(new Error(`lock holder exited (${code}) before locking: ${stderr}`)), reject);
  });
  return { child, done };
}

async function openInChild(dataDir: string): Promise<{ opened: boolean; name?: string; message?: string; userIds?: string[] }> {
  const { code, stdout, stderr } = await exited(start('open-store-child.ts', dataDir));
  const last = stdout.trim().split('\n').at(-1);
  if (last === undefined || last === '') throw new Error(`child printed nothing (exit ${code}): ${stderr}`);
  return JSON.parse(last) as { opened: boolean };
}

describe('the PGlite data folder lock, between Upward processes', () => {
  let opened: TestStore;
  beforeAll(async () => {
    opened = await openTestStore('pglite');
  });
  afterAll(async () => {
    await opened?.cleanup();
  });

  it('refuses a second process with one clear line, and lets it in once the first has closed', async () => {
    const tenant = freshTenant();
    await conversationReferenceRepository(opened.store.db).upsert(tenant, {
      userId: userId('written-by-the-first'),
      conversationId: 'conv-1',
      serviceUrl: 'https://example.test/',
      channelId: 'msteams',
      botId: '28:bot',
      at: epochMs(1_000),
    });

    const refused = await openInChild(opened.options.dataDir);
    expect(refused).toEqual({
      opened: false,
      name: 'StoreLockedError',
      message: `The data folder ${join(opened.options.dataDir, 'pglite')} is in use by another Upward process (pid ${process.pid}). Stop it, or set DATA_DIR to another folder.`,
    });

    await opened.store.close();
    expect(await openInChild(opened.options.dataDir)).toEqual({ opened: true, userIds: ['written-by-the-first'] });
  });

  it('refuses a second store on the same folder inside one process', async () => {
    const first = await openStore(opened.options);
    try {
      const error = await openStore(opened.options).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(StoreLockedError);
      expect((error as StoreLockedError).message).toContain(`is in use by this Upward process (pid ${process.pid})`);
      await first.ping();
    } finally {
      await first.close();
    }
  });
});

describe('the folder lock itself', () => {
  let root = '';
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'upward-lock-test-'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const folderNamed = (name: string) => join(root, name);

  it('refuses while another live process holds it; the holder lets go when it exits', async () => {
    const folder = folderNamed('live');
    const { child, done } = await holder(folder);
    expect(() => acquireFolderLock(folder, silent)).toThrow(
      new StoreLockedError(
        `The data folder ${folder} is in use by another Upward process (pid ${child.pid}). Stop it, or set DATA_DIR to another folder.`,
        folder,
        child.pid,
      ),
    );
    child.stdin?.end();
    expect((await done).code).toBe(0);
    expect(existsSync(`${folder}.lock`)).toBe(false);
    const lock = acquireFolderLock(folder, silent);
    lock.release();
    expect(existsSync(`${folder}.lock`)).toBe(false);
  });

  it('takes over a lock left by a process that was killed, and says so in the log', async () => {
    const folder = folderNamed('killed');
    const { child, done } = await holder(folder);
    child.kill('SIGKILL');
    await done;
    expect(JSON.parse(readFileSync(`${folder}.lock`, 'utf8'))).toMatchObject({ pid: child.pid });

    const { log, lines } = captureLog();
    const lock = acquireFolderLock(folder, log);
    try {
      expect(JSON.parse(readFileSync(`${folder}.lock`, 'utf8'))).toMatchObject({ pid: process.pid, hostname: hostname() });
      expect(lines).toEqual([expect.objectContaining({ level: 40, stalePid: child.pid, folder })]);
    } finally {
      lock.release();
    }
  });

  it('takes over a lock with our own pid that this process does not hold (a restarted container)', () => {
    const folder = folderNamed('own-pid');
    writeFileSync(`${folder}.lock`, JSON.stringify({ pid: process.pid, hostname: hostname(), startedAt: '2020-01-01T00:00:00Z', token: 'earlier' }));
    const lock = acquireFolderLock(folder, silent);
    expect(JSON.parse(readFileSync(`${folder}.lock`, 'utf8')).token).not.toBe('earlier');
    lock.release();
  });

  it('refuses a lock from another host, or one it cannot read, and says what to do', () => {
    const folder = folderNamed('foreign');
    writeFileSync(`${folder}.lock`, JSON.stringify({ pid: 4242, hostname: 'elsewhere', startedAt: '2020-01-01T00:00:00Z', token: 't' }));
    expect(() => acquireFolderLock(folder, silent)).toThrow(
      `The data folder ${folder} is in use by an Upward process on host elsewhere (pid 4242). Stop it, or set DATA_DIR to another folder; if it is not running, delete ${folder}.lock.`,
    );
    writeFileSync(`${folder}.lock`, 'not json');
    expect(() => acquireFolderLock(folder, silent)).toThrow(`delete that file`);
    expect(readFileSync(`${folder}.lock`, 'utf8')).toBe('not json');
  });

  it('release leaves alone a lock that is no longer its own', () => {
    const folder = folderNamed('replaced');
    const lock = acquireFolderLock(folder, silent);
    const other = JSON.stringify({ pid: 4242, hostname: 'elsewhere', startedAt: '2020-01-01T00:00:00Z', token: 'other' });
    writeFileSync(`${folder}.lock`, other);
    lock.release();
    expect(readFileSync(`${folder}.lock`, 'utf8')).toBe(other);
  });
});
