/** Session plans from a terminal: `create --plan` and `plan <program>`, with the server's field errors. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cliAgainst } from './cli-runner.ts';
import { startAppFixture, type AppFixture } from '../programs/app-fixture.ts';

let fx: AppFixture;
beforeAll(async () => {
  fx = await startAppFixture();
});
afterAll(() => fx?.close());

const upward = cliAgainst(() => fx.app.url, 'program');

it('creates a program with a plan per track, replaces the plans, refuses a plan for an unknown track, and clears them', async () => {
  const admin = fx.admins()[0]!.userPrincipalName;
  const created = await upward('create', '--as', admin, '--name', 'Planned', '--tracks', 'GenAI tools,Strategy', '--cadence', 'weekly', '--minutes', '45',
    '--start', '2026-09-01T00:00:00Z', '--end', '2027-03-01T00:00:00Z',
    '--plan', 'GenAI tools: Prompting basics; Meeting notes with AI', '--plan', 'strategy: How a budget is made');
  expect(created.code, created.err).toBe(0);
  expect(created.out).toContain('plan for GenAI tools: 1. Prompting basics; 2. Meeting notes with AI');
  expect(created.out).toContain('plan for Strategy: 1. How a budget is made');
  const id = /\(([0-9a-f-]{36})\)/.exec(created.out)![1]!;

  const replaced = await upward('plan', id, '--as', admin, '--plan', 'Strategy: Saying no; Reading a board paper');
  expect(replaced.code, replaced.err).toBe(0);
  expect((await fx.call(fx.admins()[0]!, 'GET', `/programs/${id}`)).body.program.trackPlans).toEqual([
    { track: 'Strategy', sessionTopics: ['Saying no', 'Reading a board paper'], reflectionQuestions: [] },
  ]);

  const refused = await upward('plan', id, '--as', admin, '--plan', 'Cooking: Knives');
  expect(refused.code).toBe(1);
  expect(refused.err).toContain('trackPlans.0.track: "Cooking" is not one of the program\'s topic tracks');
  expect((await fx.call(fx.admins()[0]!, 'GET', `/programs/${id}`)).body.program.trackPlans).toHaveLength(1);

  expect((await upward('plan', id, '--as', admin, '--plan', 'no colon here')).code).toBe(2);
  expect((await upward('plan', id, '--as', admin, '--clear')).code).toBe(0);
  expect((await fx.call(fx.admins()[0]!, 'GET', `/programs/${id}`)).body.program.trackPlans).toEqual([]);
}, 60_000);
