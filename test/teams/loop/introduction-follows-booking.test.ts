/**
 * The introduction follows the booking, as `npm start` wires it and as README's "See the whole
 * loop in Teams" runs it: publishing the pairs brings each person the introduction saying a time
 * is still being looked for (the development tenant's Bot Connector records it); once the admin's
 * scheduling run books the series, the same activity carries the series on the person's own clock
 * and the Teams join link; replaying the jobs updates and sends nothing twice; the card's refresh
 * shows the booked series; moving the rest of the series updates the card again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenantId as toTenantId, userId as toUserId } from '../../../src/core/ids.ts';
import type { DevPerson } from '../../../src/devtenant/dev-tenant.ts';
import { updateIntroductions } from '../../../src/engagement/introduction-updates-job.ts';
import { sendIntroductions } from '../../../src/engagement/introductions-job.ts';
import type { PairsPublished } from '../../../src/programs/events.ts';
import { bookingRepository, type BookingRecord } from '../../../src/store/bookings.ts';
import { CARD_VERBS } from '../../../src/teams/cards/card-verbs.ts';
import { nextTerm, pairsPublished, pickPair, publishProgram, startAppFixture, type AppFixture } from '../../programs/app-fixture.ts';
import { waitFor } from '../../programs/wait-for.ts';

const DAY = 86_400_000;
let fx: AppFixture;
let admin: DevPerson;
let junior: DevPerson;
let senior: DevPerson;
let programId: string;
let event: PairsPublished;
/** Each person's introduction activity id, as first delivered. */
const firstIds = new Map<string, string>();

const intros = (person: DevPerson) =>
  fx.app.devTenant!.teams.received({ userId: person.id }).flatMap((p) => p.activities).filter((a) => /^Meet your partner/.test(a.summary ?? ''));
const cardText = (activity: { attachments?: unknown }) => JSON.stringify(activity.attachments ?? []);

const booking = async (): Promise<BookingRecord> =>
  (await bookingRepository(fx.app.store.db).getByPair(toTenantId(event.tenantId), event.programId, event.pairs[0]!.pairingId, event.cycle))!;

/** The app's own jobs' work, run again by hand: what a replayed job does. */
const replayDeps = () => ({
  db: fx.app.store.db,
  queue: undefined as never,
  sender: fx.app.proactive.sender,
  installer: fx.app.proactive.installer,
  tabUrl: `${fx.app.url}/tab/`,
  log: fx.app.log,
  now: Date.now,
});

beforeAll(async () => {
  fx = await startAppFixture();
  admin = fx.admins()[0]!;
  ({ senior, junior } = pickPair(fx.people()));
  const program = { name: 'Introductions that follow', topicTracks: ['GenAI tools', 'Strategy'], cadence: 'weekly', sessionMinutes: 45, term: nextTerm(12) };
  ({ id: programId } = await publishProgram(fx, admin, program, { mentees: [senior], mentors: [junior] }));
  event = pairsPublished(fx, programId);
  expect(event.pairs).toHaveLength(1);
}, 180_000);

afterAll(() => fx?.close());

describe('the introduction follows the booking', () => {
  it('introduces both people on publish, saying a time is still being looked for', async () => {
    for (const person of [junior, senior]) {
      const [card, ...more] = await waitFor(`${person.displayName}'s introduction`, () => (intros(person).length > 0 ? intros(person) : undefined));
      expect(more).toEqual([]);
      expect(cardText(card!)).toContain('still looking for a time');
      expect(card!.updates).toBe(0);
      firstIds.set(person.id, card!.activityId);
    }
  }, 90_000);

  it('after the scheduling run, the same activity carries the booked series and the Teams join link', async () => {
    const started = await fx.call(admin, 'POST', `/programs/${programId}/schedule`, {});
    expect(started.status, JSON.stringify(started.body)).toBeLessThan(300);
    await waitFor('the run to finish', async () => {
      const run = await fx.call(admin, 'GET', `/scheduling/runs/${started.body.runId}`);
      return run.body.status === 'done' ? run.body : undefined;
    });
    const booked = await booking();
    expect(booked.state).toBe('booked');
    const joinUrl = booked.series[0]!.joinUrl!;
    expect(joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//);
    for (const person of [junior, senior]) {
      const [card, ...more] = await waitFor(`${person.displayName}'s updated introduction`, () => (intros(person)[0]?.updates === 1 ? intros(person) : undefined));
      expect(more).toEqual([]);
      expect(card!.activityId).toBe(firstIds.get(person.id));
      const text = cardText(card!);
      expect(text).not.toContain('still looking');
      expect(text).toMatch(/\*\*Every \w+day at \d\d:\d\d\*\* your time \(London\); \d\d:\d\d for /);
      expect(text).toContain('"title":"First session"');
      expect(text).toContain('sessions of 45 minutes');
      expect(text).toContain(JSON.stringify(joinUrl).slice(1, -1));
    }
  }, 120_000);

  it('updates and sends nothing twice when the update and the introductions are replayed', async () => {
    const tenant = toTenantId(event.tenantId);
    const report = await updateIntroductions(replayDeps(), tenant, (await booking()).id);
    expect(report.updated).toEqual([]);
    expect(report.sent).toEqual([]);
    expect([...report.unchanged].sort()).toEqual([toUserId(junior.id.toLowerCase()), toUserId(senior.id.toLowerCase())].sort());
    await sendIntroductions(replayDeps(), tenant, event.id);
    await fx.app.devTenant!.teams.idle();
    for (const person of [junior, senior]) {
      expect(intros(person)).toHaveLength(1);
      expect(intros(person)[0]!.updates).toBe(1);
    }
    const keys = await fx.app.store.db.selectFrom('sent_messages').select('message_key').where('message_key', 'like', `intro:${event.pairs[0]!.pairingId}:%`).execute();
    expect(keys).toHaveLength(2);
  });

  it('refreshes the introduction into the booked view for whoever looks at it', async () => {
    const response = await fetch(`${fx.app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'invoke',
        name: 'adaptiveCard/action',
        id: 'refresh-1',
        channelId: 'msteams',
        serviceUrl: `${fx.app.devTenant!.url}/`,
        from: { id: `29:${senior.id}`, aadObjectId: senior.id },
        recipient: { id: `28:${fx.app.config.bot.appId}` },
        conversation: { id: `a:refresh-${senior.id}`, tenantId: event.tenantId, conversationType: 'personal' },
        value: { action: { type: 'Action.Execute', verb: CARD_VERBS.introductionRefresh, data: { pairId: event.pairs[0]!.pairingId } } },
      }),
    });
    expect(response.status).toBe(200);
    const answer = (await response.json()) as any;
    expect(answer.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(answer.value.body[0].text).toBe(`Meet your partner: ${junior.displayName}`);
    expect(JSON.stringify(answer.value)).toContain('your time (London)');
    expect(JSON.stringify(answer.value)).toContain((await booking()).series[0]!.joinUrl);
  });

  it('updates the card again when the rest of the series is moved', async () => {
    const before = await booking();
    const from = before.occurrences.find((o) => o.index >= 2 && o.start > Date.now() + DAY && o.status !== 'cancelled' && o.status !== 'unplaced')!;
    const moved = await fx.call(admin, 'POST', `/scheduling/bookings/${before.id}/reschedule-rest`, { fromIndex: from.index });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    const after = await booking();
    const movedJoin = after.series.find((s) => s.segment === 1)!.joinUrl!;
    for (const person of [junior, senior]) {
      const [card, ...more] = await waitFor(`${person.displayName}'s introduction after the move`, () => (intros(person)[0]?.updates === 2 ? intros(person) : undefined));
      expect(more).toEqual([]);
      expect(card!.activityId).toBe(firstIds.get(person.id));
      expect(cardText(card!)).toContain('"title":"At this time from"');
      expect(cardText(card!)).toContain(movedJoin);
    }
  }, 90_000);
});
