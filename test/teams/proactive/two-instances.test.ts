/**
 * Two Upward instances sending one batch at the same moment through the development tenant's Bot
 * Connector (real SDK client, real bot tokens, its limits): each person receives the card once.
 * On the PostgreSQL server each instance has its own connections to the one database, as two app
 * processes would; PGlite allows one process, so there the two senders share its store.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../../src/store/store.ts';
import { conversationReferenceRepository } from '../../../src/store/conversation-references.ts';
import { sentMessageRepository } from '../../../src/store/sent-messages.ts';
import { createProactiveSender, createSdkBotConnector, textActivity, type ProactiveMessage } from '../../../src/teams/proactive/index.ts';
import { teamsLogger } from '../../../src/teams/teams-logger.ts';
import { BACKENDS } from '../../store/each-backend.ts';
import { TENANT, asUser, silent, startProactiveKit, type ProactiveKit } from './proactive-kit.ts';

describe.each(BACKENDS)('two instances on %s sending one batch', (kind) => {
  let kit: ProactiveKit;
  /** The second instance's store: its own connection pool on PostgreSQL. */
  let second: Store;

  beforeAll(async () => {
    kit = await startProactiveKit({}, { store: kind });
    await kit.installAndRemember(kit.people.slice(0, 30));
    second = kind === 'postgres' ? await openStore(kit.store.options) : kit.store.store;
  }, 120_000);
  afterAll(async () => {
    if (kind === 'postgres') await second?.close();
    await kit?.dispose();
  });

  it('delivers each person the card once, records one send each and leaves no claim', async () => {
    const people = kit.people.slice(0, 30);
    await kit.admin('DELETE', '/stats');
    const messages: ProactiveMessage[] = people.map((p) => ({ userId: asUser(p), key: `agenda:both-instances:${p.id}`, activity: textActivity('Agenda for session 2') }));
    const instanceOn = (store: Store) =>
      createProactiveSender({
        references: conversationReferenceRepository(store.db),
        sent: sentMessageRepository(store.db),
        connector: createSdkBotConnector({ token: kit.botToken, logger: teamsLogger(silent) }),
        log: silent,
      });

    const reports = await Promise.all([instanceOn(kit.store.store).sendAll(TENANT, messages), instanceOn(second).sendAll(TENANT, messages)]);

    expect(reports[0]!.counts.sent + reports[1]!.counts.sent).toBe(30);
    expect(reports.every((r) => r.counts.failed === 0 && r.counts.blocked === 0)).toBe(true);
    expect((await kit.admin('GET', '/stats')).sent).toBe(30);
    for (const person of people) {
      const body = await kit.admin('GET', `/received?userId=${person.id}`);
      expect((body.value[0]?.activities ?? []).map((a: any) => a.text)).toEqual(['Agenda for session 2']);
    }
    const db = kit.store.store.db;
    expect(await db.selectFrom('sent_messages').select('user_id').where('tenant_id', '=', TENANT).where('message_key', 'like', 'agenda:both-instances:%').execute()).toHaveLength(30);
    expect(await db.selectFrom('message_claims').select('user_id').where('tenant_id', '=', TENANT).execute()).toEqual([]);
  }, 60_000);
});
