/**
 * `npm run bench -- tabs`: the tab's views for each audience. First-load JavaScript per view
 * (gzip, from Vite's manifest), time to first meaningful render in headless Chromium, and the
 * manager and admin summaries of a 10 000-participant, 100 000-session tenant on PostgreSQL.
 * Each figure has its own baseline from the same run (see the three files it runs).
 */
import type { BenchCase } from './harness.ts';
import { apiFigures } from './tabs-api.ts';
import { rmSync } from 'node:fs';
import { buildProductionTab, bundleFigures } from './tabs-bundle.ts';
import { renderFigures } from './tabs-render.ts';

export const tabsBench: BenchCase = {
  name: 'tabs',
  async run() {
    const tab = await buildProductionTab();
    try {
      return { ...bundleFigures(tab), ...(await renderFigures(tab)), ...(await apiFigures()) };
    } finally {
      rmSync(tab, { recursive: true, force: true });
    }
  },
};
