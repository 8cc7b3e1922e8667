/**
 * A participant adds things to talk about to their pair's backlog in My mentoring: bad input
 * (nothing written, too long, a link that is not a web address) gets a message beside the field
 * and stores nothing; a good item appears at once, with its link, and the partner sees it as
 * theirs to read. Accessible with the form's error state showing.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DevPerson } from '../../src/devtenant/dev-tenant.ts';
import { seriousAxeViolations } from '../browser/axe.ts';
import { blockedRequests, newPage, screenshot } from '../browser/chromium.ts';
import { pickCohort, publishProgram, type AppFixture } from '../programs/app-fixture.ts';
import { PROGRAM } from '../programs/program-forms.ts';
import { closeTabJourney, signInToTab, startTabJourney } from './tab-journey-helpers.ts';

let fx: AppFixture;
let browser: Browser;
let page: Page;
let junior: DevPerson;
let senior: DevPerson;
let pairingId: string;

beforeAll(async () => {
  ({ fx, browser } = await startTabJourney());
  const admin = fx.admins()[0]!;
  const cohort = pickCohort(fx.people(), 1, 1);
  senior = cohort.seniors[0]!;
  junior = cohort.juniors.find((j) => j !== cohort.underFirstSenior)!;
  const { pairings } = await publishProgram(fx, admin, { ...PROGRAM, name: 'Backlog e2e' }, { mentees: [senior], mentors: [junior] });
  pairingId = pairings[0]!.id;
  page = await newPage(browser);
}, 240_000);

afterAll(() => closeTabJourney({ fx, browser }));

const stored = async (): Promise<Array<{ text: string; link: string | null }>> => (await fx.call(junior, 'GET', `/me/pairings/${pairingId}/backlog`)).body.items;

describe('adding to the pair’s backlog from My mentoring', () => {
  it('shows why bad input is refused, beside the field, and stores nothing', async () => {
    await signInToTab(page, fx.app.url, junior);
    const form = page.getByTestId('backlog-form');
    await form.waitFor({ timeout: 30_000 });
    const text = form.getByRole('textbox', { name: /Something to talk about/ });
    const link = form.getByRole('textbox', { name: /Link/ });
    const add = form.getByRole('button', { name: 'Add to backlog' });

    await add.click();
    await form.getByText('Write what you want to talk about').waitFor();
    expect(await text.getAttribute('aria-invalid')).toBe('true');

    await text.fill('x'.repeat(501));
    await add.click();
    await form.getByText(/at most 500 characters/).waitFor();

    await text.fill('How my team uses Copilot');
    await link.fill('ftp://files.example/notes');
    await add.click();
    await form.getByText('A link must start with https:// or http://').waitFor();
    expect(await link.getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'participant-backlog-invalid');
    expect(await seriousAxeViolations(page), 'axe with the field errors showing').toEqual([]);
    expect(await stored()).toEqual([]);
  }, 90_000);

  it('adds a good item at once, with its link, and clears the form', async () => {
    const form = page.getByTestId('backlog-form');
    await form.getByRole('textbox', { name: /Link/ }).fill('https://contoso.sharepoint.com/copilot-notes');
    await form.getByRole('button', { name: 'Add to backlog' }).click();
    const list = page.getByTestId('my-backlog');
    await list.getByRole('link', { name: 'How my team uses Copilot' }).waitFor();
    expect(await list.getByRole('link', { name: 'How my team uses Copilot' }).getAttribute('href')).toBe('https://contoso.sharepoint.com/copilot-notes');
    expect(await list.innerText()).toContain('added by you');
    expect(await form.getByRole('textbox', { name: /Something to talk about/ }).inputValue()).toBe('');
    expect(await form.getByText('A link must start with https:// or http://').count()).toBe(0);
    expect(await stored()).toEqual([expect.objectContaining({ text: 'How my team uses Copilot', link: 'https://contoso.sharepoint.com/copilot-notes' })]);
    await screenshot(page, 'participant-backlog-added');
    expect(blockedRequests(page)).toEqual([]);
  }, 60_000);

  it('shows the item to the partner, added by the participant', async () => {
    const partner = await newPage(browser);
    await signInToTab(partner, fx.app.url, senior);
    const list = partner.getByTestId('my-backlog');
    await list.waitFor({ timeout: 30_000 });
    expect(await list.innerText()).toContain(`How my team uses Copilot added by ${junior.displayName}`);
    await partner.close();
  }, 60_000);
});
