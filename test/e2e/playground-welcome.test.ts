/**
 * Upward's bot in the real Microsoft 365 Agents Playground, as a seeded person of the development
 * tenant: adding the app sends the welcome card and stores the conversation reference; "help"
 * lists what the bot can do; anything else gets the "did not understand" reply. Everything runs on
 * loopback: Upward and its development tenant in this process, the Playground as a child.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlaygroundConfig, playgroundBotId, type PlaygroundConfig } from '../../scripts/playground-config.ts';
import { startApp, type RunningApp } from '../../src/app/start-app.ts';
import { tenantId as toTenantId, userId as toUserId } from '../../src/core/ids.ts';
import type { DevPerson } from '../../src/devtenant/dev-tenant.ts';
import { escapeCardText } from '../../src/teams/cards/welcome-card.ts';
import { adaptiveCardOf, connectPlayground, type PlaygroundClient, type PlaygroundMessage } from '../playground/playground-client.ts';
import { startPlayground, type RunningPlayground } from '../playground/playground-process.ts';

let dataDir: string;
let app: RunningApp | undefined;
let playground: RunningPlayground | undefined;
let client: PlaygroundClient | undefined;
let person: DevPerson;
let tenantId: string;
let config: PlaygroundConfig;
let installCard: PlaygroundMessage | undefined;

const fromBot = (message: PlaygroundMessage): boolean => message.from.id === config.bot.id;
const inPersonalChat = (conversationId: string): boolean => conversationId === config.personalChat.id;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'upward-playground-'));
  app = await startApp({ overrides: { PORT: '0', DEVTENANT_PORT: '0', DATA_DIR: join(dataDir, 'data'), LOG_LEVEL: 'warn' } });
  const devTenant = app.devTenant;
  if (!devTenant) throw new Error('the development tenant is not enabled in env/.env.local');
  tenantId = devTenant.tenantId;
  const people = devTenant.directory.people(tenantId);
  // Someone a few levels down, so the five others are real department colleagues.
  person = people.find((p) => p.depth >= 3 && p.managerId !== null)!;
  config = buildPlaygroundConfig({
    tenantId,
    people,
    as: person.userPrincipalName,
    botAppId: app.config.bot.appId,
  });
  playground = await startPlayground({ endpoint: `${app.url}/api/messages`, config, dir: dataDir });
  client = await connectPlayground(playground.url);
});

afterAll(async () => {
  await client?.settle();
  client?.close();
  await playground?.stop();
  await app?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('Upward in the Agents Playground', () => {
  it('plays the chosen seeded person, with their object id, in their tenant', async () => {
    const loaded = await client!.config();
    expect(loaded.tenantId).toBe(tenantId);
    expect(loaded.currentUser.aadObjectId).toBe(person.id.toLowerCase());
    expect(loaded.currentUser.name).toBe(person.displayName);
    expect(loaded.users).toHaveLength(5);
    expect(loaded.personalChat.id).toBe(config.personalChat.id);
  });

  it('sends the welcome card when Upward is added, and stores the conversation reference', async () => {
    client!.skipPending();
    await client!.install(config.personalChat.id);
    const event = await client!.next((e) => e.action === 'createMessage' && inPersonalChat(e.actionConversationId) && fromBot(e.message));
    installCard = event.message;
    const card = adaptiveCardOf(event.message);
    expect(card?.type).toBe('AdaptiveCard');
    expect(card?.version).toBe('1.5');
    expect(card?.body[0]?.text).toMatch(/^Welcome to Upward/);
    expect(card?.actions).toContainEqual(expect.objectContaining({ type: 'Action.OpenUrl', url: `${app!.url}/tab/` }));

    // The bot stores the reference before it answers, so it is there once the card has arrived.
    const rows = await app!.store.db.selectFrom('conversation_references').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      tenant_id: tenantId.toLowerCase(),
      // The object id, not the `29:` channel account id the Playground also sends.
      user_id: person.id.toLowerCase(),
      conversation_id: config.personalChat.id,
      service_url: `${playground!.url}/_connector`,
      channel_id: 'msteams',
      bot_id: playgroundBotId(app!.config.bot.appId),
    });
  });

  // The install event carries no name (the Playground, like Teams, sends `from: { id, aadObjectId }`
  // only): the bot looks the first name up in the directory.
  it('greets the person by their directory first name in the welcome card on install', () => {
    expect(adaptiveCardOf(installCard!)?.body[0]?.text).toBe(`Welcome to Upward, ${escapeCardText(person.givenName)}!`);
  });

  it('answers "help" with the card of what it can do, and keeps the person\'s name', async () => {
    client!.skipPending();
    await client!.say(config.personalChat.id, config.currentUser.id, 'help');
    const event = await client!.next((e) => e.action === 'createMessage' && inPersonalChat(e.actionConversationId) && fromBot(e.message));
    const card = adaptiveCardOf(event.message);
    expect(JSON.stringify(card)).toContain('What I can do');

    const row = await app!.store.db
      .selectFrom('conversation_references')
      .selectAll()
      .where('tenant_id', '=', toTenantId(tenantId.toLowerCase()))
      .where('user_id', '=', toUserId(person.id.toLowerCase()))
      .executeTakeFirstOrThrow();
    expect(row.user_name).toBe(person.displayName);
  });

  it('says it did not understand anything else', async () => {
    client!.skipPending();
    await client!.say(config.personalChat.id, config.currentUser.id, 'flurble wobbly zork');
    const event = await client!.next((e) => e.action === 'createMessage' && inPersonalChat(e.actionConversationId) && fromBot(e.message));
    expect(event.message.text).toMatch(/did not understand “flurble wobbly zork”/);
    expect(adaptiveCardOf(event.message)).toBeUndefined();
  });
});
