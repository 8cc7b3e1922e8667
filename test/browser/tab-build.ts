import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Where Vite writes the tab and the server serves it from. */
export const TAB_DIST = join(ROOT, 'dist', 'tab');
const SOURCES = [join(ROOT, 'src', 'tab'), join(ROOT, 'vite.config.ts')];
const LOCK = join(ROOT, 'dist', '.tab-build.lock');
const LOCK_STALE_MS = 5 * 60_000;

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

const isFresh = (): boolean => {
  const index = join(TAB_DIST, 'index.html');
  return existsSync(index) && statSync(index).mtimeMs >= Math.max(...SOURCES.map(newestMtime));
};

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Takes a directory lock, so two test files starting together do not build into one folder at once. */
async function withLock<T>(work: () => Promise<T>): Promise<T> {
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      if (existsSync(LOCK) && Date.now() - statSync(LOCK).mtimeMs > LOCK_STALE_MS) rmSync(LOCK, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${LOCK}; remove it if no build is running`);
      await sleep(250);
    }
  }
  try {
    return await work();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

/**
 * Builds the tab with Vite's JS API when dist/tab/index.html is missing or older than anything in
 * src/tab or vite.config.ts. Returns true when it built.
 */
export async function ensureTabBuilt(): Promise<boolean> {
  if (isFresh()) return false;
  return withLock(async () => {
    if (isFresh()) return false; // another test file built it while we waited
    const { build } = await import('vite');
    await build({ configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn' });
    return true;
  });
}
