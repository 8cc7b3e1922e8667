/**
 * Pairs at risk as the program admin sees them in the browser: a participant asks for a new
 * partner from My mentoring (no fault) and the admin sees a re-pair is needed; a pair whose last
 * two sessions did not happen was sent the private check-in, and the admin sees the flag, how many
 * answered and a suggested action — never what anyone answered or wrote.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feedbackKey } from '../../src/core/feedback/feedback.ts';
import { tenantId, userId } from '../../src/core/ids.ts';
import { pairId, sessionId } from '../../src/core/sessions/session.ts';
import { epochMs } from '../../src/core/time.ts';
import type { DevPerson } from '../../src/devtenant/dev-tenant.ts';
import { checkInRepository } from '../../src/store/check-ins.ts';
import { feedbackRepository } from '../../src/store/feedback.ts';
import { seriousAxeViolations } from '../browser/axe.ts';
import { blockedRequests, newPage, screenshot } from '../browser/chromium.ts';
import { pickCohort, publishProgram, type AppFixture } from '../programs/app-fixture.ts';
import { PROGRAM } from '../programs/program-forms.ts';
import { seedBooking } from '../server/program-health-seed.ts';
import { closeTabJourney, openProgramAsAdmin, signInToTab, startTabJourney } from './tab-journey-helpers.ts';

const NAME = 'At risk e2e';
const WEEK = 7 * 86_400_000;
const MON = Date.UTC(2025, 0, 6, 10);
let fx: AppFixture;
let browser: Browser;
let page: Page;
let admin: DevPerson;
let leaver: DevPerson;
let leaverPartner: DevPerson;
let missed: { id: string; mentor: string; mentee: string };

beforeAll(async () => {
  ({ fx, browser } = await startTabJourney());
  admin = fx.admins()[0]!;
  const cohort = pickCohort(fx.people(), 2, 1);
  const juniors = cohort.juniors.filter((j) => j !== cohort.underFirstSenior).slice(0, 2);
  const { id, pairings: pairs } = await publishProgram(fx, admin, { ...PROGRAM, name: NAME }, { mentees: cohort.seniors, mentors: juniors });
  expect(pairs).toHaveLength(2);
  const byId = (user: string) => fx.people().find((p) => p.id === user)!;
  leaver = byId(pairs[0]!.mentor.userId);
  leaverPartner = byId(pairs[0]!.mentee.userId);
  missed = { id: pairs[1]!.id, mentor: pairs[1]!.mentor.userId, mentee: pairs[1]!.mentee.userId };

  // The second pair's last two sessions did not happen, by the mentor's feedback; the mentee
  // answered the check-in with "find a better time" and the mentor wrote a private note.
  const db = fx.app.store.db;
  const tenant = tenantId(fx.tenantId);
  await seedBooking(db, fx.tenantId, id, missed.id, 'booked', [{ start: MON }, { start: MON + WEEK }, { start: MON + 2 * WEEK }]);
  for (const n of [1, 2]) {
    const session = sessionId(`booking-${missed.id}:${n}`);
    const at = epochMs(MON + n * WEEK + 3_600_000);
    await feedbackRepository(db).insert(tenant, {
      key: feedbackKey(session, userId(missed.mentor)), sessionId: session, pairId: pairId(missed.id), authorId: userId(missed.mentor),
      sessionEnd: epochMs(MON + n * WEEK + 45 * 60_000), happened: 'no-show', rating: null, learned: '', taught: '', action: '',
      privateNote: 'My partner keeps skipping', shareWithPartner: false, submittedAt: at, updatedAt: at, revision: 1,
    });
  }
  await checkInRepository(db).record(tenant, {
    streakKey: `missed-streak:${missed.id}:booking-${missed.id}:2`, userId: userId(missed.mentee), programId: id, pairId: missed.id, choice: 'reschedule',
    answeredAt: epochMs(MON + 3 * WEEK),
  });
  page = await newPage(browser);
}, 240_000);

afterAll(() => closeTabJourney({ fx, browser }));

describe('pairs at risk in the admin view', () => {
  it('lets a participant ask for a new partner from My mentoring, with no fault', async () => {
    const mine = await newPage(browser);
    await signInToTab(mine, fx.app.url, leaver);
    const card = mine.getByTestId('my-pair');
    await card.waitFor({ timeout: 30_000 });
    await card.getByRole('button', { name: 'Ask for a new partner' }).click();
    await card.getByText(/This ends the pair for both of you, with no fault/).waitFor();
    await card.getByRole('button', { name: 'End the pair' }).click();
    await mine.getByText('No pair yet').waitFor({ timeout: 30_000 });
    expect((await fx.call(leaverPartner, 'GET', '/me/pairings')).body.pairings[0].endedAt).not.toBeNull();
    await mine.close();
  }, 60_000);

  it('shows the admin the re-pair and the check-in flag with actions, and nothing anyone answered or wrote', async () => {
    await openProgramAsAdmin(page, fx.app.url, admin, NAME);
    const atRisk = page.getByTestId('pairs-at-risk');
    await atRisk.waitFor({ timeout: 30_000 });
    const rowOf = (person: DevPerson) => atRisk.getByRole('row').filter({ hasText: person.displayName });

    const repair = rowOf(leaverPartner);
    expect(await repair.getByText('Re-pair needed').count()).toBe(1);
    expect(await repair.innerText()).toContain('run matching to find a new partner');

    const mentor = fx.people().find((p) => p.id === missed.mentor)!;
    const flagged = rowOf(mentor);
    expect(await flagged.getByText('Two sessions in a row not held: checked in').count()).toBe(1);
    expect(await flagged.getByTestId('check-in-detail').innerText()).toMatch(/^Private check-in sent .+; 1 of 2 answered$/);
    expect(await flagged.innerText()).toContain('A better time was asked for');
    expect(await flagged.innerText()).toContain('never say who missed or who asked');

    const text = await page.getByTestId('program-health').innerText();
    expect(text).not.toContain('My partner keeps skipping');
    expect(text).not.toMatch(/\breschedule\b/);
    await screenshot(page, 'admin-pairs-at-risk');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(blockedRequests(page)).toEqual([]);
  }, 60_000);
});
