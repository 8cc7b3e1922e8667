import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, loadEnv } from 'vite';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/**
 * Builds the Teams tab (src/tab) into dist/tab, which Upward's server serves at /tab/. `vite dev`
 * serves the tab the same way and passes /api to the Upward server named in env/.env.<mode>.
 */
export default defineConfig(({ mode }) => {
  // Only PORT is read, to know where `npm start` listens; the tab itself gets its settings from /api/tab-config.
  const env = loadEnv(mode === 'development' ? 'local' : mode, here('./env'), 'PORT');
  const api = `http://127.0.0.1:${env['PORT'] ?? '3978'}`;
  return {
    root: here('./src/tab'),
    base: '/tab/',
    envDir: false,
    plugins: [react()],
    build: {
      outDir: here('./dist/tab'),
      emptyOutDir: true,
      sourcemap: true,
      // dist/tab/.vite/manifest.json: which chunks each view loads first (read by bench/tabs-bundle.ts).
      manifest: true,
      target: 'es2022',
      // Fluent UI and React are most of the bytes; a warning at Vite's default 500 kB would only be noise.
      chunkSizeWarningLimit: 1200,
    },
    server: { host: '127.0.0.1', proxy: { '/api': { target: api, changeOrigin: false } } },
    preview: { host: '127.0.0.1' },
  };
});
