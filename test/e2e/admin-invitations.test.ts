/**
 * An admin invites a person by user principal name with a role from the program page: a missing
 * name is marked on its field with the server's words, a valid invitation appears as waiting,
 * and once the person enrols themself it shows as enrolled. The page passes axe.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DevPerson } from '../../src/devtenant/dev-tenant.ts';
import { seriousAxeViolations } from '../browser/axe.ts';
import { blockedRequests, newPage, screenshot } from '../browser/chromium.ts';
import { createEnrollingProgram, pickCohort, type AppFixture } from '../programs/app-fixture.ts';
import { juniorForm, PROGRAM } from '../programs/program-forms.ts';
import { closeTabJourney, openProgramAsAdmin, startTabJourney } from './tab-journey-helpers.ts';

const NAME = 'Invitations e2e';
let fx: AppFixture;
let browser: Browser;
let page: Page;
let admin: DevPerson;
let invitee: DevPerson;
let programId: string;

beforeAll(async () => {
  ({ fx, browser } = await startTabJourney());
  admin = fx.admins()[0]!;
  invitee = pickCohort(fx.people(), 1).juniors[0]!;
  programId = await createEnrollingProgram(fx, admin, { ...PROGRAM, name: NAME });
  page = await newPage(browser);
}, 240_000);

afterAll(() => closeTabJourney({ fx, browser }));

describe('invitations in the admin view', () => {
  it('marks a missing person on its field, then lists a sent invitation as waiting', async () => {
    await openProgramAsAdmin(page, fx.app.url, admin, NAME);
    const panel = page.getByTestId('invitations');
    await panel.getByText('No invitations yet').waitFor();
    await panel.getByRole('button', { name: 'Invite', exact: true }).click();
    await panel.getByText('Name the person by directory id or user principal name').first().waitFor();
    expect(await panel.getByRole('textbox', { name: /Person/ }).getAttribute('aria-invalid')).toBe('true');

    await panel.getByRole('textbox', { name: /Person/ }).fill(invitee.userPrincipalName);
    await panel.getByRole('combobox', { name: 'Role' }).selectOption('mentor');
    await panel.getByRole('button', { name: 'Invite', exact: true }).click();
    const table = panel.getByRole('table', { name: 'Invitations' });
    await table.waitFor();
    const rows = (await table.getByRole('row').allInnerTexts()).slice(1).map((r) => r.replace(/\s+/g, ' ').trim());
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatch(new RegExp(`^${invitee.displayName} Mentor \\(junior\\) Waiting `));
    expect(await panel.getByRole('textbox', { name: /Person/ }).getAttribute('aria-invalid')).not.toBe('true');
    const listed = await fx.call(admin, 'GET', `/programs/${programId}/invitations`);
    expect(listed.body.invitations.map((i: { userId: string; status: string }) => [i.userId, i.status])).toEqual([[invitee.id, 'pending']]);
    await screenshot(page, 'admin-invitations');
    expect(await seriousAxeViolations(page)).toEqual([]);
  }, 90_000);

  it('shows the invitation as enrolled once the person enrols themself', async () => {
    expect((await fx.call(invitee, 'POST', `/programs/${programId}/enrolment`, juniorForm())).status).toBe(201);
    await page.reload();
    await page.getByRole('button', { name: `Open ${NAME}` }).click();
    const table = page.getByTestId('invitations').getByRole('table', { name: 'Invitations' });
    await table.getByText('Enrolled', { exact: true }).waitFor();
    expect(await table.getByText('Waiting', { exact: true }).count()).toBe(0);
    expect(blockedRequests(page)).toEqual([]);
  }, 60_000);
});
