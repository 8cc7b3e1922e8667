/**
 * A program admin runs a program in the browser from creation to publish and schedules it,
 * watching the progress bar; then a participant sees their pair. The whole app runs (server,
 * development tenant, built tab); participants enrol through the API with their own tokens.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DevPerson } from '../../src/devtenant/dev-tenant.ts';
import { seriousAxeViolations } from '../browser/axe.ts';
import { blockedRequests, newPage, screenshot } from '../browser/chromium.ts';
import { pickCohort, type AppFixture } from '../programs/app-fixture.ts';
import { juniorForm, seniorForm } from '../programs/program-forms.ts';
import { closeTabJourney, signInToTab, startTabJourney } from './tab-journey-helpers.ts';

let fx: AppFixture;
let browser: Browser;
let page: Page;
let admin: DevPerson;
let seniors: DevPerson[];
let juniors: DevPerson[];
const NAME = 'Reverse mentoring e2e';

beforeAll(async () => {
  ({ fx, browser } = await startTabJourney());
  admin = fx.admins()[0]!;
  const cohort = pickCohort(fx.people(), 3, 1);
  seniors = cohort.seniors;
  // Leave out the junior who reports to a senior, so every swap between pairs is allowed.
  juniors = cohort.juniors.filter((j) => j !== cohort.underFirstSenior).slice(0, 3);
  expect(seniors).toHaveLength(3);
  expect(juniors).toHaveLength(3);
  page = await newPage(browser);
}, 240_000);

afterAll(() => closeTabJourney({ fx, browser }));

const programIdOf = async (): Promise<string> => {
  const list = await fx.call(admin, 'GET', '/programs');
  return list.body.programs.find((p: { name: string }) => p.name === NAME).id;
};
const pairNames = async (): Promise<string[]> => page.getByTestId('proposed-pair').locator('.fui-CardHeader__header').allInnerTexts();

describe('an admin runs a program from creation to a scheduled cohort', () => {
  it('creates the program, showing the server’s field errors in place first', async () => {
    await signInToTab(page, fx.app.url, admin, '?view=admin');
    await page.getByRole('button', { name: 'New program' }).click();
    const form = page.getByTestId('program-form');
    // Empty name and a term that ends before it starts: both errors appear under their fields.
    await form.getByLabel('Term ends').fill('2020-01-01');
    await form.getByRole('button', { name: 'Create program' }).click();
    await expect.poll(() => form.getByText('Name is required').count()).toBeGreaterThan(0);
    await expect.poll(() => form.getByText('The term must end after it starts').count()).toBe(1);
    expect(await form.getByRole('alert', { name: 'Could not create the program.' }).count()).toBe(1);
    await screenshot(page, 'admin-program-form-errors');
    expect(await page.getByTestId('program-detail').count()).toBe(0);

    await form.getByLabel('Name').fill(NAME);
    const nextYear = new Date().getFullYear() + 1;
    await form.getByLabel('Term ends').fill(`${nextYear}-06-30`);
    await form.getByLabel('Minimum seniority gap (levels)').fill('1');
    await form.getByRole('button', { name: 'Create program' }).click();
    await page.getByTestId('program-detail').waitFor();
    expect(await page.getByTestId('program-state').innerText()).toBe('Draft');
    expect(await page.getByRole('heading', { level: 2, name: NAME }).count()).toBe(1);
  });

  it('opens enrolment, lists who enrolled, and closes it for matching', async () => {
    await page.getByRole('button', { name: 'Open enrolment' }).click();
    await expect.poll(() => page.getByTestId('program-state').innerText()).toBe('Enrolling');
    const id = await programIdOf();
    for (const senior of seniors) expect((await fx.call(senior, 'POST', `/programs/${id}/enrolment`, seniorForm())).status).toBe(201);
    for (const junior of juniors) expect((await fx.call(junior, 'POST', `/programs/${id}/enrolment`, juniorForm())).status).toBe(201);

    await page.getByRole('button', { name: 'Close enrolment and start matching' }).click();
    await expect.poll(() => page.getByTestId('program-state').innerText()).toBe('Matching');
    await expect.poll(() => page.getByTestId('enrolment-count').innerText().catch(() => '')).toBe('Showing 6 of 6 enrolled (3 mentors, 3 mentees)');
    await page.getByTestId('enrolments').getByLabel('Role').selectOption('mentee');
    expect(await page.getByTestId('enrolment-count').innerText()).toContain('Showing 3 of 6');
    const rows = await page.getByRole('table', { name: 'Enrolments' }).getByRole('row').allInnerTexts();
    for (const senior of seniors) expect(rows.some((r) => r.includes(senior.displayName))).toBe(true);
    for (const junior of juniors) expect(rows.some((r) => r.includes(junior.displayName))).toBe(false);
  });

  it('runs matching, locks, swaps, re-runs and publishes', async () => {
    await page.getByRole('button', { name: 'Run matching' }).click();
    await page.getByTestId('proposed-pairs').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('proposed-pair').count()).toBe(3);
    expect(await page.getByTestId('proposed-pair').first().getByRole('list', { name: 'Why they were paired' }).getByRole('listitem').count()).toBeGreaterThan(0);
    await screenshot(page, 'admin-proposal');

    const cards = page.getByTestId('proposed-pair');
    await cards.nth(0).getByRole('button', { name: /^Lock / }).click();
    await expect.poll(() => cards.nth(0).getByText('Locked').count()).toBe(1);
    const locked = (await pairNames())[0]!;

    const before = await pairNames();
    await cards.nth(1).getByLabel('Select to swap').check();
    await cards.nth(2).getByLabel('Select to swap').check();
    await page.getByRole('button', { name: 'Swap partners of the 2 selected pairs' }).click();
    await expect.poll(async () => (await pairNames()).join('|')).not.toBe(before.join('|'));
    const after = await pairNames();
    // The same people, the mentees exchanged between the two unlocked pairs; the locked pair untouched.
    const mentorsOf = (names: string[]) => names.map((n) => n.split(' → ')[0]).sort();
    const menteesOf = (names: string[]) => names.map((n) => n.split(' → ')[1]).sort();
    expect(mentorsOf(after)).toEqual(mentorsOf(before));
    expect(menteesOf(after)).toEqual(menteesOf(before));
    expect(after).toContain(locked);

    await page.getByRole('button', { name: 'Re-run (keeps locked pairs)' }).click();
    await page.getByTestId('proposal-summary').waitFor({ timeout: 30_000 });
    await expect.poll(async () => (await pairNames()).includes(locked), { timeout: 30_000 }).toBe(true);

    await page.getByRole('button', { name: /^Publish \d+ pairs$/ }).click();
    await expect.poll(() => page.getByTestId('program-state').innerText(), { timeout: 15_000 }).toBe('Active');
    await page.getByRole('table', { name: 'Pairs' }).waitFor();
    expect(await page.getByRole('table', { name: 'Pairs' }).getByRole('row').count()).toBe(4); // header + 3 pairs
    await screenshot(page, 'admin-published');
  }, 120_000);

  it('schedules the cohort with a live progress bar and each pair’s result', async () => {
    await page.getByRole('button', { name: 'Schedule the cohort' }).click();
    const percents = new Set<string>();
    const deadline = Date.now() + 90_000;
    while (Date.now() < deadline) {
      const text = await page.getByTestId('schedule-percent').innerText().catch(() => '');
      if (text !== '') percents.add(text);
      if (text === '100% done' && (await page.getByText(/^Finished:/).count()) > 0) break;
      await page.waitForTimeout(100);
    }
    expect([...percents]).toContain('100% done');
    expect(await page.getByTestId('schedule-progress').getAttribute('aria-valuetext')).toBe('100%');
    const results = page.getByTestId('schedule-pairs').getByRole('row');
    await expect.poll(() => results.count()).toBe(4);
    const resultTexts = (await results.allInnerTexts()).slice(1);
    for (const row of resultTexts) expect(row).toMatch(/Booked|No shared time|Failed/);
    await screenshot(page, 'admin-scheduled');
  }, 120_000);

  it('has no serious or critical accessibility violations in the default, dark and high-contrast themes', async () => {
    for (const theme of ['default', 'dark', 'contrast'] as const) {
      await page.goto(`${fx.app.url}/tab/?view=admin&theme=${theme}`);
      await page.getByRole('button', { name: `Open ${NAME}` }).click();
      await page.getByTestId('proposal-published').waitFor();
      await page.getByTestId('schedule-pairs').waitFor();
      await screenshot(page, `admin-view-${theme}`);
      expect(await seriousAxeViolations(page), `axe in the ${theme} theme`).toEqual([]);
    }
    expect(blockedRequests(page)).toEqual([]);
  }, 90_000);
});

describe('a participant sees their pair', () => {
  it('shows the partner and why they were paired, with no accessibility violations', async () => {
    const junior = juniors[1]!;
    const mine = await fx.call(junior, 'GET', '/me/pairings');
    const partnerName = mine.body.pairings[0].partners[0].displayName as string;
    const participant = await newPage(browser);
    await signInToTab(participant, fx.app.url, junior);
    await participant.getByTestId('my-pair').waitFor();
    expect(await participant.getByTestId('my-pair-partner').innerText()).toBe(partnerName);
    expect(await participant.getByTestId('my-pair-reasons').getByRole('listitem').count()).toBe(mine.body.pairings[0].reasons.length);
    expect(await participant.getByTestId('my-enrolment-status').innerText()).toBe('Enrolled as mentor');
    await screenshot(participant, 'participant-pair');
    expect(await seriousAxeViolations(participant)).toEqual([]);
    await participant.close();
  });
});
