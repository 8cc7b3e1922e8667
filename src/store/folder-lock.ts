import { randomUUID } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import type { Logger } from 'pino';
import { StoreLockedError } from './store-errors.ts';

/** Who holds a lock; written as JSON into the lock file. */
interface LockOwner {
  readonly pid: number;
  readonly hostname: string;
  readonly startedAt: string;
  /** Tells this holder's file from a later one written by a process that reused the pid. */
  readonly token: string;
}

/** A held lock on a folder; `release` is idempotent. */
export interface FolderLock {
  readonly lockFile: string;
  release(): void;
}

/** Locks held by this process, by lock file path; released on exit if nobody closed them. */
const heldLocks = new Map<string, LockOwner>();
let exitHookInstalled = false;

/**
 * Takes an exclusive, cross-process lock on `folder` by creating `${folder}.lock`, or throws
 * StoreLockedError.
 *
 * The file is written in full under a private name and then hard-linked into place: `link` fails
 * with EEXIST if the lock exists, atomically like O_EXCL, and unlike O_CREAT|O_EXCL no other
 * process can ever read a half-written lock. A lock whose pid is no longer alive on this host is
 * stale (a crash, kill -9, or Ctrl-C: signals skip exit hooks) and is taken over with a warning.
 * A lock from another host cannot be checked, so it is refused with instructions.
 */
export function acquireFolderLock(folder: string, log: Logger): FolderLock {
  const lockFile = `${folder}.lock`;
  mkdirSync(dirname(lockFile), { recursive: true });
  const owner: LockOwner = { pid: process.pid, hostname: hostname(), startedAt: new Date().toISOString(), token: randomUUID() };
  const draft = `${lockFile}.${process.pid}.${owner.token}.tmp`;
  writeFileSync(draft, `${JSON.stringify(owner)}\n`, { flag: 'wx' });
  try {
    // A few rounds only: each lost round means another process changed the lock meanwhile.
    for (let round = 0; round < 5; round++) {
      if (tryLink(draft, lockFile)) return hold(lockFile, owner);
      const current = readOwner(lockFile);
      if (current === 'missing') continue;
      if (current === 'unreadable') throw unreadableLock(folder, lockFile);
      if (!isStale(current, lockFile)) throw inUse(folder, lockFile, current);
      removeStaleLock(folder, lockFile, current, log);
    }
    throw new StoreLockedError(
      `The data folder ${folder} is being locked and unlocked by other processes; try again, or set DATA_DIR to another folder.`,
      folder,
      undefined,
    );
  } finally {
    rmSync(draft, { force: true });
  }
}

function hold(lockFile: string, owner: LockOwner): FolderLock {
  heldLocks.set(lockFile, owner);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    // One hook for all locks (not one per lock) so many stores in a test run add no listeners.
    process.on('exit', () => {
      for (const [file, held] of heldLocks) removeIfOwnedBy(file, held);
    });
  }
  return {
    lockFile,
    release() {
      if (heldLocks.get(lockFile) !== owner) return;
      heldLocks.delete(lockFile);
      removeIfOwnedBy(lockFile, owner);
    },
  };
}

function tryLink(from: string, to: string): boolean {
  try {
    linkSync(from, to);
    return true;
  } catch (error) {
    if (errnoCode(error) === 'EEXIST') return false;
    throw error;
  }
}

function readOwner(file: string): LockOwner | 'missing' | 'unreadable' {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return 'missing';
    throw error;
  }
  try {
    const value: unknown = JSON.parse(text);
    if (isOwner(value)) return value;
  } catch {
    // Falls through: a lock we cannot parse is reported, never silently taken over.
  }
  return 'unreadable';
}

function isOwner(value: unknown): value is LockOwner {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return Number.isInteger(v['pid']) && typeof v['hostname'] === 'string' && typeof v['startedAt'] === 'string' && typeof v['token'] === 'string';
}

function isStale(owner: LockOwner, lockFile: string): boolean {
  if (owner.hostname !== hostname()) return false;
  // Our own pid: either this process holds it (a second store on the folder), or the file is
  // left from an earlier process that had the same pid (common for pid 1 in containers).
  if (owner.pid === process.pid) return heldLocks.get(lockFile)?.token !== owner.token;
  return !isProcessAlive(owner.pid);
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return errnoCode(error) !== 'ESRCH';
  }
}

/**
 * Moves the stale lock aside under a private name, then checks that what moved is the stale lock
 * that was judged. If another process replaced it in between, its live lock is put back and we
 * refuse, instead of deleting a lock someone holds.
 */
function removeStaleLock(folder: string, lockFile: string, stale: LockOwner, log: Logger): void {
  const aside = `${lockFile}.stale-${process.pid}-${randomUUID()}`;
  try {
    renameSync(lockFile, aside);
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return;
    throw error;
  }
  const moved = readOwner(aside);
  if (typeof moved === 'object' && moved.token === stale.token) {
    rmSync(aside, { force: true });
    log.warn(
      { folder, stalePid: stale.pid, staleSince: stale.startedAt },
      `took over the lock on ${folder}: process ${stale.pid} that held it is no longer running`,
    );
    return;
  }
  try {
    tryLink(aside, lockFile);
  } finally {
    rmSync(aside, { force: true });
  }
  throw typeof moved === 'object' ? inUse(folder, lockFile, moved) : unreadableLock(folder, lockFile);
}

function removeIfOwnedBy(lockFile: string, owner: LockOwner): void {
  const current = readOwner(lockFile);
  if (typeof current === 'object' && current.token === owner.token) rmSync(lockFile, { force: true });
}

function inUse(folder: string, lockFile: string, owner: LockOwner): StoreLockedError {
  if (owner.hostname !== hostname()) {
    return new StoreLockedError(
      `The data folder ${folder} is in use by an Upward process on host ${owner.hostname} (pid ${owner.pid}). Stop it, or set DATA_DIR to another folder; if it is not running, delete ${lockFile}.`,
      folder,
      owner.pid,
    );
  }
  const who = owner.pid === process.pid ? 'this Upward process' : 'another Upward process';
  return new StoreLockedError(
    `The data folder ${folder} is in use by ${who} (pid ${owner.pid}). Stop it, or set DATA_DIR to another folder.`,
    folder,
    owner.pid,
  );
}

function unreadableLock(folder: string, lockFile: string): StoreLockedError {
  return new StoreLockedError(
    `The data folder ${folder} is locked by ${lockFile}, which cannot be read. If no Upward process is using the folder, delete that file; or set DATA_DIR to another folder.`,
    folder,
    undefined,
  );
}

function errnoCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
}
