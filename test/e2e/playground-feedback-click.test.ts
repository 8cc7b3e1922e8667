/**
 * A person answers the feedback card by hand, in the Agents Playground's own page in Chromium:
 * Upward sends the card proactively after a session of the pair's booked series (as the loop's
 * feedback job does), the person picks a rating, types what they learned and clicks "Send
 * feedback"; the answer is stored once and the card turns into the thank-you view.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildPlaygroundConfig, type PlaygroundConfig } from '../../scripts/playground-config.ts';
import { startApp, type RunningApp } from '../../src/app/start-app.ts';
import { tenantId as toTenantId, userId as toUserId, type TenantId } from '../../src/core/ids.ts';
import { programId as toProgramId } from '../../src/core/programs/program.ts';
import { createProgram } from '../../src/core/programs/program-settings.ts';
import { programRepository } from '../../src/store/programs.ts';
import { epochMs } from '../../src/core/time.ts';
import type { DevPerson } from '../../src/devtenant/dev-tenant.ts';
import { sessionsOfBooking } from '../../src/engagement/booking-sessions.ts';
import { messageKey, sendSessionMessage } from '../../src/engagement/session-messages-job.ts';
import { bookingRepository, type BookingRecord } from '../../src/store/bookings.ts';
import { pairingRepository } from '../../src/store/pairings.ts';
import { launchChromium, newPage, screenshot } from '../browser/chromium.ts';
import { startPlayground, type RunningPlayground } from '../playground/playground-process.ts';
import { bookedSeries, runningPairing, weeklyStarts } from '../teams/loop/loop-fixture.ts';

let dir: string;
let app: RunningApp | undefined;
let playground: RunningPlayground | undefined;
let browser: Browser | undefined;
let page: Page | undefined;
let config: PlaygroundConfig;
let tenant: TenantId;
let junior: DevPerson;
let senior: DevPerson;
let booking: BookingRecord;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'upward-feedback-click-'));
  app = await startApp({ overrides: { PORT: '0', DEVTENANT_PORT: '0', DATA_DIR: join(dir, 'data'), LOG_LEVEL: 'warn', DATABASE_URL: '' } });
  const devTenant = app.devTenant!;
  tenant = toTenantId(devTenant.tenantId.toLowerCase());
  const people = devTenant.directory.people(devTenant.tenantId);
  junior = people.find((p) => p.depth >= 3 && p.managerId !== null && p.accountEnabled)!;
  senior = people.find((p) => p.depth === 2 && p.accountEnabled && p.id !== junior.managerId)!;

  // A published pair and its booked series: one session over (it ended an hour ago), three to come.
  const programId = randomUUID();
  const pair = randomUUID();
  const program = createProgram(
    { name: 'Reverse Mentoring 2026', topicTracks: ['GenAI tools'], cadence: 'weekly', sessionMinutes: 45, term: { start: '2026-01-01T00:00:00Z', end: '2027-12-31T00:00:00Z' }, organiser: 'mentor' },
    { id: toProgramId(programId), tenantId: tenant },
    epochMs(Date.now()),
  );
  await programRepository(app.store.db).insert(tenant, program, toUserId('admin'));
  await pairingRepository(app.store.db).insertMany(tenant, [
    runningPairing({ tenantId: tenant, id: pair, programId, mentorId: toUserId(junior.id.toLowerCase()), menteeId: toUserId(senior.id.toLowerCase()) }),
  ]);
  booking = bookedSeries({
    tenantId: tenant,
    programId,
    pairId: pair,
    mentor: { userId: toUserId(junior.id.toLowerCase()), name: junior.displayName },
    mentee: { userId: toUserId(senior.id.toLowerCase()), name: senior.displayName },
    starts: weeklyStarts(Date.now(), 1, 3),
  });
  await bookingRepository(app.store.db).insertMany(tenant, [booking]);

  config = buildPlaygroundConfig({ tenantId: devTenant.tenantId, people, as: junior.userPrincipalName, botAppId: app.config.bot.appId });
  playground = await startPlayground({ endpoint: `${app.url}/api/messages`, config, dir });
  browser = await launchChromium();
  page = await newPage(browser);
}, 120_000);

afterAll(async () => {
  if (page && !page.isClosed()) await page.close().catch(() => undefined);
  await browser?.close();
  await playground?.stop();
  await app?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const feedbackRows = () => app!.store.db.selectFrom('feedback').selectAll().where('tenant_id', '=', tenant).execute();

it('stores the feedback typed and clicked in the Playground once, and turns the card into the thank-you view', async () => {
  const p = page!;
  try {
    // Opening the page opens the personal chat, which installs Upward: the welcome card arrives
    // and the bot stores where the person's chat is.
    await p.goto(playground!.url);
    await expect.poll(async () => (await p.locator('.ac-adaptiveCard').count()) > 0, { timeout: 30_000 }).toBe(true);
    await expect
      .poll(async () => (await app!.store.db.selectFrom('conversation_references').select('user_id').execute()).map((r) => r.user_id), { timeout: 10_000 })
      .toContain(junior.id.toLowerCase());

    // The loop's feedback message for the session that just ended, sent proactively.
    const session = sessionsOfBooking(booking)[0]!;
    const userId = junior.id.toLowerCase();
    await sendSessionMessage(
      { db: app!.store.db, queue: undefined as never, sender: app!.proactive.sender, tabUrl: `${app!.url}/tab/`, log: app!.log, now: Date.now },
      tenant,
      { kind: 'feedback', bookingId: booking.id, sessionId: session.id, start: session.start, userId, key: messageKey('feedback', session.id, toUserId(userId)) },
    );

    const form = p.locator('.ac-adaptiveCard').filter({ has: p.getByRole('button', { name: 'Send feedback' }) }).last();
    await form.waitFor({ timeout: 30_000 });
    await form.getByRole('radio', { name: 'Yes, we met' }).check();
    await form.getByRole('radio', { name: '4', exact: true }).check();
    await form.getByRole('textbox', { name: /What I learned/ }).fill('How the board weighs risk');
    await form.getByRole('button', { name: 'Send feedback' }).click();

    // The invoke's answer replaces the card in place: the thank-you view, no form left.
    await p.locator('.ac-adaptiveCard').getByText(`Thank you, ${junior.displayName}!`).waitFor({ timeout: 30_000 });
    expect(await p.getByRole('button', { name: 'Send feedback' }).count()).toBe(0);
    expect(await p.locator('.ac-adaptiveCard').getByText('4 of 5').count()).toBe(1);
    await screenshot(p, 'playground-feedback-click');
    const rows = await feedbackRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ author_id: userId, session_key: session.id, happened: 'held', rating: 4, learned: 'How the board weighs risk', revision: 1 });
  } catch (error) {
    await screenshot(p, 'playground-feedback-click-failure').catch(() => undefined);
    throw error;
  }
}, 120_000);
