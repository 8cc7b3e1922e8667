/** Shared steps of the tab journeys: signing in through the development tenant's page. */
import type { Page } from 'playwright-core';
import type { DevPerson } from '../../src/devtenant/dev-tenant.ts';

/** Opens the tab at `path` and signs in as `person` on the development tenant's sign-in page. */
export async function signInToTab(page: Page, appUrl: string, person: DevPerson, search = ''): Promise<void> {
  await page.goto(`${appUrl}/tab/${search}`);
  await page.waitForURL(/\/oauth2\/v2\.0\/authorize\?/);
  await page.getByRole('searchbox').fill(person.userPrincipalName);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await page.getByRole('button', { name: `Sign in as ${person.displayName}`, exact: true }).click();
  await page.waitForURL((url) => url.href.startsWith(`${appUrl}/tab/`) && url.hash === '');
}
