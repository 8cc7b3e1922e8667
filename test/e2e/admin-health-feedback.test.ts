/**
 * An admin opens a program whose pairs have answered after their sessions and sees real numbers
 * in its health: held sessions per week (a meeting a pair logged themselves included once),
 * feedback completion, the average rating, and ratings by theme from the track's session plan,
 * with themes under five people only together as "Other themes"; never a word anyone wrote. The
 * page passes axe in the default, dark and high-contrast themes.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DevPerson } from '../../src/devtenant/dev-tenant.ts';
import { seriousAxeViolations } from '../browser/axe.ts';
import { blockedRequests, newPage, screenshot } from '../browser/chromium.ts';
import { pickCohort, publishProgram, type AppFixture } from '../programs/app-fixture.ts';
import { expectedHealth, FEEDBACK_SECRET, HEALTH_PROGRAM, seedProgramFeedback } from '../server/program-health-feedback-seed.ts';
import { closeTabJourney, openProgramAsAdmin, startTabJourney } from './tab-journey-helpers.ts';

let fx: AppFixture;
let browser: Browser;
let page: Page;
let admin: DevPerson;
let pairCount: number;
const NAME = 'Health with feedback e2e';
const MONDAY = Date.UTC(2025, 0, 6, 10);

const rowsOf = async (table: ReturnType<Page['getByRole']>) => (await table.getByRole('row').allInnerTexts()).slice(1).map((row) => row.replace(/\s+/g, ' ').trim());

beforeAll(async () => {
  ({ fx, browser } = await startTabJourney());
  admin = fx.admins()[0]!;
  const cohort = pickCohort(fx.people(), 6);
  const { id, pairings } = await publishProgram(fx, admin, { ...HEALTH_PROGRAM, name: NAME }, { mentees: cohort.seniors, mentors: cohort.juniors });
  pairCount = pairings.length;
  await seedProgramFeedback(fx.app.store.db, fx.tenantId, id, pairings, MONDAY);
  page = await newPage(browser);
}, 240_000);

afterAll(() => closeTabJourney({ fx, browser }));

describe('program health with stored feedback in the admin view', () => {
  it('shows held sessions, completion, the average rating and ratings by theme as numbers', async () => {
    const expected = expectedHealth(pairCount);
    await openProgramAsAdmin(page, fx.app.url, admin, NAME);
    const health = page.getByTestId('program-health');
    await health.getByRole('table', { name: 'Ratings by theme' }).waitFor();

    expect(await health.getByTestId('held-sessions').innerText()).toBe(
      `${expected.held} / ${expected.planned} (${expected.planned} planned in all; ${expected.logged} of the held ones logged by pairs outside their booked series)`,
    );
    const { expected: due, received } = expected.completion;
    expect(await health.getByTestId('feedback-completion').innerText()).toBe(`${Math.round((received / due) * 1000) / 10}% (${received} of ${due} answers)`);
    expect(await health.getByTestId('average-rating').innerText()).toBe(`4 / 5 from ${expected.rating.people} people (${expected.rating.ratings} ratings)`);
    const { pairs: answered, bothWays, seniorTaughtOnly, people } = expected.reciprocity;
    expect(await health.getByTestId('learning-both-ways').innerText()).toBe(
      `${bothWays} of ${answered} pairs; ${seniorTaughtOnly} pair where only the senior taught (from ${people} people's latest answers)`,
    );
    expect(await rowsOf(health.getByRole('table', { name: 'Sessions per week' }))).toEqual([`2025-01-06 ${pairCount} 3`, `2025-01-13 ${pairCount} 3`, '2025-01-20 0 1']);

    const themes = await rowsOf(health.getByRole('table', { name: 'Ratings by theme' }));
    expect(themes).toEqual([
      'GenAI tools: Prompting basics 3 6 4.2 / 5',
      'Other themes GenAI tools, GenAI tools: Copilot in meetings: shown only together, so that no theme rated by fewer than 5 people can be worked out. 4 5 3.8 / 5',
    ]);
    expect(await page.content()).not.toContain(FEEDBACK_SECRET);
    await screenshot(page, 'admin-program-health-feedback');
  }, 60_000);

  it('has no serious or critical accessibility violations in the default, dark and high-contrast themes', async () => {
    for (const theme of ['default', 'dark', 'contrast'] as const) {
      await page.goto(`${fx.app.url}/tab/?view=admin&theme=${theme}`);
      await page.getByRole('button', { name: `Open ${NAME}` }).click();
      await page.getByTestId('program-health').getByRole('table', { name: 'Ratings by theme' }).waitFor();
      await screenshot(page, `admin-program-health-feedback-${theme}`);
      expect(await seriousAxeViolations(page), `axe in the ${theme} theme`).toEqual([]);
    }
    expect(blockedRequests(page)).toEqual([]);
  }, 90_000);
});
