/**
 * Time to first meaningful render of each tab view in headless Chromium on localhost: from
 * navigation start (`performance.now()` is 0 there) to the view's `h1` and its main content
 * being in the page, seen by a MutationObserver installed before any page script runs. Upward
 * runs as `npm start` runs it (development tenant, PGlite, ports 0, a temp data folder); each
 * person signs in once through the development tenant's page, then every measured load is a
 * fresh navigation with the HTTP cache disabled. Baseline: the same navigation's first paint.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startApp } from '../src/app/start-app.ts';
import type { DevPerson } from '../src/devtenant/dev-tenant.ts';
import { launchChromium, newPage } from '../test/browser/chromium.ts';
import { signInToTab } from '../test/e2e/tab-journey-helpers.ts';
import { figure, percentile, type BenchFigure } from './harness.ts';

const RUNS = 7;

interface ViewProbe {
  readonly name: string;
  readonly search: string;
  readonly heading: string;
  /** A selector of the view's main content once its data is in. */
  readonly content: string;
}

const VIEWS: readonly ViewProbe[] = [
  { name: 'personal', search: '', heading: 'My mentoring', content: '[data-testid="profile-name"]' },
  { name: 'admin', search: '?view=admin', heading: 'Program admin', content: '[data-testid="program-list"] table, [data-testid="program-list"] section[aria-label="No programs yet"]' },
  { name: 'manager', search: '?view=participation', heading: 'Participation', content: '[data-testid="participation-kpis"]' },
];

declare global {
  interface Window {
    __renderedAt?: number;
  }
}

/** Installed before the page's scripts: records when the heading and the content are both there. */
function watchForRender(probe: { heading: string; content: string }): void {
  const ready = () => [...document.querySelectorAll('h1')].some((h) => h.textContent?.trim() === probe.heading) && document.querySelector(probe.content) !== null;
  const observer = new MutationObserver(() => {
    if (window.__renderedAt === undefined && ready()) {
      window.__renderedAt = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
}

async function measure(page: Page, url: string): Promise<{ render: number; paint: number }> {
  await page.goto(url);
  await page.waitForFunction(() => window.__renderedAt !== undefined, undefined, { timeout: 30_000 });
  return page.evaluate(() => {
    const paint = performance.getEntriesByName('first-paint')[0]?.startTime ?? (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).responseEnd;
    return { render: window.__renderedAt!, paint };
  });
}

/** Renders each view of the tab built at `tabDirectory` (a production build, see tabs-bundle.ts). */
export async function renderFigures(tabDirectory: string): Promise<Record<string, BenchFigure>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'upward-bench-render-'));
  const app = await startApp({ tabDirectory, overrides: { PORT: '0', DEVTENANT_PORT: '0', DATA_DIR: dataDir, DATABASE_URL: '', DEVTENANT_SIZE: '60', LOG_LEVEL: 'silent' } });
  const browser = await launchChromium();
  try {
    const directory = app.devTenant!.directory;
    const tenantId = app.devTenant!.tenantId;
    const people = directory.people(tenantId);
    const orgSize = (id: string): number => directory.directReports(tenantId, id).reduce((n, r) => n + 1 + orgSize(r.id), 0);
    const admin = directory.admins(tenantId)[0]!;
    const participant = people.find((p) => p.accountEnabled && !p.isProgramAdmin && p.depth >= 2)!;
    const manager = people.filter((p) => p.accountEnabled && p.depth === 1).sort((a, b) => orgSize(b.id) - orgSize(a.id))[0]!;
    const who: Record<string, DevPerson> = { personal: participant, admin, manager };

    const figures: Record<string, BenchFigure> = {};
    for (const view of VIEWS) {
      const page = await newPage(browser);
      try {
        await signInToTab(page, app.url, who[view.name]!);
        const cdp = await page.context().newCDPSession(page);
        await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
        await page.addInitScript(watchForRender, { heading: view.heading, content: view.content });
        const url = `${app.url}/tab/${view.search}`;
        await measure(page, url); // warm-up: the server's first request of each route
        const runs: { render: number; paint: number }[] = [];
        for (let i = 0; i < RUNS; i += 1) runs.push(await measure(page, url));
        const render = runs.map((r) => r.render);
        const paint = percentile(runs.map((r) => r.paint), 50);
        figures[`render.${view.name}`] = figure(percentile(render, 50), 'ms', paint, {
          spread: `max ${Math.max(...render).toFixed(0)} ms of ${RUNS}`,
          target: '< 1000 ms',
        });
      } finally {
        await page.close();
      }
    }
    return figures;
  } finally {
    await browser.close();
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
