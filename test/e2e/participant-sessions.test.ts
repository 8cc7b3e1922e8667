/**
 * A participant whose pair is published and scheduled opens the personal tab: sees each session
 * of the series with its status, their time and the partner's, moves one session to a time the
 * dialog offers (both free), and sees it marked moved. The pages pass axe in the three themes.
 * The whole app runs (server, development tenant, built tab); the setup goes through the API.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DevPerson } from '../../src/devtenant/dev-tenant.ts';
import { seriousAxeViolations } from '../browser/axe.ts';
import { launchChromium, newPage, screenshot } from '../browser/chromium.ts';
import { ensureTabBuilt } from '../browser/tab-build.ts';
import { pickCohort, startAppFixture, waitForProposal, type AppFixture } from '../programs/app-fixture.ts';
import { juniorForm, PROGRAM, seniorForm } from '../programs/program-forms.ts';
import { signInToTab } from './tab-journey-helpers.ts';

let fx: AppFixture;
let browser: Browser;
let page: Page;
let junior: DevPerson;
let bookingId: string;

beforeAll(async () => {
  await ensureTabBuilt();
  fx = await startAppFixture();
  const admin = fx.admins()[0]!;
  const cohort = pickCohort(fx.people(), 1, 1);
  const senior = cohort.seniors[0]!;
  junior = cohort.juniors.find((j) => j !== cohort.underFirstSenior)!;
  const start = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
  const end = new Date(Date.now() + 70 * 86_400_000).toISOString().slice(0, 10);
  const program = { ...PROGRAM, name: 'Sessions e2e', cadence: 'weekly', term: { start: `${start}T00:00:00Z`, end: `${end}T00:00:00Z` } };
  const created = await fx.call(admin, 'POST', '/programs', program);
  expect(created.status).toBe(201);
  const programId = created.body.program.id as string;
  expect((await fx.call(admin, 'POST', `/programs/${programId}/transitions`, { to: 'enrolling' })).status).toBe(200);
  expect((await fx.call(senior, 'POST', `/programs/${programId}/enrolment`, seniorForm())).status).toBe(201);
  expect((await fx.call(junior, 'POST', `/programs/${programId}/enrolment`, juniorForm())).status).toBe(201);
  await fx.call(admin, 'POST', `/programs/${programId}/transitions`, { to: 'matching' });
  await fx.call(admin, 'POST', `/programs/${programId}/matching`);
  await waitForProposal(fx, admin, programId);
  expect((await fx.call(admin, 'POST', `/programs/${programId}/publish`)).status).toBe(200);
  const scheduled = await fx.call(admin, 'POST', `/programs/${programId}/schedule`, {});
  expect(scheduled.status).toBe(202);
  const deadline = Date.now() + 90_000;
  for (;;) {
    const run = await fx.call(admin, 'GET', `/scheduling/runs/${scheduled.body.runId}`);
    if (run.body.status === 'done') break;
    if (run.body.status === 'failed' || Date.now() > deadline) throw new Error(`scheduling: ${JSON.stringify(run.body)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const mine = await fx.call(junior, 'GET', '/me/bookings');
  expect(mine.body.bookings[0].state).toBe('booked');
  bookingId = mine.body.bookings[0].bookingId;
  browser = await launchChromium();
  page = await newPage(browser);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await fx?.close();
});

describe('a participant’s sessions', () => {
  it('lists every session of the series with its status and times', async () => {
    await signInToTab(page, fx.app.url, junior);
    await page.getByTestId('my-series').waitFor({ timeout: 30_000 });
    const booking = (await fx.call(junior, 'GET', `/scheduling/bookings/${bookingId}`)).body;
    const rows = page.getByTestId('my-session');
    expect(await rows.count()).toBe(booking.sessions.length);
    expect(await rows.first().getAttribute('data-status')).toBe('upcoming');
    expect(await rows.first().innerText()).toContain('Session 1:');
    await page.getByTestId('my-session-agenda').waitFor();
    await screenshot(page, 'participant-sessions');
  });

  it('names the viewer’s zone as the server does, not by the old name the browser reports', async () => {
    // Chromium reports India's zone under CLDR's old id; the tab shows the mailbox's zone from /api/me.
    const inIndia = await newPage(browser, { timezoneId: 'Asia/Kolkata' });
    try {
      expect(await inIndia.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe('Asia/Calcutta');
      await signInToTab(inIndia, fx.app.url, junior);
      await inIndia.getByTestId('my-series').waitFor({ timeout: 30_000 });
      const mailboxZone = (await fx.call(junior, 'GET', '/me')).body.profile.timeZone.iana as string;
      expect(await inIndia.getByTestId('my-series').innerText()).toContain(`Times in your zone (${mailboxZone})`);
      expect(await inIndia.locator('body').innerText()).not.toContain('Calcutta');
    } finally {
      await inIndia.close();
    }
  }, 60_000);

  it('moves one session to a free time the dialog offers', async () => {
    // The seeded calendars are busy: take the first upcoming session that has a free time near it.
    // The API counts sessions from 0; the screen from 1.
    const before = (await fx.call(junior, 'GET', `/scheduling/bookings/${bookingId}`)).body;
    let index = -1;
    let offered = '';
    for (const s of before.sessions) {
      if (s.status !== 'free' || Date.parse(s.start) <= Date.now()) continue;
      const alternatives = await fx.call(junior, 'GET', `/scheduling/bookings/${bookingId}/sessions/${s.index}/alternatives`);
      expect(alternatives.status).toBe(200);
      if (alternatives.body.alternatives.length > 0) {
        index = s.index;
        offered = alternatives.body.alternatives[0].start;
        break;
      }
    }
    expect(index).toBeGreaterThanOrEqual(0);
    await page.getByRole('button', { name: `Move session ${index + 1}`, exact: true }).click();
    const options = page.getByTestId('reschedule-options').getByRole('radio');
    await options.first().waitFor({ state: 'attached', timeout: 30_000 });
    expect(await options.count()).toBeGreaterThan(0);
    await options.first().check();
    await screenshot(page, 'participant-reschedule-dialog');
    await page.getByRole('button', { name: 'Book this time' }).click();
    const row = page.getByTestId('my-session').nth(index);
    // Either the dialog closes on success or it shows the server's refusal inline: fail with its words.
    await page.getByRole('dialog').getByRole('alert').or(row.and(page.locator('[data-status="moved"]'))).first().waitFor({ timeout: 30_000 });
    const alert = page.getByRole('dialog').getByRole('alert');
    expect((await alert.count()) === 0 ? '' : await alert.innerText()).toBe('');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    expect(await row.getAttribute('data-status')).toBe('moved');
    const after = (await fx.call(junior, 'GET', `/scheduling/bookings/${bookingId}`)).body;
    expect(after.sessions.find((s: any) => s.index === index)).toMatchObject({ status: 'moved', start: offered });
    await screenshot(page, 'participant-session-moved');
  }, 90_000);

  it('has no serious or critical accessibility violations in the default, dark and high-contrast themes', async () => {
    for (const theme of ['default', 'dark', 'contrast'] as const) {
      await page.goto(`${fx.app.url}/tab/?theme=${theme}`);
      await page.getByTestId('my-series').waitFor({ timeout: 30_000 });
      await page.getByTestId('my-learning-log-section').waitFor();
      await screenshot(page, `participant-sessions-${theme}`);
      expect(await seriousAxeViolations(page), `axe in the ${theme} theme`).toEqual([]);
    }
    await page.getByRole('button', { name: /^Move session/ }).first().click();
    await page.getByRole('dialog').getByText(/^Now:/).waitFor();
    await page.getByRole('dialog').getByRole('progressbar').waitFor({ state: 'detached', timeout: 30_000 });
    expect(await seriousAxeViolations(page), 'axe on the reschedule dialog').toEqual([]);
  }, 120_000);
});
