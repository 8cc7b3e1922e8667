/**
 * The sender's durable claim on each message, on PGlite and on the PostgreSQL server: two app
 * instances (on PostgreSQL, two connections of their own to one database; PGlite has one
 * connection, so there two senders share it) sending one message key at the same moment deliver it
 * once; a claim another sender holds is respected, one left by a sender that died is taken over
 * once stale; a failed or blocked send gives its claim up. Deliveries are counted by a stand-in
 * Bot Connector that holds each call until the test lets it answer.
 */
import pino from 'pino';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { userId, type TenantId, type UserId } from '../../../src/core/ids.ts';
import { epochMs, MINUTE_MS } from '../../../src/core/time.ts';
import { conversationReferenceRepository } from '../../../src/store/conversation-references.ts';
import { messageClaimRepository } from '../../../src/store/message-claims.ts';
import { sentMessageRepository } from '../../../src/store/sent-messages.ts';
import { openStore, type Store } from '../../../src/store/store.ts';
import {
  CLAIM_STALE_AFTER_MS,
  ConnectorFailure,
  createProactiveSender,
  textActivity,
  type BotConnector,
  type ProactiveActivity,
  type ProactiveMessage,
  type ProactiveSender,
  type SendOutcome,
} from '../../../src/teams/proactive/index.ts';
import { describeEachBackend, freshTenant } from '../../store/each-backend.ts';

const silent = pino({ level: 'silent' });
const ada = userId('u-ada');

/** A Bot Connector that counts deliveries and, until `open()`, keeps each call waiting for its answer. */
function heldConnector(): BotConnector & { delivered: { conversationId: string; activity: ProactiveActivity }[]; open(): void } {
  const delivered: { conversationId: string; activity: ProactiveActivity }[] = [];
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  return {
    delivered,
    open: () => open(),
    async send(_serviceUrl, conversationId, activity) {
      delivered.push({ conversationId, activity });
      const id = `activity-${delivered.length}`;
      await gate;
      return { id };
    },
    async update() {},
  };
}

async function waitFor(what: string, probe: () => boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Settles with the outcomes in the order the promises settle. */
function inSettleOrder(sends: readonly Promise<SendOutcome>[]): { settled: SendOutcome[]; all: Promise<SendOutcome[]> } {
  const settled: SendOutcome[] = [];
  return { settled, all: Promise.all(sends.map((p) => p.then((o) => (settled.push(o), o)))) };
}

describeEachBackend('durable send claims', ({ kind, store, testStore }) => {
  /** An app instance's store: on PostgreSQL a second connection pool to the same database. */
  const withTwoInstances = async (run: (stores: readonly [Store, Store]) => Promise<void>) => {
    if (kind === 'pglite') return run([store(), store()]);
    const second = await openStore(testStore().options);
    try {
      await run([store(), second]);
    } finally {
      await second.close();
    }
  };
  const senderOn = (s: Store, connector: BotConnector, options: { retry?: { maxAttempts: number; maxWaitMs: number; baseDelayMs: number; maxDelayMs: number } } = {}): ProactiveSender =>
    createProactiveSender({ references: conversationReferenceRepository(s.db), sent: sentMessageRepository(s.db), connector, log: silent, ...options });
  const reachable = async (tenant: TenantId, ...people: UserId[]) => {
    for (const person of people) {
      await conversationReferenceRepository(store().db).upsert(tenant, {
        userId: person,
        conversationId: `a:conversation-of-${person}`,
        serviceUrl: 'https://connector.test/',
        channelId: 'msteams',
        botId: '28:bot',
        at: epochMs(0),
      });
    }
  };
  const agenda = (key: string, person: UserId = ada): ProactiveMessage => ({ userId: person, key, activity: textActivity('Agenda for session 1') });
  const sentRows = async (tenant: TenantId) => store().db.selectFrom('sent_messages').select(['message_key', 'user_id', 'activity_id']).where('tenant_id', '=', tenant).execute();
  const claimRows = async (tenant: TenantId) => store().db.selectFrom('message_claims').select(['message_key', 'user_id', 'claimed_at']).where('tenant_id', '=', tenant).execute();
  const ageClaims = async (tenant: TenantId, byMs: number) => {
    await store()
      .db.updateTable('message_claims')
      .set({ claimed_at: sql<Date>`claimed_at - ${byMs}::double precision * interval '1 millisecond'` })
      .where('tenant_id', '=', tenant)
      .execute();
  };

  it('delivers a message once when two instances send its key at the same moment; the other answers in-progress, then already-sent', async () => {
    const tenant = freshTenant();
    await reachable(tenant, ada);
    const connector = heldConnector();
    await withTwoInstances(async ([one, two]) => {
      const senders = [senderOn(one, connector), senderOn(two, connector)];
      const race = inSettleOrder(senders.map((s) => s.send(tenant, agenda('agenda:s-1:u-ada'))));
      // Without the claim both would be at the connector now, neither having recorded its send.
      await waitFor('one sender to reach the connector and the other to answer', () => connector.delivered.length >= 2 || (connector.delivered.length === 1 && race.settled.length === 1));
      expect(connector.delivered).toHaveLength(1);
      expect(race.settled[0]).toMatchObject({ status: 'in-progress', userId: ada, key: 'agenda:s-1:u-ada' });
      connector.open();
      expect((await race.all).map((o) => o.status).sort()).toEqual(['in-progress', 'sent']);
      expect(connector.delivered).toHaveLength(1);
      expect(await sentRows(tenant)).toEqual([{ message_key: 'agenda:s-1:u-ada', user_id: 'u-ada', activity_id: 'activity-1' }]);
      expect(await claimRows(tenant)).toEqual([]);
      // Asked again, by either instance: it was sent.
      for (const sender of senders) expect(await sender.send(tenant, agenda('agenda:s-1:u-ada'))).toMatchObject({ status: 'already-sent', activityId: 'activity-1' });
      expect(connector.delivered).toHaveLength(1);
    });
  });

  it('delivers a whole batch once per person when two instances run it at the same moment', async () => {
    const tenant = freshTenant();
    const people = Array.from({ length: 24 }, (_, i) => userId(`u-${i}`));
    await reachable(tenant, ...people);
    const connector = heldConnector();
    await withTwoInstances(async ([one, two]) => {
      const batch = people.map((p) => agenda(`feedback:s-2:${p}`, p));
      const running = Promise.all([senderOn(one, connector).sendAll(tenant, batch), senderOn(two, connector).sendAll(tenant, batch)]);
      // Everyone's message at the connector, none answered yet (so none recorded): without the
      // claims, both instances' first messages would be there twice by now.
      await waitFor('every person to have a message at the connector', () => connector.delivered.length >= people.length);
      connector.open();
      const reports = await running;
      expect(connector.delivered.map((d) => d.conversationId).sort()).toEqual(people.map((p) => `a:conversation-of-${p}`).sort());
      expect(reports[0]!.counts.sent + reports[1]!.counts.sent).toBe(24);
      const others = reports[0]!.counts['in-progress'] + reports[0]!.counts['already-sent'] + reports[1]!.counts['in-progress'] + reports[1]!.counts['already-sent'];
      expect(others).toBe(24);
      expect(await sentRows(tenant)).toHaveLength(24);
      expect(await claimRows(tenant)).toEqual([]);
    });
  });

  it('respects a claim another sender holds: nothing is sent, nothing recorded, the claim stays theirs', async () => {
    const tenant = freshTenant();
    await reachable(tenant, ada);
    const theirs = await messageClaimRepository(store().db).claim(tenant, 'agenda:s-3:u-ada', ada, CLAIM_STALE_AFTER_MS);
    if (!theirs.claimed) throw new Error('expected the claim to succeed');
    const connector = heldConnector();
    connector.open();
    const outcome = await senderOn(store(), connector).send(tenant, agenda('agenda:s-3:u-ada'));
    expect(outcome).toMatchObject({ status: 'in-progress', key: 'agenda:s-3:u-ada' });
    expect(outcome.status === 'in-progress' && Math.abs(outcome.claimedAt - Date.now())).toBeLessThan(MINUTE_MS);
    expect(connector.delivered).toEqual([]);
    expect(await sentRows(tenant)).toEqual([]);
    expect(await messageClaimRepository(store().db).release(tenant, 'agenda:s-3:u-ada', ada, theirs.claimId)).toBe(true);
  });

  it('takes over a claim left by a sender that died mid-send once it is stale, and sends it once', async () => {
    const tenant = freshTenant();
    await reachable(tenant, ada);
    await messageClaimRepository(store().db).claim(tenant, 'feedback:s-4:u-ada', ada, CLAIM_STALE_AFTER_MS);
    await ageClaims(tenant, CLAIM_STALE_AFTER_MS - MINUTE_MS);
    const connector = heldConnector();
    connector.open();
    // Still fresh: the dead sender might be alive and sending.
    expect(await senderOn(store(), connector).send(tenant, agenda('feedback:s-4:u-ada'))).toMatchObject({ status: 'in-progress' });
    await ageClaims(tenant, 2 * MINUTE_MS);
    await withTwoInstances(async ([one, two]) => {
      const outcomes = await Promise.all([senderOn(one, connector).send(tenant, agenda('feedback:s-4:u-ada')), senderOn(two, connector).send(tenant, agenda('feedback:s-4:u-ada'))]);
      expect(outcomes.filter((o) => o.status === 'sent')).toHaveLength(1);
      expect(outcomes.filter((o) => o.status !== 'sent').map((o) => o.status)).toEqual([expect.stringMatching(/^(in-progress|already-sent)$/)]);
    });
    expect(connector.delivered).toHaveLength(1);
    expect(await sentRows(tenant)).toHaveLength(1);
    expect(await claimRows(tenant)).toEqual([]);
  });

  it('gives the claim up when Teams refuses: a blocked person is recorded, a failed send is tried again later and delivered once', async () => {
    const tenant = freshTenant();
    const bo = userId('u-bo');
    await reachable(tenant, ada, bo);
    const refusing: BotConnector = {
      async send(_url, conversationId) {
        if (conversationId.endsWith('u-bo')) throw new ConnectorFailure(403, 'Forbidden', 'blocked', { subCode: 'MessageWritesBlocked' });
        throw new ConnectorFailure(502, 'ServiceError', 'bad gateway');
      },
      async update() {},
    };
    const retry = { maxAttempts: 2, maxWaitMs: 1_000, baseDelayMs: 1, maxDelayMs: 5 };
    const report = await senderOn(store(), refusing, { retry }).sendAll(tenant, [agenda('agenda:s-5:u-ada'), agenda('agenda:s-5:u-bo', bo)]);
    expect(report.outcomes.map((o) => o.status)).toEqual(['failed', 'blocked']);
    expect((await conversationReferenceRepository(store().db).get(tenant, bo))?.blockedAt).toBeDefined();
    expect(await claimRows(tenant)).toEqual([]);
    expect(await sentRows(tenant)).toEqual([]);

    const connector = heldConnector();
    connector.open();
    expect(await senderOn(store(), connector).send(tenant, agenda('agenda:s-5:u-ada'))).toMatchObject({ status: 'sent', attempts: 1 });
    expect(await senderOn(store(), connector).send(tenant, agenda('agenda:s-5:u-ada'))).toMatchObject({ status: 'already-sent' });
    expect(connector.delivered).toHaveLength(1);
  });

  it('keeps the claim of a message Teams took but the store could not record: no second send until it is stale, then one', async () => {
    const tenant = freshTenant();
    await reachable(tenant, ada);
    const connector = heldConnector();
    connector.open();
    const sent = sentMessageRepository(store().db);
    const failingRecord = { ...sent, record: async () => Promise.reject(new Error('the store went away')) };
    const crashing = createProactiveSender({ references: conversationReferenceRepository(store().db), sent: failingRecord, connector, log: silent });
    await expect(crashing.send(tenant, agenda('agenda:s-6:u-ada'))).rejects.toThrow('the store went away');
    expect(connector.delivered).toHaveLength(1);
    expect(await claimRows(tenant)).toHaveLength(1);
    expect(await senderOn(store(), connector).send(tenant, agenda('agenda:s-6:u-ada'))).toMatchObject({ status: 'in-progress' });
    expect(connector.delivered).toHaveLength(1);
    // The documented trade (CLAIM_STALE_AFTER_MS): once stale it is sent again rather than never.
    await ageClaims(tenant, CLAIM_STALE_AFTER_MS + MINUTE_MS);
    expect(await senderOn(store(), connector).send(tenant, agenda('agenda:s-6:u-ada'))).toMatchObject({ status: 'sent' });
    expect(connector.delivered).toHaveLength(2);
  });

  it('starts no attempt after holding a claim half its stale age, so a live sender never has its claim taken over', async () => {
    const tenant = freshTenant();
    await reachable(tenant, ada);
    let now = 0;
    const clock = { now: () => now, sleep: async (ms: number) => void (now += ms) };
    let calls = 0;
    const throttled: BotConnector = {
      async send() {
        calls++;
        // Each refusal asks for a long wait: the second retry would start past the hold limit.
        throw new ConnectorFailure(503, 'ServiceUnavailable', 'busy', { retryAfterMs: 3 * MINUTE_MS });
      },
      async update() {},
    };
    const sender = createProactiveSender({
      references: conversationReferenceRepository(store().db),
      sent: sentMessageRepository(store().db),
      connector: throttled,
      log: silent,
      clock,
      retry: { maxAttempts: 6, maxWaitMs: 60 * MINUTE_MS, baseDelayMs: 1, maxDelayMs: 1 },
    });
    const outcome = await sender.send(tenant, agenda('agenda:s-7:u-ada'));
    expect(outcome).toMatchObject({ status: 'failed', code: 'claim-expiring', attempts: 2 });
    expect(calls).toBe(2);
    expect(await claimRows(tenant)).toEqual([]);
  });
});
