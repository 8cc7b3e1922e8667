import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardActivity, textActivity, type ProactiveMessage } from '../../../src/teams/proactive/index.ts';
import { TENANT, asUser, startProactiveKit, type ProactiveKit } from './proactive-kit.ts';

/**
 * Upward's ProactiveSender against the development tenant's Bot Connector: the real SDK client,
 * real bot tokens, the connector's real limits.
 */
let kit: ProactiveKit;

beforeAll(async () => {
  kit = await startProactiveKit();
  await kit.installAndRemember(kit.people.slice(0, 130));
}, 120_000);
afterAll(() => kit?.dispose());

const agendaCard = (n: number) => ({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: `Agenda for session ${n}` }] });
/** Send claims left in the store: none once a batch is over, whatever happened to its messages. */
const claimsLeft = async () => (await kit.store.store.db.selectFrom('message_claims').select('message_key').where('tenant_id', '=', TENANT).execute()).length;
const receivedBy = async (userId: string) => {
  const body = await kit.admin('GET', `/received?userId=${userId}`);
  return (body.value[0]?.activities ?? []) as any[];
};

describe('ProactiveSender on the Bot Connector', () => {
  it('sends 100 people a card within the tenant rate, records one blocked person and delivers to the rest; a replay sends nothing', async () => {
    const people = kit.people.slice(0, 100);
    const blocked = people[37]!;
    await kit.admin('PUT', '/blocked', { userIds: [blocked.id] });
    await kit.admin('DELETE', '/stats');
    const messages: ProactiveMessage[] = people.map((p, i) => ({ userId: asUser(p), key: 'agenda:session-1', activity: cardActivity(agendaCard(i), 'Your agenda') }));

    const report = await kit.sender().sendAll(TENANT, messages);

    expect(report.counts).toEqual({ sent: 99, 'already-sent': 0, 'in-progress': 0, blocked: 1, unreachable: 0, failed: 0 });
    expect(report.outcomes[37]).toMatchObject({ status: 'blocked', userId: blocked.id, code: 'MessageWritesBlocked' });
    expect((await kit.references.get(TENANT, asUser(blocked)))?.blockedAt).toBeDefined();
    // Sent or blocked, every claim was given up again.
    expect(await claimsLeft()).toBe(0);
    // 100 requests at 30 per second cannot take less than three seconds.
    expect(report.durationMs).toBeGreaterThanOrEqual(3_000);
    const stats = await kit.admin('GET', '/stats');
    expect(stats.sent).toBe(99);
    // Every 429 the connector answered was seen, waited out and retried by the sender.
    expect(report.throttled).toBe(stats.throttled.tenant + stats.throttled.conversation);
    expect(report.retries).toBe(report.throttled);
    // Paced from the connector's answers, the connector never has a reason to refuse (unpaced,
    // most of these would meet a 429).
    expect(report.throttled).toBe(0);

    for (const [i, person] of people.entries()) {
      const activities = await receivedBy(person.id);
      if (person === blocked) {
        expect(activities).toEqual([]);
        continue;
      }
      expect(activities).toHaveLength(1);
      expect(activities[0].summary).toBe('Your agenda');
      expect(activities[0].attachments[0].content.body[0].text).toBe(`Agenda for session ${i}`);
    }

    // The same job again (a retry after a crash): nobody is sent anything twice.
    const replay = await kit.sender().sendAll(TENANT, messages);
    expect(replay.counts).toEqual({ sent: 0, 'already-sent': 99, 'in-progress': 0, blocked: 0, unreachable: 1, failed: 0 });
    expect(replay.outcomes[37]).toMatchObject({ status: 'unreachable', reason: 'blocked-earlier' });
    expect(replay.outcomes[0]).toMatchObject({ status: 'already-sent', activityId: (report.outcomes[0] as { activityId: string }).activityId });
    expect((await kit.admin('GET', '/stats')).sent).toBe(99);
    expect((await kit.admin('GET', '/received')).value.reduce((n: number, p: any) => n + p.activities.length, 0)).toBeGreaterThanOrEqual(99);
    expect(await receivedBy(people[0]!.id)).toHaveLength(1);
  }, 60_000);

  it('paces one conversation at 7 per second and 8 per 2 seconds: ten messages, no 429', async () => {
    const person = kit.people[100]!;
    await kit.admin('DELETE', '/stats');
    const messages = Array.from({ length: 10 }, (_, i) => ({ userId: asUser(person), key: `nudge:${i}`, activity: textActivity(`Nudge ${i}`) }));
    const report = await kit.sender().sendAll(TENANT, messages);
    expect(report.counts.sent).toBe(10);
    expect(report.throttled).toBe(0);
    // The 9th message may not leave before two seconds have passed.
    expect(report.durationMs).toBeGreaterThanOrEqual(2_000);
    expect((await kit.admin('GET', '/stats')).throttled).toEqual({ conversation: 0, tenant: 0 });
    expect((await receivedBy(person.id)).map((a) => a.text).sort()).toEqual(messages.map((m) => m.activity.text).sort());
  }, 30_000);

  it('waits out the 429s of a stricter connector (Retry-After) and still delivers everyone', async () => {
    await kit.admin('PUT', '/limits', { perTenant: [{ requests: 5, windowMs: 1_000 }] });
    try {
      await kit.admin('DELETE', '/stats');
      const people = kit.people.slice(101, 113);
      const report = await kit.sender().sendAll(TENANT, people.map((p) => ({ userId: asUser(p), key: 'intro:pair-1', activity: textActivity('Meet your partner') })));
      expect(report.counts).toMatchObject({ sent: 12, failed: 0 });
      const stats = await kit.admin('GET', '/stats');
      expect(report.throttled).toBeGreaterThan(0);
      expect(report.throttled).toBe(stats.throttled.tenant);
      expect(report.retries).toBe(report.throttled);
      expect(stats.sent).toBe(12);
    } finally {
      await kit.admin('PUT', '/limits', {});
    }
  }, 30_000);

  it('retries 412, 502 and 504 with backoff, and gives up on one person only when the budget runs out', async () => {
    const people = kit.people.slice(113, 118);
    const doomed = (await kit.references.get(TENANT, asUser(people[4]!)))!;
    await kit.admin('PUT', '/faults', {
      nth: [
        { route: `POST /v3/conversations/${doomed.conversationId}/activities`, n: 1, repeat: true, status: 502 },
        { route: 'POST /v3/conversations/{id}/activities', n: 2, status: 412 },
        { route: 'POST /v3/conversations/{id}/activities', n: 3, status: 504 },
      ],
    });
    try {
      const sender = kit.sender({ retry: { maxAttempts: 4, maxWaitMs: 10_000, baseDelayMs: 20, maxDelayMs: 100 }, concurrency: 1 });
      const report = await sender.sendAll(TENANT, people.map((p) => ({ userId: asUser(p), key: 'feedback:s-9', activity: textActivity('How did it go?') })));
      expect(report.counts).toEqual({ sent: 4, 'already-sent': 0, 'in-progress': 0, blocked: 0, unreachable: 0, failed: 1 });
      expect(report.outcomes[4]).toMatchObject({ status: 'failed', httpStatus: 502, code: 'ServiceError', attempts: 4 });
      expect(report.outcomes.slice(0, 4).map((o) => (o as { attempts: number }).attempts).reduce((a, b) => a + b)).toBe(6);
      expect(report.retries).toBe(2 + 3);
      expect(report.throttled).toBe(0);
      for (const person of people.slice(0, 4)) expect((await receivedBy(person.id)).map((a) => a.text)).toEqual(['How did it go?']);
      expect(await receivedBy(people[4]!.id)).toEqual([]);
      // Not blocked, and its claim given up: a later run tries again, and reaches them.
      expect((await kit.references.get(TENANT, asUser(people[4]!)))?.blockedAt).toBeUndefined();
      expect(await claimsLeft()).toBe(0);
      await kit.admin('PUT', '/faults', {});
      const later = await sender.send(TENANT, { userId: asUser(people[4]!), key: 'feedback:s-9', activity: textActivity('How did it go?') });
      expect(later).toMatchObject({ status: 'sent', attempts: 1 });
      expect((await receivedBy(people[4]!.id)).map((a) => a.text)).toEqual(['How did it go?']);
    } finally {
      await kit.admin('PUT', '/faults', {});
    }
  }, 30_000);

  it('updates a sent card in place, and reports people it cannot reach without trying', async () => {
    const person = kit.people[118]!;
    const sender = kit.sender();
    const sent = await sender.send(TENANT, { userId: asUser(person), key: 'feedback:s-10', activity: cardActivity(agendaCard(1), 'Feedback') });
    expect(sent.status).toBe('sent');
    const updated = await sender.update(TENANT, asUser(person), 'feedback:s-10', cardActivity(agendaCard(2), 'Feedback (answered)'));
    expect(updated).toMatchObject({ status: 'updated', activityId: (sent as { activityId: string }).activityId });
    const [activity] = await receivedBy(person.id);
    expect(activity).toMatchObject({ summary: 'Feedback (answered)', updates: 1 });
    expect(activity.attachments[0].content.body[0].text).toBe('Agenda for session 2');
    expect(await sender.update(TENANT, asUser(person), 'feedback:never-sent', textActivity('x'))).toEqual({ status: 'not-sent' });

    const stranger = kit.people[135]!; // Upward is not installed for them
    expect(await sender.send(TENANT, { userId: asUser(stranger), key: 'intro:x', activity: textActivity('hi') })).toMatchObject({ status: 'unreachable', reason: 'no-reference' });
  });

  it('refuses a batch that sends one key to one person twice', async () => {
    const message = { userId: asUser(kit.people[119]!), key: 'agenda:dup', activity: textActivity('x') };
    await expect(kit.sender().sendAll(TENANT, [message, message])).rejects.toMatchObject({ code: 'bad_input' });
  });
});
