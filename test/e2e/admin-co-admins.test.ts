/**
 * A program's owner shares it with another program admin from the program's page: a bad entry
 * gets a message beside the field; the co-admin then lists and opens the program but cannot add
 * anyone; once removed, the program is gone from their list. Accessible in the owner's view.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DevPerson } from '../../src/devtenant/dev-tenant.ts';
import { seriousAxeViolations } from '../browser/axe.ts';
import { blockedRequests, newPage, screenshot } from '../browser/chromium.ts';
import { type AppFixture } from '../programs/app-fixture.ts';
import { PROGRAM } from '../programs/program-forms.ts';
import { closeTabJourney, openProgramAsAdmin, signInToTab, startTabJourney } from './tab-journey-helpers.ts';

const NAME = 'Shared program e2e';
let fx: AppFixture;
let browser: Browser;
let owner: DevPerson;
let coAdmin: DevPerson;
let ownerPage: Page;
let coAdminPage: Page;
let programId: string;

beforeAll(async () => {
  ({ fx, browser } = await startTabJourney());
  [owner, coAdmin] = fx.admins() as [DevPerson, DevPerson];
  programId = (await fx.call(owner, 'POST', '/programs', { ...PROGRAM, name: NAME })).body.program.id;
  ownerPage = await newPage(browser);
  coAdminPage = await newPage(browser);
}, 240_000);

afterAll(() => closeTabJourney({ fx, browser }));

const admins = async () => (await fx.call(owner, 'GET', `/programs/${programId}/admins`)).body.admins.map((a: { userId: string; role: string }) => [a.userId, a.role]);

describe('sharing a program with a co-admin', () => {
  it('keeps the program out of another admin’s list until the owner adds them', async () => {
    await signInToTab(coAdminPage, fx.app.url, coAdmin, '?view=admin');
    await coAdminPage.getByTestId('program-list').waitFor({ timeout: 30_000 });
    // They run no program of their own here, so their list is empty once loaded.
    await coAdminPage.getByText('No programs yet').waitFor();
    expect(await coAdminPage.getByRole('button', { name: `Open ${NAME}` }).count()).toBe(0);
  }, 60_000);

  it('lets the owner add a co-admin, with a message beside the field for a bad entry', async () => {
    await openProgramAsAdmin(ownerPage, fx.app.url, owner, NAME);
    const panel = ownerPage.getByTestId('program-admins');
    await panel.getByRole('table', { name: 'Program admins' }).waitFor({ timeout: 30_000 });
    expect((await panel.getByRole('row').allInnerTexts())[1]).toContain(`${owner.displayName}\tOwner`);

    const field = panel.getByRole('textbox', { name: /Co-admin/ });
    await panel.getByRole('button', { name: 'Add co-admin' }).click();
    await panel.getByText('Name the person by directory id or user principal name').waitFor();
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await admins()).toEqual([[owner.id, 'owner']]);

    await field.fill(coAdmin.userPrincipalName);
    await panel.getByRole('button', { name: 'Add co-admin' }).click();
    await panel.getByRole('row', { name: new RegExp(coAdmin.displayName) }).waitFor();
    expect(await panel.getByRole('row', { name: new RegExp(coAdmin.displayName) }).innerText()).toContain('Co-admin');
    expect(await field.inputValue()).toBe('');
    expect(await admins()).toEqual([[owner.id, 'owner'], [coAdmin.id, 'co-admin']]);
    await screenshot(ownerPage, 'admin-co-admins');
    expect(await seriousAxeViolations(ownerPage)).toEqual([]);
  }, 60_000);

  it('shows the co-admin the program, without the controls only the owner has', async () => {
    await coAdminPage.reload();
    await coAdminPage.getByRole('button', { name: `Open ${NAME}` }).click();
    const panel = coAdminPage.getByTestId('program-admins');
    await panel.getByText('Only the owner can add or remove admins.').waitFor({ timeout: 30_000 });
    expect(await panel.getByRole('textbox').count()).toBe(0);
    expect(await panel.getByRole('button', { name: /^Remove/ }).count()).toBe(0);
  }, 60_000);

  it('lets the owner remove the co-admin, who then no longer has the program', async () => {
    const panel = ownerPage.getByTestId('program-admins');
    await panel.getByRole('button', { name: `Remove ${coAdmin.displayName}` }).click();
    await panel.getByRole('row', { name: new RegExp(coAdmin.displayName) }).waitFor({ state: 'detached' });
    expect(await admins()).toEqual([[owner.id, 'owner']]);
    await coAdminPage.goto(`${fx.app.url}/tab/?view=admin`);
    await coAdminPage.getByTestId('program-list').waitFor({ timeout: 30_000 });
    await coAdminPage.getByText('No programs yet').waitFor();
    expect(await coAdminPage.getByRole('button', { name: `Open ${NAME}` }).count()).toBe(0);
    expect(blockedRequests(ownerPage)).toEqual([]);
  }, 60_000);
});
