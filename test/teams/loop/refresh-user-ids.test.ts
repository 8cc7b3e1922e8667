/**
 * `refresh.userIds` of per-person cards names each person by the MRI Teams gives conversation
 * members: their Teams user id (`29:…`) from the stored conversation or the activity being
 * answered, and the `8:orgid:<object id>` MRI only for someone Upward has not seen in Teams.
 */
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userId } from '../../../src/core/ids.ts';
import { DAY_MS, epochMs } from '../../../src/core/time.ts';
import { sessionsOfBooking } from '../../../src/engagement/booking-sessions.ts';
import { loopPortsOver } from '../../../src/engagement/engagement-runtime.ts';
import { introductionPort } from '../../../src/engagement/introduction-views.ts';
import { messageKey, sendSessionMessage, type SessionMessageDeps } from '../../../src/engagement/session-messages-job.ts';
import { conversationReferenceRepository } from '../../../src/store/conversation-references.ts';
import { pairingId, pairingRepository } from '../../../src/store/pairings.ts';
import { sentMessageRepository } from '../../../src/store/sent-messages.ts';
import { introductionCard } from '../../../src/teams/cards/introduction-card.ts';
import { CARD_VERBS } from '../../../src/teams/cards/card-verbs.ts';
import { readersOf } from '../../../src/teams/loop/card-people.ts';
import { createLoopHandlers } from '../../../src/teams/loop/loop-handlers.ts';
import { createProactiveSender } from '../../../src/teams/proactive/index.ts';
import { openTestStore, type TestStore } from '../../store/open-test-store.ts';
import { junior, senior, storePlannedPair, type PlannedPair } from './planned-pair.ts';
import { recordingConnector } from '../proactive/recording-connector.ts';

const silent = pino({ level: 'silent' });
const NOW = Date.UTC(2026, 10, 16, 10, 0);
/** The junior's Teams id as their own activities carried it; the senior never opened Upward in Teams. */
const JUNIOR_TEAMS_ID = '29:1junior-from-teams';

describe('readersOf', () => {
  const people = [
    { userId: userId('a'), name: 'A', teamsUserId: '29:1a' },
    { userId: userId('b'), name: 'B' },
  ];

  it('uses each stored Teams id, the 8:orgid MRI for anyone without one, and the activity\'s id for the reader', () => {
    expect(readersOf(people, userId('b'))).toMatchObject({ reader: { teamsUserId: '8:orgid:b' }, partners: [{ teamsUserId: '29:1a' }] });
    expect(readersOf(people, userId('b'), '29:1b-now').reader.teamsUserId).toBe('29:1b-now');
  });
});

describe('cards of a pair', () => {
  let testStore: TestStore;
  let pair: PlannedPair;
  const { connector, delivered } = recordingConnector();

  beforeAll(async () => {
    testStore = await openTestStore('pglite');
    pair = await storePlannedPair(testStore.store.db, [NOW - 2 * DAY_MS, NOW + 5 * DAY_MS]);
    const references = conversationReferenceRepository(testStore.store.db);
    await references.upsert(pair.tenant, { userId: junior.userId, conversationId: 'a:junior', serviceUrl: 'https://connector.test/', channelId: 'msteams', botId: '28:bot', teamsUserId: JUNIOR_TEAMS_ID, at: epochMs(0) });
    // Reached through Graph's chat id only: no Teams id known for the senior.
    await references.upsert(pair.tenant, { userId: senior.userId, conversationId: 'a:senior', serviceUrl: 'https://connector.test/', channelId: 'msteams', botId: '28:bot', at: epochMs(0) });
  });
  afterAll(() => testStore?.cleanup());

  const expectedIds = [JUNIOR_TEAMS_ID, `8:orgid:${senior.userId}`];

  it('list the stored Teams id in the timed agenda and feedback cards, whoever they go to', async () => {
    const db = testStore.store.db;
    const sender = createProactiveSender({ references: conversationReferenceRepository(db), sent: sentMessageRepository(db), connector, log: silent });
    const deps: SessionMessageDeps = { db, queue: undefined as never, sender, tabUrl: 'https://upward.test/tab/', log: silent, now: () => NOW };
    const [past, next] = sessionsOfBooking(pair.booking);
    const send = (kind: 'agenda' | 'feedback', session: typeof past, to: typeof junior) =>
      sendSessionMessage(deps, pair.tenant, { kind, bookingId: pair.booking.id, sessionId: session!.id, start: session!.start, userId: to.userId, key: messageKey(kind, session!.id, to.userId) });
    await send('agenda', next, senior);
    await send('feedback', past, junior);
    expect(delivered).toHaveLength(2);
    for (const { activity } of delivered) {
      const card = activity.attachments![0]!.content as any;
      expect([...card.refresh.userIds].sort()).toEqual([...expectedIds].sort());
    }
  });

  it('list the stored Teams id of the partner when a card action answers one of them', async () => {
    const handlers = createLoopHandlers({ ports: loopPortsOver(testStore.store, () => NOW), tabUrl: 'https://upward.test/tab/' });
    const next = sessionsOfBooking(pair.booking)[1]!;
    const answer: any = await handlers.cardAction(
      { tenantId: pair.tenant, userId: senior.userId, teamsUserId: '29:1senior-now' },
      CARD_VERBS.agendaRefresh,
      { sessionId: next.id, pairId: pair.booking.pairId },
    );
    expect([...answer.value.refresh.userIds].sort()).toEqual(['29:1senior-now', JUNIOR_TEAMS_ID].sort());
  });

  it('list the stored Teams id in the pair introduction', async () => {
    const pairing = pairingId(pair.booking.pairId);
    await pairingRepository(testStore.store.db).insertMany(pair.tenant, [
      { tenantId: pair.tenant, id: pairing, programId: pair.program, cycle: 1, mentorId: junior.userId, menteeId: senior.userId, coMentorId: null, score: 1, reasons: [], publishedAt: epochMs(0), endedAt: null, endReason: null, endedBy: null },
    ]);
    const view = await introductionPort(testStore.store.db, 'https://upward.test/tab/').viewFor(pair.tenant, pairing, senior.userId);
    const card = JSON.parse(JSON.stringify(introductionCard(view!)));
    expect([...card.refresh.userIds].sort()).toEqual([...expectedIds].sort());
  });
});
