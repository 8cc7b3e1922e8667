/**
 * An admin opens a running program in the browser and sees its health (sessions per week, a pair
 * at risk with its suggested action, one held session from stored feedback while the rating and
 * themes stay hidden because only two people answered) and
 * downloads the CSV export; the page is accessible and reaches nothing outside this machine.
 */
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DevPerson } from '../../src/devtenant/dev-tenant.ts';
import { seriousAxeViolations } from '../browser/axe.ts';
import { blockedRequests, newPage, screenshot } from '../browser/chromium.ts';
import { pickCohort, publishProgram, type AppFixture } from '../programs/app-fixture.ts';
import { PROGRAM } from '../programs/program-forms.ts';
import { feedbackKey } from '../../src/core/feedback/feedback.ts';
import { tenantId, userId } from '../../src/core/ids.ts';
import { pairId, sessionId } from '../../src/core/sessions/session.ts';
import { epochMs } from '../../src/core/time.ts';
import { feedbackRepository } from '../../src/store/feedback.ts';
import { seedBooking } from '../server/program-health-seed.ts';
import { closeTabJourney, openProgramAsAdmin, startTabJourney } from './tab-journey-helpers.ts';

let fx: AppFixture;
let browser: Browser;
let page: Page;
let admin: DevPerson;
let pairIds: string[];
const NAME = 'Health e2e';
const MONDAY = Date.UTC(2025, 0, 6, 10);
const WEEK = 7 * 86_400_000;

beforeAll(async () => {
  ({ fx, browser } = await startTabJourney());
  admin = fx.admins()[0]!;
  const cohort = pickCohort(fx.people(), 3, 1);
  const juniors = cohort.juniors.filter((j) => j !== cohort.underFirstSenior).slice(0, 3);
  const { id, pairings } = await publishProgram(fx, admin, { ...PROGRAM, name: NAME }, { mentees: cohort.seniors, mentors: juniors });
  pairIds = pairings.map((p) => p.id);
  expect(pairIds.length).toBeGreaterThanOrEqual(2);
  await seedBooking(fx.app.store.db, fx.tenantId, id, pairIds[0]!, 'booked', [{ start: MONDAY }, { start: MONDAY + WEEK }, { start: MONDAY + 2 * WEEK }]);
  // Both sides of the first pair say its first session was held and rate it: two people.
  const first = pairings[0]!;
  for (const [author, rating] of [[first.mentor.userId, 5], [first.mentee.userId, 2]] as const) {
    const session = sessionId(`booking-${pairIds[0]}#0`);
    const at = epochMs(MONDAY + 3_600_000);
    await feedbackRepository(fx.app.store.db).insert(tenantId(fx.tenantId), {
      key: feedbackKey(session, userId(author)), sessionId: session, pairId: pairId(pairIds[0]!), authorId: userId(author), sessionEnd: epochMs(MONDAY + 45 * 60_000),
      happened: 'held', rating, learned: 'PRIVATE learned', taught: '', action: '', privateNote: 'PRIVATE note', shareWithPartner: false, submittedAt: at, updatedAt: at, revision: 1,
    });
  }
  for (const pairId of pairIds.slice(1)) await seedBooking(fx.app.store.db, fx.tenantId, id, pairId, 'no_slot', [], { reasonCode: 'no_overlap', reason: 'No common free time' });
  page = await newPage(browser, { acceptDownloads: true });
}, 240_000);

afterAll(() => closeTabJourney({ fx, browser }));

describe('program health in the admin view', () => {
  it('shows sessions per week with the held one, pairs at risk with actions, and no feedback figure for under five people', async () => {
    await openProgramAsAdmin(page, fx.app.url, admin, NAME);
    const health = page.getByTestId('program-health');
    await health.getByRole('table', { name: 'Sessions per week' }).waitFor();
    const weeks = await health.getByRole('table', { name: 'Sessions per week' }).getByRole('row').allInnerTexts();
    expect(weeks.slice(1).map((row) => row.replace(/\s+/g, ' ').trim())).toEqual(['2025-01-06 1 1', '2025-01-13 1 0', '2025-01-20 1 0']);
    const atRisk = health.getByTestId('pairs-at-risk');
    expect(await atRisk.getByText('No meeting booked').count()).toBe(pairIds.length - 1);
    expect(await atRisk.getByText(/book the pair again from Scheduling/).count()).toBe(pairIds.length - 1);
    // One booked pair (two people) is all that could have answered: completion, rating and themes stay hidden.
    expect(await health.getByTestId('held-sessions').innerText()).toMatch(/^1 \/ 3 /);
    expect(await health.getByTestId('feedback-completion').innerText()).toBe('Fewer than 5 people: hidden to protect privacy');
    expect(await health.getByTestId('average-rating').innerText()).toBe('Fewer than 5 people: hidden to protect privacy');
    expect(await health.getByTestId('learning-both-ways').innerText()).toBe('Fewer than 5 people: hidden to protect privacy');
    expect(await health.getByTestId('themes-hidden').innerText()).toBe('Ratings by theme: Fewer than 5 people rated sessions: themes are hidden to protect privacy.');
    expect(await health.getByTestId('themes').count()).toBe(0);
    expect(await page.content()).not.toContain('PRIVATE');
    expect(await health.getByText('Upward does not record session feedback yet').count()).toBe(0);
    await screenshot(page, 'admin-program-health');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('downloads the CSV export with the pairs and booking results', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    expect(download.suggestedFilename()).toMatch(/^health-e2e-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.startsWith('Enrolments\r\n')).toBe(true);
    for (const pairId of pairIds) expect(csv).toContain(pairId);
    expect(csv).toContain(`${pairIds[1]},1,no_slot,no_overlap,No common free time`);
    expect(blockedRequests(page)).toEqual([]);
  });
});
