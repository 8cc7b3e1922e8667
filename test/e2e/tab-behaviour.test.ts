import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { seriousAxeViolations } from '../browser/axe.ts';
import { blockedRequests, launchChromium, newPage } from '../browser/chromium.ts';
import { ensureTabBuilt, TAB_DIST } from '../browser/tab-build.ts';
import { startMockUpward, type MockUpward } from './mock-upward.ts';

// The tab's behaviour around sign-in, errors and navigation, against a mock server that can make
// the API refuse or stall on demand. personal-view.test.ts covers the real app end to end.

let mock: MockUpward;
let browser: Browser;
const pages: Page[] = [];

beforeAll(async () => {
  await ensureTabBuilt();
  mock = await startMockUpward(TAB_DIST);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await mock?.close();
});

beforeEach(async () => {
  mock.me = 'ok';
  mock.meDelayMs = 0;
  mock.authorizeRequests.length = 0;
  mock.meRequests.length = 0;
  for (const page of pages.splice(0)) await page.close();
});

async function open(): Promise<Page> {
  const page = await newPage(browser);
  pages.push(page);
  return page;
}

const AUTHORIZE = /\/oauth2\/v2\.0\/authorize\?/;

/** Opens `path`, lets the tab send us to sign in, and picks `person`. */
async function signIn(page: Page, path: string, person: string): Promise<void> {
  await page.goto(`${mock.url}${path}`);
  await page.waitForURL(AUTHORIZE);
  await page.getByRole('button', { name: person }).click();
  await page.waitForURL((url) => url.pathname === '/tab/' && url.hash === '');
}

const session = (page: Page, key: string): Promise<string | null> => page.evaluate((k) => sessionStorage.getItem(k), key);

describe('the tab in a plain browser', () => {
  it('goes straight to an implicit-grant sign-in and comes back to the view it started on', async () => {
    const page = await open();
    const started = Date.now();
    await page.goto(`${mock.url}/tab/?view=participation`);
    await page.waitForURL(AUTHORIZE);
    expect(Date.now() - started).toBeLessThan(3_000);

    const query = mock.authorizeRequests[0]!;
    expect(query.get('client_id')).toBe(mock.clientId);
    expect(query.get('response_type')).toBe('token');
    expect(query.get('redirect_uri')).toBe(`${mock.url}/tab/`);
    expect(query.get('scope')).toBe(mock.apiScope);
    expect(query.get('state')).toMatch(/^[0-9a-f]{32,}$/);
    expect(query.get('nonce')).toMatch(/^[0-9a-f]{32,}$/);
    expect(query.get('nonce')).not.toBe(query.get('state'));

    await page.getByRole('button', { name: 'Asha Verma' }).click();
    await page.getByRole('heading', { level: 1, name: 'Participation' }).waitFor();
    expect(page.url()).toBe(`${mock.url}/tab/?view=participation`);
    expect(await session(page, 'upward.tab.token')).toContain(`mock-${mock.people[0]!.id}`);
    expect(await page.evaluate(() => localStorage.length)).toBe(0);
    expect(mock.meRequests).toContain(`Bearer mock-${mock.people[0]!.id}`);
    expect(blockedRequests(page)).toEqual([]);
  });

  it('shows the profile with working hours written out, and Program admin only to program admins', async () => {
    const asha = await open();
    await signIn(asha, '/tab/?view=admin', 'Asha Verma');
    await asha.getByTestId('profile-name').waitFor();
    // Asha is no program admin: ?view=admin falls back to her own page.
    expect(asha.url()).toBe(`${mock.url}/tab/`);
    expect(await asha.getByRole('tab').allInnerTexts()).toEqual(['My mentoring', 'Participation']);
    expect(await asha.getByTestId('profile-manager').innerText()).toBe('Marcus Lee, Engineering Manager');
    expect(await asha.getByTestId('profile-working-hours').innerText()).toBe('Monday–Friday, 09:00–17:30 (India Standard Time)');
    expect(await asha.getByTestId('profile-local-time').innerText()).toMatch(/^It is \w+day \d\d:\d\d( [AP]M)? there now$/);

    const priya = await open();
    await signIn(priya, '/tab/', 'Priya Natarajan');
    await priya.getByTestId('profile-name').waitFor();
    expect(await priya.getByRole('tab').allInnerTexts()).toEqual(['My mentoring', 'Program admin', 'Participation']);
    expect(await priya.getByTestId('profile-manager').innerText()).toBe('No manager in the directory');
    expect(await priya.getByTestId('profile-working-hours').innerText()).toBe('Monday–Thursday, 08:00–16:00 (GMT Standard Time)');

    // The admin view is a separate chunk, fetched only when opened.
    const scripts: string[] = [];
    priya.on('request', (request) => scripts.push(request.url()));
    expect(scripts.some((url) => url.includes('admin-view'))).toBe(false);
    await priya.getByRole('tab', { name: 'Program admin' }).click();
    await priya.getByRole('heading', { level: 1, name: 'Program admin' }).waitFor();
    expect(scripts.some((url) => /\/tab\/assets\/admin-view-[\w-]+\.js$/.test(url))).toBe(true);
    expect(priya.url()).toBe(`${mock.url}/tab/?view=admin`);
    expect(await priya.title()).toBe('Program admin · Upward');

    await priya.goBack();
    await priya.getByRole('heading', { level: 1, name: 'My mentoring' }).waitFor();
    expect(priya.url()).toBe(`${mock.url}/tab/`);

    // Keyboard: arrows move between tabs, Enter opens one.
    await priya.getByRole('tab', { name: 'My mentoring' }).focus();
    await priya.keyboard.press('ArrowRight');
    await priya.keyboard.press('ArrowRight');
    await priya.keyboard.press('Enter');
    await priya.getByRole('heading', { level: 1, name: 'Participation' }).waitFor();
    expect(priya.url()).toBe(`${mock.url}/tab/?view=participation`);
    expect(await priya.getByRole('tab', { name: 'Participation' }).getAttribute('aria-selected')).toBe('true');
  });

  it('keeps the profile card the same size from skeleton to loaded', async () => {
    mock.meDelayMs = 1_500;
    const page = await open();
    await signIn(page, '/tab/', 'Asha Verma');
    const card = page.getByTestId('profile-card');
    await page.locator('[data-testid="profile-card"][aria-busy="true"]').waitFor();
    expect(await page.getByRole('status').innerText()).toBe('Loading your profile…');
    const loading = await card.boundingBox();
    await page.getByTestId('profile-name').waitFor();
    const loaded = await card.boundingBox();
    expect(loading).not.toBeNull();
    expect(loaded!.y).toBe(loading!.y);
    expect(Math.abs(loaded!.height - loading!.height)).toBeLessThanOrEqual(1);
  });

  it('ignores a sign-in response it did not ask for', async () => {
    const page = await open();
    await page.goto(`${mock.url}/tab/#access_token=planted&token_type=Bearer&expires_in=3600&state=forged`);
    await page.getByText('did not match the sign-in this tab started').waitFor();
    expect(await session(page, 'upward.tab.token')).toBeNull();
    expect(page.url()).toBe(`${mock.url}/tab/`);
    expect(mock.meRequests).toEqual([]);
    await page.getByRole('button', { name: 'Sign in again' }).click();
    await page.waitForURL(AUTHORIZE);
  });

  it('answers a 401 by signing in again once, then stops and says so', async () => {
    mock.me = 'unauthorized';
    const page = await open();
    await signIn(page, '/tab/', 'Asha Verma');
    await page.waitForURL(AUTHORIZE); // the 401 sent us back once
    await page.getByRole('button', { name: 'Asha Verma' }).click();
    await page.getByText('Upward did not accept your sign-in').waitFor();
    await page.waitForTimeout(500);
    expect(mock.authorizeRequests).toHaveLength(2);
    expect(mock.meRequests).toHaveLength(2);
    expect(await session(page, 'upward.tab.token')).toBeNull();

    mock.me = 'ok';
    await page.getByRole('button', { name: 'Sign in again' }).click();
    await page.getByRole('button', { name: 'Asha Verma' }).click();
    await page.getByTestId('profile-name').waitFor();
    expect(await page.getByTestId('profile-name').innerText()).toBe('Asha Verma');
  });

  it('says who to contact on a 403 and asks again on "Try again"', async () => {
    mock.me = 'forbidden';
    const page = await open();
    await signIn(page, '/tab/', 'Asha Verma');
    const alert = page.getByRole('alert');
    await alert.getByText("You don't have access to Upward yet").waitFor();
    expect(await alert.innerText()).toContain('Ask your program admin (HR or Learning & Development)');
    expect(mock.meRequests).toHaveLength(1);
    mock.me = 'ok';
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.getByTestId('profile-name').waitFor();
    expect(mock.meRequests).toHaveLength(2);
    expect(mock.authorizeRequests).toHaveLength(1);
  });

  it('signs out, stays signed out across reloads, and signs in again on request', async () => {
    const page = await open();
    await signIn(page, '/tab/', 'Asha Verma');
    await page.getByTestId('profile-name').waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { level: 1, name: 'You are signed out of Upward' }).waitFor();
    expect(await session(page, 'upward.tab.token')).toBeNull();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'You are signed out of Upward' }).waitFor();
    expect(mock.authorizeRequests).toHaveLength(1);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(AUTHORIZE);
    expect(mock.authorizeRequests).toHaveLength(2);
  });
});

describe('accessibility of the states around the profile', () => {
  it('has no serious or critical axe violations while loading, on errors, in the admin view and signed out', async () => {
    const page = await open();
    await signIn(page, '/tab/?theme=dark', 'Priya Natarajan');
    await page.getByTestId('profile-name').waitFor();

    mock.meDelayMs = 5_000;
    await page.goto(`${mock.url}/tab/`);
    await page.locator('[data-testid="profile-card"][aria-busy="true"]').waitFor();
    expect(await seriousAxeViolations(page), 'loading').toEqual([]);

    mock.meDelayMs = 0;
    mock.me = 'forbidden';
    await page.goto(`${mock.url}/tab/?theme=contrast`);
    await page.getByRole('alert').waitFor();
    expect(await seriousAxeViolations(page), '403 in high contrast').toEqual([]);

    mock.me = 'ok';
    await page.goto(`${mock.url}/tab/?view=admin&theme=dark`);
    await page.getByRole('heading', { level: 1, name: 'Program admin' }).waitFor();
    expect(await seriousAxeViolations(page), 'admin view in dark').toEqual([]);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { level: 1, name: 'You are signed out of Upward' }).waitFor();
    expect(await seriousAxeViolations(page), 'signed out').toEqual([]);
  }, 90_000);
});

describe('host detection', () => {
  it('does not wait for a host when ?host=teams is opened outside a frame', async () => {
    const page = await open();
    const started = Date.now();
    await page.goto(`${mock.url}/tab/?host=teams`);
    await page.waitForURL(AUTHORIZE);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(blockedRequests(page)).toEqual([]); // teams-js (and its CDN fetch) never loaded
  });

  it('gives up on a frame that is not Teams after its own 5 s guard, not teams-js 60 s', async () => {
    const page = await open();
    const logs: string[] = [];
    page.on('console', (message) => logs.push(message.text()));
    const started = Date.now();
    await page.goto(`${mock.url}/frame.html`);
    const frame = page.frames().find((f) => f !== page.mainFrame())!;
    await frame.waitForURL(AUTHORIZE, { timeout: 15_000 });
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(4_500);
    expect(elapsed).toBeLessThan(10_000);
    expect(logs.some((line) => line.includes('running outside Teams (host did not answer'))).toBe(true);
  }, 30_000);
});
