/**
 * A manager whose org has departments under five people, in the browser: the small ones are
 * folded into "Other departments" with the rule explained, and neither the page nor the API names
 * them or gives a figure from which a small group's count could be worked out. The organisation
 * comes from a scenario file, because the generated directory has no such mix.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DevPerson } from '../../src/devtenant/dev-tenant.ts';
import { seriousAxeViolations } from '../browser/axe.ts';
import { blockedRequests, newPage, screenshot } from '../browser/chromium.ts';
import { createEnrollingProgram, type AppFixture } from '../programs/app-fixture.ts';
import { juniorForm, PROGRAM } from '../programs/program-forms.ts';
import { closeTabJourney, signInToTab, startTabJourney } from './tab-journey-helpers.ts';

/** Morgan's org: Engineering 6, Support 5, Legal 2, Design 1 (14 people). */
const TEAMS: Array<[department: string, size: number, enrolled: number]> = [
  ['Engineering', 6, 3],
  ['Support', 5, 1],
  ['Legal', 2, 1],
  ['Design', 1, 0],
];
const SMALL_NAMES = ['Legal', 'Design'];

let folder: string;
let fx: AppFixture;
let browser: Browser;
let page: Page;
let manager: DevPerson;

function scenario(): object {
  const person = (displayName: string, department: string, level: number, managerUpn?: string, roles: string[] = []) => ({
    displayName,
    department,
    jobTitle: level >= 8 ? 'Director' : 'Analyst',
    level,
    timeZone: 'Europe/London',
    ...(managerUpn === undefined ? {} : { managerUpn }),
    roles,
  });
  const people = [
    person('Grace Hall', 'Executive', 10),
    person('Hana Admin', 'People', 6, 'grace.hall@fabrikam.example', ['ProgramAdmin']),
    person('Morgan Reyes', 'Engineering', 8, 'grace.hall@fabrikam.example'),
  ];
  for (const [department, size] of TEAMS) {
    for (let i = 1; i <= size; i++) people.push(person(`${department} Person${i}`, department, 3, 'morgan.reyes@fabrikam.example'));
  }
  return { scenario: 'A manager with small departments', organisation: { displayName: 'Fabrikam', domain: 'fabrikam.example' }, people };
}

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'upward-small-departments-'));
  const file = join(folder, 'small-departments.json');
  writeFileSync(file, JSON.stringify(scenario()));
  ({ fx, browser } = await startTabJourney({ DEVTENANT_SCENARIO: file }));
  const people = fx.people();
  manager = people.find((p) => p.displayName === 'Morgan Reyes')!;
  const admin = fx.admins()[0]!;
  expect(admin.displayName).toBe('Hana Admin');
  const programId = await createEnrollingProgram(fx, admin, { ...PROGRAM, name: 'Small departments e2e' });
  for (const [department, , enrolled] of TEAMS) {
    for (let i = 1; i <= enrolled; i++) {
      const person = people.find((p) => p.displayName === `${department} Person${i}`)!;
      expect((await fx.call(person, 'POST', `/programs/${programId}/enrolment`, juniorForm())).status).toBe(201);
    }
  }
  page = await newPage(browser);
}, 240_000);

afterAll(async () => {
  await closeTabJourney({ fx, browser });
  if (folder) rmSync(folder, { recursive: true, force: true });
});

describe('a manager with departments under five people', () => {
  it('shows the small departments folded into "Other departments", with the rule explained', async () => {
    await signInToTab(page, fx.app.url, manager, '?view=participation');
    const kpis = page.getByTestId('participation-kpis');
    await kpis.waitFor({ timeout: 30_000 });
    await expect.poll(() => kpis.getByLabel('People in your org: 14').count()).toBe(1);
    expect(await kpis.getByLabel('Enrolled: 5').count()).toBe(1);

    const chart = page.getByRole('table', { name: 'People enrolled by department' });
    const rows = (await chart.getByRole('row').allInnerTexts()).map((r) => r.replace(/\s+/g, ' ').trim());
    // Legal and Design (3 people) are too few on their own, so Support, the smallest department
    // shown, joins them: otherwise 14 − 6 − 5 would give their count.
    expect(rows).toEqual(['Engineering 3', 'Other departments 2']);
    const departments = await page.getByTestId('participation-departments').innerText();
    for (const name of [...SMALL_NAMES, 'Support']) expect(departments).not.toContain(name);
    await page.getByText('Groups of fewer than 5 people show no figures.').waitFor();
    await page.getByText(/Departments of fewer than 5 people are counted together as "Other departments"/).waitFor();
    await screenshot(page, 'manager-small-departments');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(blockedRequests(page)).toEqual([]);
  }, 60_000);

  it('sends no small group’s name or figures in the API, and no figure to subtract one from', async () => {
    const answer = await fx.call(manager, 'GET', '/participation');
    expect(answer.status).toBe(200);
    const text = JSON.stringify(answer.body);
    for (const name of [...SMALL_NAMES, 'Support']) expect(text).not.toContain(name);
    const groups: Array<{ label: string; people: { shown: boolean; value?: number } }> = answer.body.byDepartment;
    expect(groups.map((g) => [g.label, g.people])).toEqual([
      ['Engineering', { shown: true, value: 6 }],
      ['Other departments', { shown: true, value: 8 }],
    ]);
    // Every group with figures has at least five people, and together they make the whole org.
    expect(answer.body.org.people).toEqual({ shown: true, value: 14 });
    expect(groups.reduce((n, g) => n + (g.people.value ?? 0), 0)).toBe(14);
  });
});
