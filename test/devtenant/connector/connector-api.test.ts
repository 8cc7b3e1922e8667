import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_TENANT_ID } from '../test-tenant.ts';
import { cardMessage, startConnectorTenant, type ConnectorTenant } from './connector-kit.ts';

let dev: ConnectorTenant;

beforeAll(async () => {
  dev = await startConnectorTenant();
});
afterAll(() => dev?.dispose());

const post = (conversationId: string, activity: unknown = { type: 'message', text: 'hi' }) =>
  dev.connector('POST', `/v3/conversations/${conversationId}/activities`, activity);

describe("the development tenant's Bot Connector", () => {
  it('creates the 1:1 conversation only for people who have the app, always the same one', async () => {
    const person = dev.people[10]!;
    const refused = await dev.connector('POST', '/v3/conversations', { isGroup: false, members: [{ id: person.id }], tenantId: TEST_TENANT_ID });
    expect(refused.status).toBe(403);
    expect(refused.body.error.subCode).toBe('MessageWritesBlocked');
    const id = await dev.install(person);
    const again = await dev.connector('POST', '/v3/conversations', { members: [{ id: person.id }], channelData: { tenant: { id: TEST_TENANT_ID } } });
    expect(again).toMatchObject({ status: 201, body: { id } });
    expect((await dev.connector('POST', '/v3/conversations', { members: [{ id: person.id }] })).status).toBe(400);
    expect((await dev.connector('POST', '/v3/conversations', { isGroup: true, members: [{ id: person.id }], tenantId: TEST_TENANT_ID })).status).toBe(400);
  });

  it('sends a card (201 with an id), replaces it with PUT, and records what the person received', async () => {
    const person = dev.people[11]!;
    const conversationId = await dev.install(person);
    const sent = await post(conversationId, cardMessage('Your agenda'));
    expect(sent.status).toBe(201);
    const activityId = sent.body.id as string;
    expect(activityId).toMatch(/^\d+$/);
    const updated = await dev.connector('PUT', `/v3/conversations/${conversationId}/activities/${activityId}`, cardMessage('Your agenda (updated)'));
    expect(updated).toMatchObject({ status: 200, body: { id: activityId } });
    expect((await dev.connector('PUT', `/v3/conversations/${conversationId}/activities/999`, cardMessage('x'))).status).toBe(404);

    const received = await dev.admin('GET', `/received?userId=${person.id}`);
    expect(received.status).toBe(200);
    expect(received.body.value).toHaveLength(1);
    const [activity] = received.body.value[0].activities;
    expect(activity).toMatchObject({ activityId, conversationId, type: 'message', summary: 'Your agenda (updated)', updates: 1 });
    expect(activity.attachments[0].content.body[0].text).toBe('Your agenda (updated)');
    expect(activity.updatedAt).not.toBeNull();
  });

  it('accepts the Graph chat id as the conversation id, and reads the member', async () => {
    const person = dev.people[12]!;
    await dev.install(person);
    const chatId = `19:${person.id}_${dev.t.tenant.teams.catalog(TEST_TENANT_ID)[0]!.botId}@unq.gbl.spaces`;
    expect((await post(chatId)).status).toBe(201);
    const member = await dev.connector('GET', `/v3/conversations/${chatId}/members/${person.id}`);
    expect(member.status).toBe(200);
    expect(member.body).toMatchObject({ aadObjectId: person.id, name: person.displayName, userPrincipalName: person.userPrincipalName, tenantId: TEST_TENANT_ID });
    expect(member.body.id).toMatch(/^29:/);
    expect((await dev.connector('GET', `/v3/conversations/${chatId}/members/${dev.people[13]!.id}`)).status).toBe(404);
    expect((await post('a:1unknown')).status).toBe(404);
  });

  it("refuses another bot in this bot's conversation (403) and a malformed activity (400)", async () => {
    const conversationId = await dev.install(dev.people[14]!);
    const other = await dev.connector('POST', `/v3/conversations/${conversationId}/activities`, { type: 'message', text: 'x' }, dev.otherBotToken);
    expect(other.status).toBe(403);
    expect(other.body.error.code).toBe('BotNotInConversationRoster');
    expect((await post(conversationId, { text: 'no type' })).status).toBe(400);
    const tooBig = await post(conversationId, { type: 'message', text: 'x'.repeat(30 * 1024) });
    expect(tooBig.status).toBe(413);
  });

  it('answers 403 ConversationBlockedByUser / MessageWritesBlocked for a person who blocked the bot, until unblocked', async () => {
    const person = dev.people[15]!;
    const conversationId = await dev.install(person);
    expect((await dev.admin('PUT', '/blocked', { userIds: [person.id] })).status).toBe(200);
    expect((await dev.admin('GET', '/blocked')).body.value).toContainEqual({ tenantId: TEST_TENANT_ID, userId: person.id });
    const refused = await post(conversationId);
    expect(refused.status).toBe(403);
    expect(refused.body).toEqual({ error: { code: 'ConversationBlockedByUser', message: 'User blocked the conversation with the bot.', subCode: 'MessageWritesBlocked' } });
    await dev.admin('PUT', '/blocked', { userIds: [person.id], blocked: false });
    expect((await post(conversationId)).status).toBe(201);
    expect((await dev.admin('PUT', '/blocked', { userIds: ['nobody'] })).status).toBe(400);
  });

  it('limits one conversation to 7 per second and 8 per 2 seconds (429 with Retry-After), not counting refusals', async () => {
    const conversationId = await dev.install(dev.people[16]!);
    await dev.admin('DELETE', '/stats');
    const started = Date.now();
    const first = await Promise.all(Array.from({ length: 7 }, () => post(conversationId)));
    expect(first.map((a) => a.status)).toEqual([201, 201, 201, 201, 201, 201, 201]);
    const eighth = await post(conversationId);
    expect(eighth.status).toBe(429);
    expect(eighth.body.error.code).toBe('Throttled');
    expect(Number(eighth.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    // Past the first second one more fits (the 8th in 2 s), then the 2-second window is full.
    await sleep(Math.max(0, started + 1_050 - Date.now()));
    expect((await post(conversationId)).status).toBe(201);
    const ninth = await post(conversationId);
    expect(ninth.status).toBe(429);
    const stats = (await dev.admin('GET', '/stats')).body;
    expect(stats.throttled.conversation).toBe(2);
    expect(stats.sent).toBe(8);
  });

  it('limits the bot to 30 requests per second per tenant across conversations', async () => {
    const conversations = await Promise.all(dev.people.slice(20, 52).map((p) => dev.install(p)));
    await sleep(1_100);
    await dev.admin('DELETE', '/stats');
    const answers = await Promise.all(conversations.map((id) => post(id)));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(30);
    expect(statuses.filter((s) => s === 429)).toHaveLength(2);
    expect((await dev.admin('GET', '/stats')).body.throttled).toEqual({ conversation: 0, tenant: 2 });
  });

  it('injects 412/502/504 on the n-th request and lets tests change the limits', async () => {
    const conversationId = await dev.install(dev.people[53]!);
    await sleep(1_100); // the tenant's window is still full from the test before
    const faults = await dev.admin('PUT', '/faults', { nth: [{ route: 'POST /v3/conversations/{id}/activities', n: 2, status: 412 }] });
    expect(faults.status).toBe(200);
    expect((await post(conversationId)).status).toBe(201);
    const second = await post(conversationId);
    expect(second.status).toBe(412);
    expect(second.body.error.code).toBe('PreconditionFailed');
    expect((await post(conversationId)).status).toBe(201);
    await dev.admin('PUT', '/faults', {});

    expect((await dev.admin('PUT', '/limits', { perConversation: [{ requests: 1, windowMs: 60_000 }] })).status).toBe(200);
    const fresh = await dev.install(dev.people[54]!);
    expect((await post(fresh)).status).toBe(201);
    expect((await post(fresh)).status).toBe(429);
    expect((await dev.admin('PUT', '/limits', { perConversation: 'seven' })).status).toBe(400);
    await dev.admin('PUT', '/limits', {});
  });

  it('guards its control API with the app secret', async () => {
    expect((await dev.admin('GET', '/received', undefined, null)).status).toBe(401);
    expect((await dev.admin('GET', '/received', undefined, 'wrong')).status).toBe(401);
    expect((await dev.admin('GET', '/nothing')).status).toBe(404);
    // The tenant's own control API still answers next to it.
    const faults = await fetch(`${dev.url}/_devtenant/faults`, { headers: { authorization: `Bearer ${dev.t.tenant.clientSecret}` } });
    expect(faults.status).toBe(200);
  });
});
