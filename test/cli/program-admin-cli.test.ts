/**
 * `upward program admins|add-admin|remove-admin|claim` against a running Upward: the creator owns
 * the program, other admins neither list nor reach it until the owner adds them, and a co-admin
 * cannot add anyone.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cliAgainst } from './cli-runner.ts';
import { startAppFixture, type AppFixture } from '../programs/app-fixture.ts';

let fx: AppFixture;
beforeAll(async () => {
  fx = await startAppFixture();
});
afterAll(() => fx?.close());

const upward = cliAgainst(() => fx.app.url, 'program');

it('lets the owner share a program with a co-admin and take it back', async () => {
  const [owner, other, third] = fx.admins().map((a) => a);
  const created = await upward('create', '--as', owner!.userPrincipalName, '--json', '--name', 'Owned from the CLI', '--tracks', 'GenAI tools',
    '--cadence', 'weekly', '--minutes', '45', '--start', '2027-03-01T00:00:00Z', '--end', '2027-06-01T00:00:00Z');
  expect(created.code, created.err).toBe(0);
  const id = JSON.parse(created.out).program.id as string;

  expect((await upward('admins', id, '--as', owner!.userPrincipalName)).out).toMatch(new RegExp(`^owner {5}${owner!.displayName} `));
  expect((await upward('list', '--as', other!.userPrincipalName)).out).not.toContain(id);
  const hidden = await upward('show', id, '--as', other!.userPrincipalName);
  expect(hidden.code).toBe(1);
  expect(hidden.err).toContain('(404 not_found)');

  const added = await upward('add-admin', id, '--as', owner!.userPrincipalName, '--user', other!.userPrincipalName);
  expect(added.code, added.err).toBe(0);
  expect(added.out).toContain(`co-admin  ${other!.displayName}`);
  expect((await upward('list', '--as', other!.userPrincipalName)).out).toContain(`${id}  draft`);
  const refused = await upward('add-admin', id, '--as', other!.userPrincipalName, '--user', third!.userPrincipalName);
  expect(refused.code).toBe(1);
  expect(refused.err).toContain('(403 forbidden)');

  const removed = await upward('remove-admin', id, '--as', owner!.userPrincipalName, '--user', other!.id);
  expect(removed.code, removed.err).toBe(0);
  expect(removed.out).not.toContain(other!.displayName);
  expect((await upward('show', id, '--as', other!.userPrincipalName)).code).toBe(1);
  expect((await upward('claim', id, '--as', other!.userPrincipalName)).err).toContain('(404 not_found)');
  const noUser = await upward('add-admin', id, '--as', owner!.userPrincipalName);
  expect(noUser.code).toBe(2);
  expect(noUser.err).toContain('--user');
});
