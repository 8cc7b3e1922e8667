/**
 * The bot hears Upward being installed for a person — installationUpdate "add", or Teams adding
 * the bot to their personal chat — stores their conversation and tells its install port (which
 * sends the introductions they missed), naming the install by the activity's id. Other members
 * joining a conversation tell it nothing.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createBot, type ConversationReferenceRecord } from '../../src/teams/bot.ts';

const TENANT = '0b8d6a4e-3c1f-4e52-9d7a-1f2e3d4c5b6a';
const PERSON = '5f0c3c52-8d0e-4a8e-9a55-0c6e1f2d3b4a';
const BOT = '28:upward-bot';

let server: Server;
let url: string;
const installs: { tenantId: string; userId: string; installId: string }[] = [];
const stored: ConversationReferenceRecord[] = [];
const delivered: unknown[] = [];

beforeAll(async () => {
  const app = express();
  // Stands in for the Bot Connector the welcome card goes through.
  app.post('/connector/v3/conversations/:id/activities', express.json(), (req, res) => {
    delivered.push(req.body);
    res.json({ id: `activity-${delivered.length}` });
  });
  const bot = createBot({
    log: pino({ level: 'silent' }),
    bot: { id: undefined, password: undefined, allowUnauthenticated: true },
    tenantId: TENANT,
    tabUrl: 'https://upward.test/tab/',
    conversations: { upsert: async (_tenant, reference) => void stored.push(reference) },
    givenNameOf: async () => 'Li',
    onInstalled: async (tenantId, userId, installId) => void installs.push({ tenantId, userId, installId }),
  });
  await bot.mount(app);
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server?.close(() => resolve())));
beforeEach(() => {
  installs.length = 0;
  stored.length = 0;
  delivered.length = 0;
});

const post = (activity: Record<string, unknown>) =>
  fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      channelId: 'msteams',
      serviceUrl: `${url}/connector/`,
      from: { id: `29:${PERSON}`, aadObjectId: PERSON.toUpperCase(), name: 'Li Na Li' },
      recipient: { id: BOT, name: 'Upward' },
      conversation: { id: `a:chat-${PERSON}`, tenantId: TENANT, conversationType: 'personal' },
      ...activity,
    }),
  });

describe('the bot on install', () => {
  it('stores the conversation and tells its install port on installationUpdate "add", then welcomes the person', async () => {
    const response = await post({ type: 'installationUpdate', action: 'add', id: 'install-activity-1' });
    expect(response.status).toBeLessThan(300);
    expect(stored.map((r) => r.userId)).toEqual([PERSON]);
    expect(installs).toEqual([{ tenantId: TENANT, userId: PERSON, installId: 'install-activity-1' }]);
    expect(delivered).toHaveLength(1);
  });

  it('tells its install port when Teams adds the bot to the person\'s chat, without a second welcome', async () => {
    const response = await post({ type: 'conversationUpdate', id: 'added-activity-1', membersAdded: [{ id: BOT }] });
    expect(response.status).toBeLessThan(300);
    expect(installs).toEqual([{ tenantId: TENANT, userId: PERSON, installId: 'added-activity-1' }]);
    expect(stored.map((r) => r.userId)).toEqual([PERSON]);
    expect(delivered).toEqual([]);
  });

  it('tells it nothing when someone else joins a conversation, or when Upward is removed', async () => {
    await post({ type: 'conversationUpdate', id: 'added-activity-2', membersAdded: [{ id: `29:${PERSON}` }] });
    await post({ type: 'installationUpdate', action: 'remove', id: 'remove-activity-1' });
    expect(installs).toEqual([]);
  });
});
