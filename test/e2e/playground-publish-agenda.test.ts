/**
 * From publishing to the agenda, as `npm start` wires it: one junior has Upward open in the real
 * Agents Playground, their partner is reached through the development tenant's Bot Connector.
 * Publishing the pairs brings each their introduction; once the pair's series is booked, the
 * agenda due before the next session arrives for both, showing that session's topic from the
 * program's track plan, and per-person refresh lists each person's Teams id. Planning and sending
 * again deliver nothing twice.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlaygroundConfig, type PlaygroundConfig } from '../../scripts/playground-config.ts';
import { tenantId as toTenantId, userId as toUserId } from '../../src/core/ids.ts';
import { HOUR_MS } from '../../src/core/time.ts';
import type { DevPerson } from '../../src/devtenant/dev-tenant.ts';
import { teamsIds } from '../../src/devtenant/connector/teams-ids.ts';
import { planBooking, sendSessionMessage, type SessionMessageDeps } from '../../src/engagement/session-messages-job.ts';
import type { PairsPublished } from '../../src/programs/events.ts';
import { bookingRepository, type BookingRecord } from '../../src/store/bookings.ts';
import { recordingQueue } from '../jobs/recording-queue.ts';
import { createEnrollingProgram, pairsPublished, pickCohort, startAppFixture, waitForProposal, type AppFixture } from '../programs/app-fixture.ts';
import { waitFor } from '../programs/wait-for.ts';
import { juniorForm, PROGRAM, seniorForm } from '../programs/program-forms.ts';
import { adaptiveCardOf, connectPlayground, type PlaygroundClient, type PlaygroundStreamEvent } from '../playground/playground-client.ts';
import { closePlaygroundSession, startPlayground, type RunningPlayground } from '../playground/playground-process.ts';
import { bookedSeries } from '../teams/loop/loop-fixture.ts';

const GENAI_TOPICS = ['Where AI already helps in your week', 'Prompting basics, hands on', 'Meeting notes with AI', 'What not to paste into a chatbot'];

let dir: string;
let fx: AppFixture;
let playground: RunningPlayground | undefined;
let client: PlaygroundClient | undefined;
let config: PlaygroundConfig;
let junior: DevPerson;
let partner: DevPerson;
let event: PairsPublished;
let booking: BookingRecord;

const fromBot = (e: PlaygroundStreamEvent): boolean =>
  e.action === 'createMessage' && e.actionConversationId === config.personalChat.id && e.message.from.id === config.bot.id;
const cardText = (e: PlaygroundStreamEvent): string => JSON.stringify(adaptiveCardOf(e.message) ?? {});
const receivedBy = (person: DevPerson, summary: RegExp) =>
  fx.app.devTenant!.teams.received({ userId: person.id }).flatMap((p) => p.activities).filter((a) => summary.test(a.summary ?? ''));
const sentKeys = async (prefix: string) =>
  (await fx.app.store.db.selectFrom('sent_messages').select(['message_key', 'user_id']).where('message_key', 'like', `${prefix}%`).execute()).length;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'upward-publish-agenda-'));
  fx = await startAppFixture();
  const admin = fx.admins()[0]!;
  const { seniors, juniors } = pickCohort(fx.people(), 2);
  const program = {
    ...PROGRAM,
    name: 'Planned mentoring',
    trackPlans: [{ track: 'GenAI tools', sessionTopics: GENAI_TOPICS, reflectionQuestions: ['What did you hand to an assistant this week?', 'What would you never hand to one?'] }],
  };
  const id = await createEnrollingProgram(fx, admin, program);
  for (const senior of seniors) expect((await fx.call(senior, 'POST', `/programs/${id}/enrolment`, seniorForm())).status).toBe(201);
  for (const person of juniors) expect((await fx.call(person, 'POST', `/programs/${id}/enrolment`, juniorForm())).status).toBe(201);

  // The first junior opens Upward in the Playground before the pairs are published.
  junior = juniors[0]!;
  config = buildPlaygroundConfig({ tenantId: fx.tenantId, people: fx.people(), as: junior.userPrincipalName, botAppId: fx.app.config.bot.appId });
  playground = await startPlayground({ endpoint: `${fx.app.url}/api/messages`, config, dir });
  client = await connectPlayground(playground.url);
  await client.install(config.personalChat.id);
  await client.next((e) => fromBot(e) && /Welcome to Upward/.test(cardText(e)));

  await fx.call(admin, 'POST', `/programs/${id}/transitions`, { to: 'matching' });
  expect((await fx.call(admin, 'POST', `/programs/${id}/matching`)).status).toBe(202);
  await waitForProposal(fx, admin, id);
  expect((await fx.call(admin, 'POST', `/programs/${id}/publish`)).status).toBe(200);
  event = pairsPublished(fx, id);
  const pair = event.pairs.find((p) => p.mentorId === junior.id.toLowerCase())!;
  partner = fx.people().find((p) => p.id.toLowerCase() === pair.menteeId)!;
}, 180_000);

afterAll(() => closePlaygroundSession({ client, playground, app: fx, dir }));

describe('publish, then the agenda', () => {
  it('introduces the junior in the Playground and their partner through the Bot Connector, each naming the other', async () => {
    const intro = await client!.next((e) => fromBot(e) && /Meet your partner/.test(cardText(e)), 60_000);
    expect(cardText(intro)).toContain(`Meet your partner: ${partner.displayName}`);
    const theirs = await waitFor('the partner\'s introduction', () => (receivedBy(partner, /^Meet your partner/).length > 0 ? receivedBy(partner, /^Meet your partner/) : undefined));
    expect(theirs).toHaveLength(1);
    expect(JSON.stringify(theirs[0]!.attachments)).toContain(`Meet your partner: ${junior.displayName}`);

    // Both Teams ids were stored from the activities (the Playground's, and the one the
    // development tenant's install sent), and the introduction's refresh lists them.
    const partnerTeamsId = teamsIds.user(fx.tenantId, partner.id);
    const references = await fx.app.store.db.selectFrom('conversation_references').select(['user_id', 'teams_user_id']).execute();
    expect(references).toEqual(expect.arrayContaining([
      { user_id: junior.id.toLowerCase(), teams_user_id: config.currentUser.id },
      { user_id: partner.id.toLowerCase(), teams_user_id: partnerTeamsId },
    ]));
    const refresh = (adaptiveCardOf(intro.message) as any).refresh;
    expect([...refresh.userIds].sort()).toEqual([config.currentUser.id, partnerTeamsId].sort());
  }, 90_000);

  it('delivers the agenda due before the next session to both, with that session\'s topic, and nothing twice', async () => {
    const pair = event.pairs.find((p) => p.mentorId === junior.id.toLowerCase())!;
    // Two sessions over; the third starts in three hours, so its agenda (the working day before) is due now.
    const now = Date.now();
    booking = bookedSeries({
      tenantId: toTenantId(event.tenantId),
      programId: event.programId,
      pairId: pair.pairingId,
      mentor: { userId: toUserId(junior.id.toLowerCase()), name: junior.displayName },
      mentee: { userId: toUserId(partner.id.toLowerCase()), name: partner.displayName },
      starts: [now - 14 * 24 * HOUR_MS, now - 7 * 24 * HOUR_MS, now + 3 * HOUR_MS, now + 7 * 24 * HOUR_MS + 3 * HOUR_MS],
    });
    await bookingRepository(fx.app.store.db).insertMany(booking.tenantId, [booking]);

    const queue = recordingQueue();
    const deps: SessionMessageDeps = { db: fx.app.store.db, queue, sender: fx.app.proactive.sender, tabUrl: `${fx.app.url}/tab/`, log: fx.app.log, now: Date.now };
    const runDueAgendas = async () => {
      for (const job of queue.jobs.filter((j) => j.data.kind === 'agenda' && j.startAfter <= Date.now())) await sendSessionMessage(deps, booking.tenantId, job.data);
    };
    await planBooking(deps, booking);
    // Only the third session's agendas are due: the fourth's wait for the day before it.
    expect(queue.jobs.filter((j) => j.data.kind === 'agenda' && j.startAfter <= Date.now()).map((j) => j.data.userId).sort()).toEqual(
      [junior.id.toLowerCase(), partner.id.toLowerCase()].sort(),
    );
    await runDueAgendas();

    const agenda = await client!.next((e) => fromBot(e) && /Session 3 of 4/.test(cardText(e)), 30_000);
    const card = adaptiveCardOf(agenda.message) as any;
    expect(card.body.find((b: any) => b.id === 'topic')?.text).toBe(`${GENAI_TOPICS[2]} (GenAI tools)`);
    expect(cardText(agenda)).toContain('What did you hand to an assistant this week?');
    const theirs = receivedBy(partner, /^Agenda for session 3$/);
    expect(theirs).toHaveLength(1);
    expect(JSON.stringify(theirs[0]!.attachments)).toContain(`${GENAI_TOPICS[2]} (GenAI tools)`);

    // The planner runs again (next tick, a restart) and the jobs are replayed: nothing is sent twice.
    await planBooking(deps, booking);
    await runDueAgendas();
    await client!.settle();
    await fx.app.devTenant!.teams.idle();
    expect(receivedBy(partner, /^Agenda for/)).toHaveLength(1);
    expect(await sentKeys('agenda:')).toBe(2);
  }, 90_000);
});
