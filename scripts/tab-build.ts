import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const TAB_SOURCES = 'src/tab';
const TAB_INDEX = 'dist/tab/index.html';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds the tab with Vite when dist/tab is missing or older than its sources. */
export async function buildTabIfStale(): Promise<void> {
  if (!existsSync(TAB_SOURCES)) return;
  const stale = !existsSync(TAB_INDEX) || statSync(TAB_INDEX).mtimeMs < Math.max(newestMtime(TAB_SOURCES), statSync('vite.config.ts').mtimeMs);
  if (!stale) return;
  const { build } = await import('vite');
  await build({ configFile: 'vite.config.ts', logLevel: 'warn' });
}
