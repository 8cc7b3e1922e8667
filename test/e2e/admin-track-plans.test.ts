/**
 * An admin gives a program's topic tracks their session plans in the tab's program form: a bad
 * topic is refused with the error under that track's plan and nothing saved; a good plan is
 * stored and comes back through the API, in the order typed.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DevPerson } from '../../src/devtenant/dev-tenant.ts';
import { newPage, screenshot } from '../browser/chromium.ts';
import { type AppFixture } from '../programs/app-fixture.ts';
import { PROGRAM } from '../programs/program-forms.ts';
import { closeTabJourney, openProgramAsAdmin, startTabJourney } from './tab-journey-helpers.ts';

let fx: AppFixture;
let browser: Browser;
let page: Page;
let admin: DevPerson;
let id: string;

beforeAll(async () => {
  ({ fx, browser } = await startTabJourney());
  admin = fx.admins()[0]!;
  // Created as the API allowed before plans existed: no trackPlans at all.
  const created = await fx.call(admin, 'POST', '/programs', { ...PROGRAM, name: 'Plans e2e', topicTracks: ['GenAI tools', 'Strategy'] });
  expect(created.status).toBe(201);
  expect(created.body.program.trackPlans).toEqual([]);
  id = created.body.program.id;
  page = await newPage(browser);
}, 240_000);

afterAll(() => closeTabJourney({ fx, browser }));

const stored = async () => (await fx.call(admin, 'GET', `/programs/${id}`)).body.program.trackPlans;

it('edits the session plan of a track in the program form, with errors in place', async () => {
  await openProgramAsAdmin(page, fx.app.url, admin, 'Plans e2e');
  await page.getByRole('button', { name: 'Edit settings' }).click();
  const form = page.getByTestId('program-form');
  const topics = form.getByLabel('Session topics: Strategy');
  await topics.fill(`How a budget is made\n${'x'.repeat(201)}`);
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect.poll(() => form.getByText('A session topic can be at most 200 characters').count()).toBe(1);
  expect(await stored()).toEqual([]);
  await screenshot(page, 'admin-track-plan-error');

  await topics.fill('How a budget is made\nSaying no to a good idea\n\nReading a board paper');
  await form.getByLabel('Reflection questions: Strategy').fill('Which decision this week had a trade-off?\nWho did you say no to?');
  await form.getByRole('button', { name: 'Save changes' }).click();
  await page.getByTestId('track-plan-summary').waitFor();
  await expect.poll(() => page.getByTestId('track-plan-summary').innerText()).toBe('Strategy (3 sessions)');
  expect(await stored()).toEqual([
    {
      track: 'Strategy',
      sessionTopics: ['How a budget is made', 'Saying no to a good idea', 'Reading a board paper'],
      reflectionQuestions: ['Which decision this week had a trade-off?', 'Who did you say no to?'],
    },
  ]);
}, 120_000);
