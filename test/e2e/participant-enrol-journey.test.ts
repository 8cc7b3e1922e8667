/**
 * A participant enrols in an open program from their personal tab: the directory prefill is shown,
 * the server's field errors appear under the fields, and they can edit, pause, resume and leave.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DevPerson } from '../../src/devtenant/dev-tenant.ts';
import { seriousAxeViolations } from '../browser/axe.ts';
import { blockedRequests, newPage, screenshot } from '../browser/chromium.ts';
import { createEnrollingProgram, pickCohort, type AppFixture } from '../programs/app-fixture.ts';
import { PROGRAM } from '../programs/program-forms.ts';
import { closeTabJourney, signInToTab, startTabJourney } from './tab-journey-helpers.ts';

let fx: AppFixture;
let browser: Browser;
let page: Page;
let junior: DevPerson;
let programId: string;

beforeAll(async () => {
  ({ fx, browser } = await startTabJourney());
  const admin = fx.admins()[0]!;
  junior = pickCohort(fx.people(), 1).juniors[0]!;
  programId = await createEnrollingProgram(fx, admin, PROGRAM);
  page = await newPage(browser);
}, 240_000);

afterAll(() => closeTabJourney({ fx, browser }));

const card = () => page.getByRole('group', { name: PROGRAM.name }).or(page.getByTestId('my-program'));
const status = () => page.getByTestId('my-enrolment-status').innerText();

describe('a participant enrols and manages their enrolment', () => {
  it('shows the open program and the empty pair state', async () => {
    await signInToTab(page, fx.app.url, junior);
    await page.getByTestId('my-program').waitFor();
    expect(await status()).toBe('Not enrolled');
    expect(await page.getByTestId('my-pairs').innerText()).toContain('No pair yet');
  });

  it('enrols with the directory prefill, after fixing what the server refused', async () => {
    await card().getByRole('button', { name: 'Enrol' }).click();
    const form = page.getByTestId('enrolment-form');
    await form.getByTestId('enrolment-prefill').waitFor();
    expect(await form.getByTestId('enrolment-prefill').innerText()).toContain(junior.displayName);
    expect(await form.getByTestId('enrolment-prefill').innerText()).toContain(junior.department);

    // Nothing to teach: the server says so under that field.
    await form.getByRole('button', { name: 'Enrol' }).click();
    await expect.poll(() => form.getByText('Add at least one entry to canTeach').count()).toBe(1);
    await screenshot(page, 'participant-enrol-errors');

    await form.getByLabel('I can teach').fill('GenAI tools, TikTok');
    await form.getByLabel('I want to learn').fill('Strategy');
    await form.getByRole('button', { name: 'Enrol' }).click();
    await expect.poll(status).toBe('Enrolled as mentor');
    const own = await fx.call(junior, 'GET', `/programs/${programId}/enrolment`);
    expect(own.body.enrolment.canTeach).toEqual(['GenAI tools', 'TikTok']);
    expect(own.body.enrolment.profile.displayName).toBe(junior.displayName);
  });

  it('edits the answers', async () => {
    await card().getByRole('button', { name: 'Edit my answers' }).click();
    const form = page.getByTestId('enrolment-form');
    expect(await form.getByLabel('I can teach').inputValue()).toBe('GenAI tools, TikTok');
    await form.getByLabel('I want to learn').fill('Strategy, Leadership');
    await form.getByRole('button', { name: 'Save answers' }).click();
    await expect.poll(() => card().innerText()).toContain('you want to learn Strategy, Leadership');
  });

  it('pauses, resumes and leaves', async () => {
    await card().getByRole('button', { name: 'Pause' }).click();
    const until = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    await card().getByLabel('Pause until').fill(until);
    await card().getByRole('button', { name: 'Pause', exact: true }).click();
    await expect.poll(status).toBe('Paused');
    expect((await fx.call(junior, 'GET', `/programs/${programId}/enrolment`)).body.enrolment.status).toBe('paused');

    await card().getByRole('button', { name: 'Resume' }).click();
    await expect.poll(status).toBe('Enrolled as mentor');

    await card().getByRole('button', { name: 'Leave' }).click();
    await card().getByRole('button', { name: 'Leave the program' }).click();
    await expect.poll(status).toBe('Left');
    expect((await fx.call(junior, 'GET', `/programs/${programId}/enrolment`)).body.enrolment.status).toBe('left');
  });

  it('has no serious or critical accessibility violations in the default, dark and high-contrast themes', async () => {
    for (const theme of ['default', 'dark', 'contrast'] as const) {
      await page.goto(`${fx.app.url}/tab/?theme=${theme}`);
      await page.getByTestId('my-program').waitFor();
      await screenshot(page, `participant-view-${theme}`);
      expect(await seriousAxeViolations(page), `axe in the ${theme} theme`).toEqual([]);
    }
    expect(blockedRequests(page)).toEqual([]);
  }, 60_000);
});
