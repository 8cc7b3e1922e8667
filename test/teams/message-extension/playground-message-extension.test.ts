/**
 * The message extension through the real Microsoft 365 Agents Playground: a test-only App (Teams
 * SDK v2) with only `registerMessageExtension` on it, on an ephemeral loopback port, and the
 * Playground as a child process relaying the invokes its "+" button sends.
 */
import express from 'express';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, ExpressAdapter } from '@microsoft/teams.apps';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildPlaygroundConfig, type PlaygroundConfig, type PlaygroundPerson } from '../../../scripts/playground-config.ts';
import { tenantId } from '../../../src/core/ids.ts';
import { pairId } from '../../../src/core/sessions/session.ts';
import { epochMs } from '../../../src/core/time.ts';
import { registerMessageExtension, teachSearch, type BacklogEntry } from '../../../src/teams/message-extension/index.ts';
import { invokeInPlayground } from '../../playground/playground-invoke.ts';
import { startPlayground, type RunningPlayground } from '../../playground/playground-process.ts';
import { enrolment, profiles, silentLog } from './fixtures.ts';

const TENANT = 'a1b2c3d4-0000-4000-8000-00000000aaaa';
const person = (n: number, given: string): PlaygroundPerson => ({
  id: `00000000-0000-4000-8000-00000000000${n}`,
  displayName: `${given} Test`,
  givenName: given,
  surname: 'Test',
  userPrincipalName: `${given.toLowerCase()}@upward.test`,
  mail: `${given.toLowerCase()}@upward.test`,
  department: 'Digital',
  managerId: null,
});
const people = ['Martin', 'Priya', 'Ana', 'Ben', 'Cy', 'Dee'].map((name, i) => person(i + 1, name));
const me = people[0]!;

let dir: string;
let server: Server | undefined;
let playground: RunningPlayground | undefined;
let config: PlaygroundConfig;
const stored: BacklogEntry[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'upward-me-playground-'));
  const web = express();
  const app = new App({ httpServerAdapter: new ExpressAdapter(web), dangerouslyAllowUnauthenticatedRequests: true, messagingEndpoint: '/api/messages' });
  const inTenant = (e: ReturnType<typeof enrolment>) => ({ ...e, tenantId: tenantId(TENANT) });
  registerMessageExtension(app, {
    log: silentLog,
    defaultTenantId: TENANT,
    now: () => epochMs(Date.now()),
    tabUrl: 'http://127.0.0.1/tab/',
    search: teachSearch(
      {
        listPublicProfiles: async () =>
          profiles(
            inTenant(enrolment(me.id, me.displayName, ['Strategy'], { role: 'mentee' })),
            inTenant(enrolment(people[1]!.id, 'Priya Test', ['GenAI prompting'])),
            inTenant(enrolment(people[2]!.id, 'Ana Test', ['Excel'])),
          ),
      },
      () => epochMs(Date.now()),
    ),
    pairs: { runningPairsOf: async () => [{ pairId: pairId('pair-1'), programName: 'Reverse mentoring', partnerNames: ['Priya Test'] }] },
    backlog: { add: async (_t, entry) => (stored.push(entry), { added: true }) },
    nextSession: { forPerson: async () => ({ kind: 'none', reason: 'not-booked', tabUrl: 'http://127.0.0.1/tab/' }) },
    sessionLog: { record: async () => 'recorded' },
  });
  await app.initialize();
  server = await new Promise<Server>((resolve) => {
    const s = web.listen(0, '127.0.0.1', () => resolve(s));
  });
  const port = (server.address() as AddressInfo).port;
  config = buildPlaygroundConfig({ tenantId: TENANT, people, as: me.userPrincipalName, botAppId: '11111111-2222-4333-8444-555555555555' });
  playground = await startPlayground({ endpoint: `http://127.0.0.1:${port}/api/messages`, config, dir });
}, 60_000);

afterAll(async () => {
  await playground?.stop();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const invoke = (name: string, value: unknown) => invokeInPlayground(playground!, config, name, value);

it('searches by what people teach through the Playground: "prompt" finds Priya', async () => {
  // Wait until the Playground has probed the bot and loaded its configuration.
  await fetch(`${playground!.url}/_internal/v1/config`, { signal: AbortSignal.timeout(20_000) });
  const body = await invoke('composeExtension/query', { commandId: 'findMentors', parameters: [{ name: 'query', value: 'prompt' }], queryOptions: { skip: 0, count: 25 } });
  const result = body.composeExtension;
  expect(result.type).toBe('result');
  expect(result.attachments.map((a: any) => a.preview.content.title)).toEqual(['Priya Test']);
});

it('opens and submits "Add to our agenda" on a message through the Playground', async () => {
  const messagePayload = { id: 'm-42', body: { contentType: 'html', content: '<p>Show me how you use Copilot</p>' } };
  const opened = await invoke('composeExtension/fetchTask', { commandId: 'addToAgenda', commandContext: 'message', messagePayload });
  const task = opened.task;
  expect(task.type).toBe('continue');
  const card = task.value.card.content;
  const data = { ...card.actions[0].data, agendaItem: 'Show me how you use Copilot' };
  const submitted = await invoke('composeExtension/submitAction', { commandId: 'addToAgenda', commandContext: 'message', data });
  expect(submitted.task.value.card.content.body[0].text).toMatch(/^Added to your agenda with Priya Test/);
  expect(stored).toEqual([expect.objectContaining({ pairId: 'pair-1', id: 'message:m-42', text: 'Show me how you use Copilot', addedBy: me.id })]);
});
