import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_CLIENT_ID, TEST_TENANT_ID } from '../test-tenant.ts';
import { LIMITED_CLIENT_ID, LIMITED_SECRET } from '../throttling/traffic-kit.ts';
import { appToken } from '../tokens.ts';
import { TEST_TEAMS_APP_ID, startConnectorTenant, startStubBot, tokenFor, type ConnectorTenant, type StubBot } from './connector-kit.ts';

let dev: ConnectorTenant;
let bot: StubBot;
let catalogId: string;

beforeAll(async () => {
  bot = await startStubBot();
  dev = await startConnectorTenant({
    botEndpoint: bot.endpoint,
    extraApps: [{ clientId: LIMITED_CLIENT_ID, clientSecret: LIMITED_SECRET, graphAppRoles: ['User.Read.All', 'AppCatalog.Read.All'] }],
  });
  const catalog = await dev.graph('GET', `/appCatalogs/teamsApps?$filter=externalId eq '${TEST_TEAMS_APP_ID}'`);
  catalogId = catalog.body.value[0].id;
});
afterAll(async () => {
  await dev?.dispose();
  await bot?.close();
});

const bind = (id: string) => ({ 'teamsApp@odata.bind': `https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/${id}` });

describe('Bot Framework tokens from the development tenant', () => {
  it('issues a bot token for https://api.botframework.com/.default, which Graph refuses and the connector accepts', async () => {
    const claims = decodeJwt(dev.botToken);
    expect(claims).toMatchObject({ aud: 'https://api.botframework.com', appid: TEST_CLIENT_ID, azp: TEST_CLIENT_ID, tid: TEST_TENANT_ID, idtyp: 'app' });
    expect(claims['roles']).toBeUndefined();
    expect((await dev.graph('GET', '/users?$top=1', undefined, dev.botToken)).status).toBe(401);
    const graphOnConnector = await dev.connector('POST', '/v3/conversations', { members: [{ id: dev.people[0]!.id }], tenantId: TEST_TENANT_ID }, dev.graphToken);
    expect(graphOnConnector.status).toBe(401);
    expect(graphOnConnector.body).toEqual({ message: 'Authorization has been denied for this request.' });
    expect((await dev.connector('POST', '/v3/conversations', {}, null)).status).toBe(401);
  });

  it('refuses a Bot Framework scope that is not /.default', async () => {
    await expect(tokenFor(dev.url, TEST_CLIENT_ID, dev.t.tenant.clientSecret, 'https://api.botframework.com/Messages.Send')).rejects.toThrow(/AADSTS1002012/);
  });
});

describe('Graph installedApps for people (userTeamwork)', () => {
  it("finds Upward in the org catalog by its manifest id, under a catalog id of its own", async () => {
    const catalog = await dev.graph('GET', `/appCatalogs/teamsApps?$filter=externalId eq '${TEST_TEAMS_APP_ID}' and distributionMethod eq 'organization'`);
    expect(catalog.status).toBe(200);
    expect(catalog.body.value).toEqual([{ id: catalogId, externalId: TEST_TEAMS_APP_ID, displayName: 'Upward', distributionMethod: 'organization' }]);
    expect(catalogId).not.toBe(TEST_TEAMS_APP_ID);
    expect((await dev.graph('GET', "/appCatalogs/teamsApps?$filter=externalId eq 'not-an-app'")).body.value).toEqual([]);
  });

  it('installs for a person (201), refuses a second install (409), lists it and gives its 1:1 chat', async () => {
    const person = dev.people[3]!;
    const first = await dev.graph('POST', `/users/${person.id}/teamwork/installedApps`, bind(catalogId));
    expect(first.status).toBe(201);
    const again = await dev.graph('POST', `/users/${person.userPrincipalName}/teamwork/installedApps`, bind(catalogId));
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('Conflict');

    const listed = await dev.graph('GET', `/users/${person.id}/teamwork/installedApps?$expand=teamsApp&$filter=teamsApp/externalId eq '${TEST_TEAMS_APP_ID}'`);
    expect(listed.status).toBe(200);
    expect(listed.body.value).toHaveLength(1);
    expect(listed.body.value[0].teamsApp).toEqual({ id: catalogId, externalId: TEST_TEAMS_APP_ID, displayName: 'Upward', distributionMethod: 'organization' });
    const installationId = listed.body.value[0].id as string;
    expect(Buffer.from(installationId, 'base64').toString()).toBe(`${person.id}##${catalogId}`);

    const chat = await dev.graph('GET', `/users/${person.id}/teamwork/installedApps/${encodeURIComponent(installationId)}/chat`);
    expect(chat.status).toBe(200);
    expect(chat.body).toMatchObject({ id: `19:${person.id}_${TEST_CLIENT_ID}@unq.gbl.spaces`, chatType: 'oneOnOne', tenantId: TEST_TENANT_ID });
    // Nobody else has it installed.
    expect((await dev.graph('GET', `/users/${dev.people[4]!.id}/teamwork/installedApps`)).body.value).toEqual([]);
  });

  it("posts installationUpdate (add) to the bot's endpoint, carrying the chat the connector then accepts", async () => {
    const person = dev.people[5]!;
    const before = bot.activities.length;
    expect((await dev.graph('POST', `/users/${person.id}/teamwork/installedApps`, bind(catalogId))).status).toBe(201);
    await dev.t.tenant.teams.idle();
    const delivered = bot.activities.slice(before);
    expect(delivered).toHaveLength(1);
    const activity = delivered[0];
    expect(activity).toMatchObject({
      type: 'installationUpdate',
      action: 'add',
      channelId: 'msteams',
      serviceUrl: `${dev.url}/`,
      from: { aadObjectId: person.id, name: person.displayName },
      recipient: { id: `28:${TEST_CLIENT_ID}` },
      conversation: { conversationType: 'personal', tenantId: TEST_TENANT_ID },
    });
    expect(activity.conversation.id).toMatch(/^a:1/);
    const sent = await dev.connector('POST', `/v3/conversations/${activity.conversation.id}/activities`, { type: 'message', text: 'Welcome!' });
    expect(sent.status).toBe(201);
    const received = await dev.admin('GET', `/received?userId=${person.id}`);
    expect(received.body.value[0].activities.map((a: any) => a.text)).toEqual(['Welcome!']);
    expect((await dev.admin('GET', '/stats')).body.deliveries.ok).toBeGreaterThanOrEqual(1);
  });

  it('removing the app tells the bot and blocks writes with 403 MessageWritesBlocked', async () => {
    const person = dev.people[6]!;
    const conversationId = await dev.install(person);
    await dev.t.tenant.teams.idle();
    const listed = await dev.graph('GET', `/users/${person.id}/teamwork/installedApps`);
    const before = bot.activities.length;
    expect((await dev.graph('DELETE', `/users/${person.id}/teamwork/installedApps/${encodeURIComponent(listed.body.value[0].id)}`)).status).toBe(204);
    await dev.t.tenant.teams.idle();
    expect(bot.activities.slice(before).map((a) => [a.type, a.action])).toEqual([['installationUpdate', 'remove']]);
    const refused = await dev.connector('POST', `/v3/conversations/${conversationId}/activities`, { type: 'message', text: 'still there?' });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: 'BotNotInConversationRoster', subCode: 'MessageWritesBlocked' });
  });

  it('refuses without an installation permission (403), a bad bind (400) and an app not in the catalog (404)', async () => {
    const person = dev.people[7]!;
    const limited = await appToken(dev.url, TEST_TENANT_ID, LIMITED_CLIENT_ID, LIMITED_SECRET);
    expect((await dev.graph('POST', `/users/${person.id}/teamwork/installedApps`, bind(catalogId), limited)).status).toBe(403);
    expect((await dev.graph('GET', `/users/${person.id}/teamwork/installedApps`, undefined, limited)).status).toBe(403);
    expect((await dev.graph('POST', `/users/${person.id}/teamwork/installedApps`, { teamsApp: catalogId })).status).toBe(400);
    const unknown = await dev.graph('POST', `/users/${person.id}/teamwork/installedApps`, bind('00000000-0000-4000-8000-000000000000'));
    expect(unknown.status).toBe(404);
    expect((await dev.graph('POST', `/users/nobody@nowhere.example/teamwork/installedApps`, bind(catalogId))).status).toBe(404);
  });
});
