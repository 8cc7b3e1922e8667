/**
 * A manager opens the participation view in the browser and sees their org's counts and the
 * department chart with the privacy rule explained; a manager with a tiny org sees why nothing is
 * shown. (Small departments folded together: manager-small-departments.test.ts.) The page is
 * accessible in the three themes and reaches nothing outside this machine.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DevPerson } from '../../src/devtenant/dev-tenant.ts';
import { seriousAxeViolations } from '../browser/axe.ts';
import { blockedRequests, newPage, screenshot } from '../browser/chromium.ts';
import { createEnrollingProgram, type AppFixture } from '../programs/app-fixture.ts';
import { juniorForm, PROGRAM, seniorForm } from '../programs/program-forms.ts';
import { closeTabJourney, signInToTab, startTabJourney } from './tab-journey-helpers.ts';

const MIN = 5;
let fx: AppFixture;
let browser: Browser;
let page: Page;
let manager: DevPerson;
let tree: DevPerson[];
const enrolledIds = new Set<string>();

/** Everyone below `person` in the seeded directory, as the Graph walk of the route sees them. */
function treeOf(person: DevPerson): DevPerson[] {
  const out: DevPerson[] = [];
  let level = [person];
  while (level.length > 0) {
    const next = level.flatMap((p) => fx.app.devTenant!.directory.directReports(fx.tenantId, p.id));
    out.push(...next);
    level = next;
  }
  return out;
}

/** Department name → members in the tree. */
function departments(people: readonly DevPerson[]): Map<string, DevPerson[]> {
  const map = new Map<string, DevPerson[]>();
  for (const p of people) map.set(p.department, [...(map.get(p.department) ?? []), p]);
  return map;
}

beforeAll(async () => {
  ({ fx, browser } = await startTabJourney());
  const admin = fx.admins()[0]!;
  // A manager with a sizeable org spanning two or more departments of five or more people.
  const candidates = fx.app.devTenant!.directory.managers(fx.tenantId)
    .filter((m) => m.accountEnabled && !m.isProgramAdmin)
    .map((m) => ({ m, t: treeOf(m) }))
    .filter(({ t }) => t.length >= 12 && t.length <= 80)
    .filter(({ t }) => {
      const sizes = [...departments(t).values()].map((d) => d.length);
      return sizes.length >= 2 && sizes.every((n) => n >= MIN);
    });
  expect(candidates.length).toBeGreaterThan(0);
  ({ m: manager, t: tree } = candidates[0]!);
  const id = await createEnrollingProgram(fx, admin, { ...PROGRAM, name: 'Participation e2e' });
  for (const person of tree.filter((p) => p.accountEnabled)) {
    const form = person.level >= 6 ? seniorForm() : juniorForm();
    if ((await fx.call(person, 'POST', `/programs/${id}/enrolment`, form)).status === 201) enrolledIds.add(person.id);
  }
  expect(enrolledIds.size).toBeGreaterThanOrEqual(MIN);
  page = await newPage(browser);
}, 240_000);

afterAll(() => closeTabJourney({ fx, browser }));

describe('a manager with a large org', () => {
  it('shows the org counts and each department with its enrolled count, small departments folded', async () => {
    await signInToTab(page, fx.app.url, manager, '?view=participation');
    const kpis = page.getByTestId('participation-kpis');
    await kpis.waitFor();
    await expect.poll(() => kpis.getByLabel(`People in your org: ${tree.length}`).count()).toBe(1);
    expect(await kpis.getByLabel(`Enrolled: ${enrolledIds.size}`).count()).toBe(1);
    expect(await kpis.getByLabel('Paired: 0').count()).toBe(1);

    const depts = [...departments(tree)];
    // Small departments and their folding are shown with a scenario org in manager-small-departments.test.ts.
    expect(depts.filter(([, m]) => m.length < MIN)).toEqual([]);
    const chart = page.getByRole('table', { name: 'People enrolled by department' });
    const rows = (await chart.getByRole('row').allInnerTexts()).map((r) => r.replace(/\s+/g, ' ').trim());
    const expected = depts
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, members]) => `${name} ${members.filter((p) => enrolledIds.has(p.id)).length}`);
    expect(rows).toEqual(expected);
    await page.getByText(`Groups of fewer than ${MIN} people show no figures.`).waitFor();
    await screenshot(page, 'manager-participation');
  }, 60_000);

  it('has no serious or critical accessibility violations in the default, dark and high-contrast themes', async () => {
    for (const theme of ['default', 'dark', 'contrast'] as const) {
      await page.goto(`${fx.app.url}/tab/?view=participation&theme=${theme}`);
      await page.getByTestId('participation-kpis').waitFor();
      await screenshot(page, `manager-participation-${theme}`);
      expect(await seriousAxeViolations(page), `axe in the ${theme} theme`).toEqual([]);
    }
    expect(blockedRequests(page)).toEqual([]);
  }, 90_000);
});

describe('a manager with a tiny org', () => {
  it('explains that the org is too small to show and shows no figures', async () => {
    const tiny = fx.app.devTenant!.directory.managers(fx.tenantId).find((m) => m.accountEnabled && !m.isProgramAdmin && treeOf(m).length < MIN);
    expect(tiny).toBeDefined();
    const other = await newPage(browser);
    await signInToTab(other, fx.app.url, tiny!, '?view=participation');
    await other.getByRole('heading', { name: 'Your organisation is too small to show' }).waitFor();
    expect(await other.getByText(`Fewer than ${MIN} people report to you.`, { exact: false }).count()).toBe(1);
    expect(await other.getByTestId('participation-kpis').count()).toBe(0);
    await screenshot(other, 'manager-participation-tiny-org');
    expect(await seriousAxeViolations(other)).toEqual([]);
    await other.close();
  }, 60_000);
});
