/**
 * Shared steps of the tab journeys: Upward started with its tab built and a Chromium to drive it,
 * signing in through the development tenant's page, and opening a program from the admin view.
 */
import type { Browser, Page } from 'playwright-core';
import type { DevPerson } from '../../src/devtenant/dev-tenant.ts';
import { launchChromium } from '../browser/chromium.ts';
import { ensureTabBuilt } from '../browser/tab-build.ts';
import { startAppFixture, type AppFixture } from '../programs/app-fixture.ts';

/** Upward as `npm start` runs it and the browser a journey drives its tab in. */
export interface TabJourney {
  readonly fx: AppFixture;
  readonly browser: Browser;
}

/**
 * Builds the tab if it is not built, starts Upward (`overrides` as startAppFixture takes them) and
 * launches Chromium; if Chromium does not start, Upward is closed again before this throws.
 */
export async function startTabJourney(overrides: Readonly<Record<string, string>> = {}): Promise<TabJourney> {
  await ensureTabBuilt();
  const fx = await startAppFixture(overrides);
  try {
    return { fx, browser: await launchChromium() };
  } catch (error) {
    await fx.close();
    throw error;
  }
}

/** Closes the browser, then Upward: whichever of them a failed set-up got to start. */
export async function closeTabJourney(journey: Partial<TabJourney>): Promise<void> {
  await journey.browser?.close();
  await journey.fx?.close();
}

/** Opens the tab at `path` and signs in as `person` on the development tenant's sign-in page. */
export async function signInToTab(page: Page, appUrl: string, person: DevPerson, search = ''): Promise<void> {
  await page.goto(`${appUrl}/tab/${search}`);
  await page.waitForURL(/\/oauth2\/v2\.0\/authorize\?/);
  await page.getByRole('searchbox').fill(person.userPrincipalName);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await page.getByRole('button', { name: `Sign in as ${person.displayName}`, exact: true }).click();
  await page.waitForURL((url) => url.href.startsWith(`${appUrl}/tab/`) && url.hash === '');
}

/** Signs in as `admin` on the admin view and opens the program listed as `programName`. */
export async function openProgramAsAdmin(page: Page, appUrl: string, admin: DevPerson, programName: string): Promise<void> {
  await signInToTab(page, appUrl, admin, '?view=admin');
  await page.getByRole('button', { name: `Open ${programName}` }).click();
}
