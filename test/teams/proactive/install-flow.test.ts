import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../../src/app/start-app.ts';
import { tenantId as toTenantId, userId as toUserId } from '../../../src/core/ids.ts';
import { conversationReferenceRepository } from '../../../src/store/conversation-references.ts';
import { createAppTokenProvider } from '../../../src/graph/app-token-provider.ts';
import { createGraphClient } from '../../../src/graph/graph-client.ts';
import { createTeamsAppInstaller } from '../../../src/graph/teamwork.ts';
import { cardActivity, createPersonInstaller } from '../../../src/teams/proactive/index.ts';

/**
 * The whole install path as `npm start` wires it: Upward installs itself for a person through
 * Graph, the development tenant's Teams posts installationUpdate to Upward's bot, the bot stores
 * the conversation reference (and greets the person through the Bot Connector with its own bot
 * token), and proactive cards then reach the person.
 */
let app: RunningApp;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'upward-install-'));
  app = await startApp({ overrides: { PORT: '0', DEVTENANT_PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent', DEVTENANT_SIZE: '40' } });
}, 120_000);
afterAll(async () => {
  await app?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const received = async (userId: string): Promise<any[]> => {
  const dev = app.devTenant!;
  const response = await fetch(`${dev.url}/_devtenant/connector/received?userId=${userId}`, { headers: { authorization: `Bearer ${dev.clientSecret}` } });
  const body = (await response.json()) as { value: { activities: any[] }[] };
  return body.value[0]?.activities ?? [];
};

describe('installing Upward for a person and messaging them proactively', () => {
  it('installs through Graph; the bot stores the reference from installationUpdate and greets them', async () => {
    const tenant = toTenantId(app.devTenant!.tenantId);
    const person = app.devTenant!.directory.people(tenant)[5]!;
    const references = conversationReferenceRepository(app.store.db);
    expect(await references.get(tenant, toUserId(person.id))).toBeUndefined();

    const outcome = await app.proactive.installer.ensureReachable(tenant, toUserId(person.id));
    expect(outcome).toMatchObject({ status: 'installed', via: 'bot', wasInstalled: false });
    const reference = await references.get(tenant, toUserId(person.id));
    expect(reference).toMatchObject({ conversationId: (outcome as { conversationId: string }).conversationId, serviceUrl: `${app.devTenant!.url}/`, channelId: 'msteams' });
    expect(reference!.conversationId).toMatch(/^a:1/);

    // The bot's welcome card went through the connector with the bot's own token.
    await app.devTenant!.teams.idle();
    const greeting = await received(person.id);
    expect(greeting).toHaveLength(1);
    expect(greeting[0].attachments[0].contentType).toBe('application/vnd.microsoft.card.adaptive');

    expect(await app.proactive.installer.ensureReachable(tenant, toUserId(person.id))).toMatchObject({ status: 'reachable', conversationId: reference!.conversationId });

    const sent = await app.proactive.sender.send(tenant, {
      userId: toUserId(person.id),
      key: 'intro:pair-1',
      activity: cardActivity({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'Meet your partner' }] }, 'Meet your partner'),
    });
    expect(sent).toMatchObject({ status: 'sent', conversationId: reference!.conversationId });
    expect((await received(person.id)).map((a) => a.summary)).toContain('Meet your partner');
  }, 60_000);

  it("stores the reference from Graph's chat when the bot's install activity does not come", async () => {
    const tenant = toTenantId(app.devTenant!.tenantId);
    const person = app.devTenant!.directory.people(tenant)[6]!;
    const teams = app.devTenant!.teams;
    teams.setBotEndpoint(undefined);
    try {
      // Upward's installer as wired, but waiting a moment rather than ten seconds for the bot.
      const { config } = app;
      const tokens = createAppTokenProvider({ loginBaseUrl: config.entra.loginBaseUrl, clientId: config.entra.clientId, clientSecret: config.entra.clientSecret!, resource: 'https://graph.microsoft.com' });
      const installer = createPersonInstaller({
        installerFor: (t) => createTeamsAppInstaller(createGraphClient({ baseUrl: config.entra.graphBaseUrl, token: () => tokens.getToken(t) })),
        references: conversationReferenceRepository(app.store.db),
        teamsAppId: config.teams.appId,
        botId: config.entra.clientId,
        defaultServiceUrl: `${app.devTenant!.url}/`,
        waitMs: 300,
        pollMs: 50,
      });
      const outcomes = await installer.ensureReachableAll(tenant, [toUserId(person.id)]);
      expect(outcomes).toEqual([expect.objectContaining({ status: 'installed', via: 'graph-chat' })]);
      const reference = await conversationReferenceRepository(app.store.db).get(tenant, toUserId(person.id));
      expect(reference?.conversationId).toBe(`19:${person.id}_${app.config.entra.clientId}@unq.gbl.spaces`);
      expect(reference?.serviceUrl).toBe(`${app.devTenant!.url}/`);
      // The connector takes the Graph chat id as the conversation.
      const sent = await app.proactive.sender.send(tenant, { userId: toUserId(person.id), key: 'intro:pair-2', activity: cardActivity({ type: 'AdaptiveCard', version: '1.5', body: [] }, 'Hello') });
      expect(sent.status).toBe('sent');
      expect((await received(person.id)).map((a) => a.summary)).toEqual(['Hello']);
    } finally {
      teams.setBotEndpoint(`${app.url}/api/messages`);
    }
  }, 60_000);
});
