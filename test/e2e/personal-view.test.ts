import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../src/app/start-app.ts';
import { seriousAxeViolations } from '../browser/axe.ts';
import { blockedRequests, launchChromium, newPage, screenshot } from '../browser/chromium.ts';
import { ensureTabBuilt } from '../browser/tab-build.ts';

// The whole app — server, development tenant, built tab — driven through a real browser: sign in
// as a seeded person on the development tenant's sign-in page and see that person's profile.

let app: RunningApp;
let browser: Browser;
let page: Page;
let dataDir: string;

beforeAll(async () => {
  await ensureTabBuilt();
  dataDir = await mkdtemp(join(tmpdir(), 'upward-e2e-'));
  app = await startApp({
    overrides: { PORT: '0', DEVTENANT_PORT: '0', DATA_DIR: dataDir, DEVTENANT_SIZE: '40', LOG_LEVEL: 'warn' },
  });
  browser = await launchChromium();
  page = await newPage(browser);
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  if (dataDir !== undefined) await rm(dataDir, { recursive: true, force: true });
});

/** A seeded person of Upward's tenant who has a manager, with that manager. */
function seededPersonWithManager() {
  const directory = app.devTenant?.directory;
  if (directory === undefined) throw new Error('the development tenant is not running; env/.env.local should enable it');
  const tenantId = app.config.entra.tenantId;
  const withManager = directory.people(tenantId).filter((p) => p.managerId !== null && p.accountEnabled);
  // Prefer someone below the top two levels and outside the head office's zone: more to get wrong.
  const person = withManager.find((p) => p.depth >= 2 && p.ianaTimeZone !== directory.root(tenantId)?.ianaTimeZone) ?? withManager[0];
  if (person === undefined) throw new Error('the seeded organisation has nobody with a manager');
  const manager = directory.manager(tenantId, person.id);
  if (manager === undefined) throw new Error(`the manager of ${person.displayName} is not in the directory`);
  return { person, manager };
}

const text = (testId: string): Promise<string> => page.getByTestId(testId).innerText();

describe('the personal view in the running app', () => {
  it('signs a seeded person in and shows their own profile', async () => {
    const { person, manager } = seededPersonWithManager();

    await page.goto(`${app.url}/tab/`);
    await page.waitForURL(/\/oauth2\/v2\.0\/authorize\?/);
    // The development tenant's sign-in page: search for the person (names may repeat, UPNs do not), pick them.
    await page.getByRole('searchbox').fill(person.userPrincipalName);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByRole('button', { name: `Sign in as ${person.displayName}`, exact: true }).click();
    await page.waitForURL((url) => url.href.startsWith(`${app.url}/tab/`) && url.hash === '');
    await page.getByTestId('profile-name').waitFor();

    expect(await text('profile-name')).toBe(person.displayName);
    expect(await text('profile-job-title')).toBe(person.jobTitle);
    expect(await text('profile-department')).toBe(person.department);
    expect(await text('profile-manager')).toContain(manager.displayName);
    expect(await text('profile-time-zone')).toContain(person.mailboxTimeZone);
    expect(await text('profile-local-time')).toMatch(/^It is .+ there now$/);
    expect(await text('profile-working-hours')).toContain(`${person.workingHours.startTime}–${person.workingHours.endTime}`);
    expect(await text('signed-in-as')).toBe(`Signed in as ${person.displayName}`);
    // The token lives for the browser tab only.
    expect(await page.evaluate(() => sessionStorage.getItem('upward.tab.token'))).toContain('accessToken');
    expect(await page.evaluate(() => localStorage.length)).toBe(0);
    expect(blockedRequests(page)).toEqual([]);

    await screenshot(page, 'personal-view');
  });

  it('has no serious or critical accessibility violations in the default, dark and high-contrast themes', async () => {
    for (const theme of ['default', 'dark', 'contrast'] as const) {
      await page.goto(`${app.url}/tab/?theme=${theme}`);
      await page.getByTestId('profile-name').waitFor();
      expect(await page.locator('[data-theme]').getAttribute('data-theme')).toBe(theme);
      await screenshot(page, `personal-view-${theme}`);
      expect(await seriousAxeViolations(page), `axe in the ${theme} theme`).toEqual([]);
    }
  }, 90_000);

  it('follows the operating system’s dark mode and forced colours when no theme is asked for', async () => {
    const background = () => page.locator('[data-theme]').evaluate((el) => getComputedStyle(el).backgroundColor);
    const luminance = (rgb: string): number => {
      const [r, g, b] = (rgb.match(/\d+/g) ?? []).map(Number);
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };

    await page.emulateMedia({ colorScheme: 'light', forcedColors: 'none' });
    await page.goto(`${app.url}/tab/`);
    await page.getByTestId('profile-name').waitFor();
    expect(await page.locator('[data-theme]').getAttribute('data-theme')).toBe('default');
    expect(luminance(await background())).toBeGreaterThan(200);

    await page.emulateMedia({ colorScheme: 'dark' });
    await page.locator('[data-theme="dark"]').waitFor(); // follows the change without a reload
    expect(luminance(await background())).toBeLessThan(60);

    await page.emulateMedia({ forcedColors: 'active' });
    await page.locator('[data-theme="contrast"]').waitFor();
    await page.emulateMedia({ colorScheme: 'light', forcedColors: 'none' });
  });
});
