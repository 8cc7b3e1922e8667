import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';

/** Debian's chromium; `npx playwright install` cannot download browsers on these machines. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

const SCREENSHOTS = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Launches headless chromium with a fresh profile (Playwright gives every plain launch its own
 * temporary user-data-dir). Throws — never skips — when chromium is not installed, because a
 * browser test that silently does not run proves nothing.
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`${CHROMIUM_PATH} is missing: install it with \`apt-get install -y chromium\` (browser tests need it)`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ARGS, timeout: 60_000 });
}

const blocked = new WeakMap<Page, string[]>();

/** True for URLs on this machine; everything else is blocked so tests never reach the internet. */
export function isLoopbackUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return !['http:', 'https:', 'ws:', 'wss:'].includes(parsed.protocol) || LOOPBACK.has(parsed.hostname);
  } catch {
    return false;
  }
}

/**
 * A page in its own browser context (its own cookies and sessionStorage) that aborts every request
 * to a host other than 127.0.0.1/localhost. Closing the page closes its context.
 */
export async function newPage(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  const refused: string[] = [];
  // A request still in flight when the test closes its page rejects its continue/abort; that is
  // the test being done, not a failure.
  const ignoreClosed = (): void => undefined;
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (isLoopbackUrl(url)) return route.continue().catch(ignoreClosed);
    refused.push(url);
    return route.abort('blockedbyclient').catch(ignoreClosed);
  });
  await context.routeWebSocket(/.*/, (ws) => {
    if (isLoopbackUrl(ws.url())) ws.connectToServer();
    else {
      refused.push(ws.url());
      ws.close().catch(ignoreClosed);
    }
  });
  const page = await context.newPage();
  blocked.set(page, refused);
  page.on('close', () => void context.close().catch(ignoreClosed));
  return page;
}

/** The non-loopback URLs `page` tried to reach (and was refused), in order. */
export function blockedRequests(page: Page): readonly string[] {
  return blocked.get(page) ?? [];
}

/** Saves a full-page screenshot to `test-results/screenshots/<name>.png` and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  if (!/^[a-z0-9][a-z0-9._-]*$/i.test(name)) throw new Error(`screenshot name must be a plain file name, got "${name}"`);
  await mkdir(SCREENSHOTS, { recursive: true });
  const path = `${SCREENSHOTS}${name}.png`;
  await page.screenshot({ path, fullPage: true, animations: 'disabled' });
  return path;
}
