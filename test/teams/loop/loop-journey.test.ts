/**
 * The mentoring loop end to end, as `npm start` wires it: an admin publishes pairs over the API,
 * each person gets their introduction in Teams (the development tenant's Bot Connector) exactly
 * once even when the job is replayed; then, in the real Agents Playground, the junior answers the
 * feedback card after a session: stored once however often the Execute arrives, and visible in
 * their own history at GET /api/me/feedback (and not in their partner's).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlaygroundConfig, type PlaygroundConfig } from '../../../scripts/playground-config.ts';
import { tenantId as toTenantId, userId as toUserId } from '../../../src/core/ids.ts';
import type { DevPerson } from '../../../src/devtenant/dev-tenant.ts';
import { sessionsOfBooking } from '../../../src/engagement/booking-sessions.ts';
import { sendIntroductions } from '../../../src/engagement/introductions-job.ts';
import type { PairsPublished } from '../../../src/programs/events.ts';
import { bookingRepository, type BookingRecord } from '../../../src/store/bookings.ts';
import { CARD_VERBS } from '../../../src/teams/cards/card-verbs.ts';
import { PROGRAM } from '../../programs/program-forms.ts';
import { pairsPublished, pickCohort, publishProgram, startAppFixture, type AppFixture } from '../../programs/app-fixture.ts';
import { waitFor } from '../../programs/wait-for.ts';
import { connectPlayground, type PlaygroundClient } from '../../playground/playground-client.ts';
import { closePlaygroundSession, startPlayground, type RunningPlayground } from '../../playground/playground-process.ts';
import { bookedSeries, weeklyStarts } from './loop-fixture.ts';

let fx: AppFixture;
let event: PairsPublished;
let playground: RunningPlayground | undefined;
let client: PlaygroundClient | undefined;
let config: PlaygroundConfig;
let dir: string;

const intros = (userId: string) =>
  fx.app.devTenant!.teams.received({ userId }).flatMap((p) => p.activities).filter((a) => /^Meet your partner/.test(a.summary ?? ''));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'upward-loop-'));
  fx = await startAppFixture();
  const admin = fx.admins()[0]!;
  const { seniors, juniors } = pickCohort(fx.people(), 3);
  const { id } = await publishProgram(fx, admin, PROGRAM, { mentees: seniors, mentors: juniors });
  event = pairsPublished(fx, id);
}, 180_000);

afterAll(() => closePlaygroundSession({ client, playground, app: fx, dir }));

describe('the mentoring loop', () => {
  it('introduces each person of each published pair once, naming their partner, installing Upward first', async () => {
    expect(event.pairs.length).toBeGreaterThan(1);
    const pair = event.pairs[0]!;
    const people = new Map(fx.people().map((p) => [p.id, p]));
    for (const p of event.pairs) {
      for (const [me, partner] of [[p.mentorId, p.menteeId], [p.menteeId, p.mentorId]] as const) {
        const cards = await waitFor(`the introduction of ${me}`, () => (intros(me).length > 0 ? intros(me) : undefined));
        expect(cards).toHaveLength(1);
        expect(JSON.stringify(cards[0]!.attachments)).toContain(`Meet your partner: ${people.get(partner)!.displayName}`);
      }
    }
    // Nobody had opened Upward: the job installed it, so everyone has a conversation reference now.
    const references = await fx.app.store.db.selectFrom('conversation_references').select('user_id').execute();
    expect(references.map((r) => r.user_id)).toEqual(expect.arrayContaining([pair.mentorId, pair.menteeId]));
  }, 120_000);

  it('sends nothing twice when the introductions job is replayed', async () => {
    const tenant = toTenantId(event.tenantId);
    const before = event.pairs.flatMap((p) => [p.mentorId, p.menteeId]).map((u) => intros(u).length);
    const log = fx.app.log;
    await sendIntroductions(
      { db: fx.app.store.db, queue: undefined as never, sender: fx.app.proactive.sender, installer: fx.app.proactive.installer, tabUrl: `${fx.app.url}/tab/`, log },
      tenant,
      event.id,
    );
    await fx.app.devTenant!.teams.idle();
    expect(event.pairs.flatMap((p) => [p.mentorId, p.menteeId]).map((u) => intros(u).length)).toEqual(before);
    expect(before.every((n) => n === 1)).toBe(true);
    const keys = await fx.app.store.db.selectFrom('sent_messages').select('message_key').where('message_key', 'like', 'intro:%').execute();
    expect(keys).toHaveLength(before.length);
  });

  describe('feedback through the Agents Playground', () => {
    let junior: DevPerson;
    let senior: DevPerson;
    let booking: BookingRecord;
    let replyToId: string;

    beforeAll(async () => {
      const pair = event.pairs[0]!;
      const people = fx.people();
      junior = people.find((p) => p.id === pair.mentorId)!;
      senior = people.find((p) => p.id === pair.menteeId)!;
      // The pair's booked series: two sessions over (the last ended two hours ago), two to come.
      booking = bookedSeries({
        tenantId: toTenantId(event.tenantId),
        programId: event.programId,
        pairId: pair.pairingId,
        mentor: { userId: toUserId(junior.id), name: junior.displayName },
        mentee: { userId: toUserId(senior.id), name: senior.displayName },
        starts: weeklyStarts(Date.now(), 2, 2),
      });
      await bookingRepository(fx.app.store.db).insertMany(booking.tenantId, [booking]);

      config = buildPlaygroundConfig({ tenantId: event.tenantId, people, as: junior.userPrincipalName, botAppId: fx.app.config.bot.appId });
      playground = await startPlayground({ endpoint: `${fx.app.url}/api/messages`, config, dir });
      client = await connectPlayground(playground.url);
      await client.install(config.personalChat.id);
      const welcome = await client.next((e) => e.action === 'createMessage' && e.message.from.id === config.bot.id);
      replyToId = welcome.message.messageId;
    }, 120_000);

    const invoke = async (verb: string, data: Record<string, unknown>): Promise<any> => {
      const response = await fetch(`${playground!.url}/_conversation/v1/invoke`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          name: 'adaptiveCard/action',
          value: { action: { type: 'Action.Execute', verb, data } },
          from: { id: config.currentUser.id },
          conversation: { id: config.personalChat.id },
          replyToId,
        }),
        signal: AbortSignal.timeout(15_000),
      });
      expect(response.ok).toBe(true);
      return response.json();
    };
    const rows = () => fx.app.store.db.selectFrom('feedback').selectAll().where('tenant_id', '=', booking.tenantId).execute();

    it('answers bad input with the form and the error in place, and stores nothing', async () => {
      const session = sessionsOfBooking(booking)[1]!;
      const answer = await invoke(CARD_VERBS.feedbackSubmit, { sessionId: session.id, pairId: booking.pairId, submissionId: 'x', happened: 'held', rating: '9' });
      const body = JSON.stringify(answer);
      expect(body).toContain('rating-error');
      expect(body).toContain('choose a whole number from 1 to 5');
      expect(await rows()).toEqual([]);
    });

    it('stores a submission once however often it arrives, and shows it in the person\'s own history only', async () => {
      const session = sessionsOfBooking(booking)[1]!;
      const data = {
        sessionId: session.id,
        pairId: booking.pairId,
        submissionId: `${session.id}/${junior.id}`,
        happened: 'held',
        rating: '5',
        learned: 'How the board weighs risk',
        taught: 'Using an AI assistant for meeting notes',
        action: 'Share one prompt a week',
        privateNote: 'I was nervous',
        shareWithPartner: 'false',
      };
      const first = await invoke(CARD_VERBS.feedbackSubmit, data);
      const second = await invoke(CARD_VERBS.feedbackSubmit, data);
      expect(JSON.stringify(first)).toContain('**1 of 4 sessions held** so far.');
      expect(second).toEqual(first);
      const stored = await rows();
      expect(stored).toHaveLength(1);
      expect(stored[0]).toMatchObject({ author_id: junior.id.toLowerCase(), session_key: session.id, rating: 5, revision: 1 });

      const mine = await fx.call(junior, 'GET', '/me/feedback');
      expect(mine.status).toBe(200);
      expect(mine.body.feedback).toEqual([expect.objectContaining({ sessionId: session.id, rating: 5, privateNote: 'I was nervous', learned: 'How the board weighs risk' })]);
      const theirs = await fx.call(senior, 'GET', '/me/feedback');
      expect(theirs.body.feedback).toEqual([]);
    });

    it('refreshes the introduction for whoever looks at it, from the activity: their own side, or nothing of another pair', async () => {
      const own = await invoke(CARD_VERBS.introductionRefresh, { pairId: event.pairs[0]!.pairingId });
      expect(own.type).toBe('application/vnd.microsoft.card.adaptive');
      expect(own.value.body[0].text).toBe(`Meet your partner: ${senior.displayName}`);
      // The booked series is on the card now (it was not when the pairs were published).
      expect(JSON.stringify(own.value)).toContain('4 sessions of 45 minutes');
      expect(JSON.stringify(own.value)).toContain('your time (London)');
      const other = event.pairs[1]!;
      const theirs = await invoke(CARD_VERBS.introductionRefresh, { pairId: other.pairingId });
      expect(theirs).toMatchObject({ type: 'application/vnd.microsoft.activity.message' });
    });

    it('answers "leave" in the chat with a confirm card, and leaves once on a doubled confirm', async () => {
      client!.skipPending();
      await client!.say(config.personalChat.id, config.currentUser.id, 'leave');
      const reply = await client!.next((e) => e.action === 'createMessage' && e.message.from.id === config.bot.id);
      const card = reply.message.attachments[0]!.content as any;
      expect(card.body[0].text).toBe(`Leave ${PROGRAM.name}?`);
      const confirm = card.actions.find((a: any) => a.verb === CARD_VERBS.leaveConfirm);
      const enrolment = () =>
        fx.app.store.db.selectFrom('enrolments').selectAll().where('program_id', '=', event.programId).where('user_id', '=', toUserId(junior.id.toLowerCase())).executeTakeFirstOrThrow();
      expect((await enrolment()).left_at).toBeNull();

      const first = await invoke(CARD_VERBS.leaveConfirm, confirm.data);
      const second = await invoke(CARD_VERBS.leaveConfirm, confirm.data);
      expect(JSON.stringify(first)).toContain(`You have left ${PROGRAM.name}`);
      expect(second).toEqual(first);
      expect((await enrolment()).left_at).not.toBeNull();
      expect(fx.events.filter((e) => e.type === 'pair.ended' && e.programId === event.programId)).toHaveLength(1);
    });
  });
});
