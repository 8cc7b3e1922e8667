/**
 * The agenda of session n shows topic n of the pair's track plan — in the timed send, when the
 * card refreshes, in the "next" chat command and in the message extension's "my next session".
 */
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY_MS, epochMs } from '../../../src/core/time.ts';
import { messageKey, sendSessionMessage, type SessionMessageDeps } from '../../../src/engagement/session-messages-job.ts';
import { sessionsOfBooking } from '../../../src/engagement/booking-sessions.ts';
import { loopPortsOver } from '../../../src/engagement/engagement-runtime.ts';
import { nextSessionOver } from '../../../src/app/message-extension-wiring.ts';
import { conversationReferenceRepository } from '../../../src/store/conversation-references.ts';
import { sentMessageRepository } from '../../../src/store/sent-messages.ts';
import { CARD_VERBS } from '../../../src/teams/cards/card-verbs.ts';
import { createLoopHandlers } from '../../../src/teams/loop/loop-handlers.ts';
import { createProactiveSender } from '../../../src/teams/proactive/index.ts';
import { openTestStore, type TestStore } from '../../store/open-test-store.ts';
import { GENAI_TOPICS, junior, senior, storePlannedPair, type PlannedPair } from './planned-pair.ts';
import { recordingConnector } from '../proactive/recording-connector.ts';

const silent = pino({ level: 'silent' });
const NOW = Date.UTC(2026, 10, 16, 10, 0);
let testStore: TestStore;
let pair: PlannedPair;
const { connector, delivered } = recordingConnector();

/** The text of the card element with `id` (cards are plain JSON by now). */
const textOf = (card: any, id: string): string | undefined => card.body.find((b: any) => b.id === id)?.text;

beforeAll(async () => {
  testStore = await openTestStore('pglite');
  // Four weekly sessions from two days ahead: more sessions than the three-topic plan.
  pair = await storePlannedPair(testStore.store.db, [0, 1, 2, 3].map((i) => NOW + 2 * DAY_MS + i * 7 * DAY_MS));
  for (const person of [junior, senior]) {
    await conversationReferenceRepository(testStore.store.db).upsert(pair.tenant, {
      userId: person.userId, conversationId: `a:${person.userId}`, serviceUrl: 'https://connector.test/', channelId: 'msteams', botId: '28:bot', at: epochMs(0),
    });
  }
});
afterAll(() => testStore?.cleanup());

describe('the topic of session n on the agenda card', () => {
  it('is topic n of the plan of the track the pair shares, in the timed send, and the plan starts again after its end', async () => {
    const db = testStore.store.db;
    const sender = createProactiveSender({ references: conversationReferenceRepository(db), sent: sentMessageRepository(db), connector, log: silent });
    const deps: SessionMessageDeps = { db, queue: undefined as never, sender, tabUrl: 'https://upward.test/tab/', log: silent, now: () => NOW };
    for (const session of sessionsOfBooking(pair.booking)) {
      const key = messageKey('agenda', session.id, junior.userId);
      await sendSessionMessage(deps, pair.tenant, { kind: 'agenda', bookingId: pair.booking.id, sessionId: session.id, start: session.start, userId: junior.userId, key });
    }
    const cards = delivered.map(({ activity }) => activity.attachments![0]!.content as any);
    expect(cards.map((card) => textOf(card, 'topic'))).toEqual([
      `${GENAI_TOPICS[0]} (GenAI tools)`,
      `${GENAI_TOPICS[1]} (GenAI tools)`,
      `${GENAI_TOPICS[2]} (GenAI tools)`,
      `${GENAI_TOPICS[0]} (GenAI tools)`,
    ]);
    expect(JSON.stringify(cards[1])).toContain('Session 2 of 4');
  });

  it('stays the same when the card refreshes for either person', async () => {
    const handlers = createLoopHandlers({ ports: loopPortsOver(testStore.store, () => NOW), tabUrl: 'https://upward.test/tab/' });
    const session = sessionsOfBooking(pair.booking)[2]!;
    for (const person of [junior, senior]) {
      const answer: any = await handlers.cardAction(
        { tenantId: pair.tenant, userId: person.userId, teamsUserId: `29:${person.userId}` },
        CARD_VERBS.agendaRefresh,
        { sessionId: session.id, pairId: pair.booking.pairId },
      );
      expect(answer.type).toBe('application/vnd.microsoft.card.adaptive');
      expect(textOf(answer.value, 'topic')).toBe(`${GENAI_TOPICS[2]} (GenAI tools)`);
    }
  });

  it('is on the "next" answer in the chat and on "my next session" from the message extension', async () => {
    const handlers = createLoopHandlers({ ports: loopPortsOver(testStore.store, () => NOW), tabUrl: 'https://upward.test/tab/' });
    const next: any = await handlers.command({ tenantId: pair.tenant, userId: senior.userId }, 'next');
    expect(JSON.stringify(next)).toContain(`Topic: ${GENAI_TOPICS[0]}`);
    const found = await nextSessionOver(testStore.store.db, 'https://upward.test/tab/').forPerson(pair.tenant, junior.userId, epochMs(NOW));
    expect(found.kind).toBe('agenda');
    expect(found.kind === 'agenda' ? found.view.agenda.topic : undefined).toBe(GENAI_TOPICS[0]);
  });
});
