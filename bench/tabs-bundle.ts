/**
 * The JavaScript each tab view loads before it can render, gzip-compressed, from Vite's build
 * manifest: the entry's static import closure for the personal view, plus the lazily imported
 * view's own static closure for the admin and manager views. Baseline: every JS file the build
 * emits, so the ratio shows how much the split keeps out of the first load.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { figure, type BenchFigure } from './harness.ts';

interface ManifestChunk {
  readonly file: string;
  readonly src?: string;
  readonly isEntry?: boolean;
  readonly imports?: readonly string[];
}
type Manifest = Record<string, ManifestChunk>;

/** The chunk files `key` loads up front: itself and its static imports, transitively (dynamic imports excluded). */
function staticClosure(manifest: Manifest, key: string, into = new Set<string>()): Set<string> {
  const chunk = manifest[key];
  if (chunk === undefined) throw new Error(`no chunk ${key} in the Vite manifest`);
  if (into.has(chunk.file)) return into;
  into.add(chunk.file);
  for (const imported of chunk.imports ?? []) staticClosure(manifest, imported, into);
  return into;
}

const gzipKb = (dist: string, files: Iterable<string>): number => {
  let bytes = 0;
  for (const file of files) if (file.endsWith('.js')) bytes += gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
  return bytes / 1024;
};

/**
 * Builds the tab for production into a temp folder and returns it. Not dist/tab: tests build
 * that under vitest, where NODE_ENV=test gives React's development build (several times larger),
 * and rebuilding it here could pull files from under a running browser test.
 */
export async function buildProductionTab(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'upward-bench-tab-'));
  const { build } = await import('vite');
  await build({
    configFile: resolve('vite.config.ts'),
    mode: 'production',
    logLevel: 'warn',
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: { outDir, emptyOutDir: true },
  });
  return outDir;
}

function allJs(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? allJs(dir, join(prefix, e.name)) : e.name.endsWith('.js') ? [join(prefix, e.name)] : [],
  );
}

/** Sizes each view's first load in the production build at `dist` (see {@link buildProductionTab}). */
export function bundleFigures(dist: string): Record<string, BenchFigure> {
  const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8')) as Manifest;
  const entry = Object.keys(manifest).find((k) => manifest[k]!.isEntry === true);
  if (entry === undefined) throw new Error('the Vite manifest has no entry');
  const keyOf = (src: string) => {
    const key = Object.keys(manifest).find((k) => k.endsWith(src));
    if (key === undefined) throw new Error(`${src} is not a chunk of its own: the view is not split out`);
    return key;
  };
  const personal = staticClosure(manifest, entry);
  const withView = (src: string) => staticClosure(manifest, keyOf(src), new Set(personal));
  const total = gzipKb(dist, allJs(dist));
  return {
    'first-load.personal': figure(gzipKb(dist, personal), 'KB gz', total, { target: '< 300 KB' }),
    'first-load.admin': figure(gzipKb(dist, withView('views/admin-view.tsx')), 'KB gz', total),
    'first-load.manager': figure(gzipKb(dist, withView('views/participation-view.tsx')), 'KB gz', total),
  };
}
