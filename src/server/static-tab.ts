import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { Router } from 'express';

/**
 * Serves the built tab under /tab/. Hashed assets are cached for a year; index.html never, so a
 * new build is picked up at once. Unknown paths under /tab fall back to index.html (client views).
 */
export function staticTab(directory: string): Router {
  const router = Router();
  const index = join(directory, 'index.html');
  router.get('/', (_req, res) => res.redirect(302, '/tab/'));
  router.use(
    '/tab',
    express.static(directory, {
      index: false,
      setHeaders: (res, path) => {
        res.setHeader('cache-control', path.endsWith('.html') ? 'no-store' : 'public, max-age=31536000, immutable');
      },
    }),
  );
  router.get(/^\/tab(\/.*)?$/, (_req, res) => {
    if (!existsSync(index)) {
      res.status(503).type('text/plain').send('The tab is not built yet: run `npm run build:tab`.');
      return;
    }
    res.setHeader('cache-control', 'no-store');
    res.sendFile(index);
  });
  return router;
}
