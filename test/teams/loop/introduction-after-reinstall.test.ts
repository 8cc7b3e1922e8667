/**
 * An introduction missed while Upward was blocked reaches the person once they install it again,
 * as `npm start` wires it: the junior has blocked the bot when the pairs are published, so only
 * the senior is introduced; the junior then unblocks and adds Upward again (the development
 * tenant posts installationUpdate to the running bot, as Teams does) and gets the introduction,
 * once, however often the install is repeated.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DevPerson } from '../../../src/devtenant/dev-tenant.ts';
import { waitFor } from '../../programs/wait-for.ts';
import { nextTerm, pickPair, publishProgram, startAppFixture, type AppFixture } from '../../programs/app-fixture.ts';

let fx: AppFixture;
let junior: DevPerson;
let senior: DevPerson;

const intros = (person: DevPerson) =>
  fx.app.devTenant!.teams.received({ userId: person.id }).flatMap((p) => p.activities).filter((a) => /^Meet your partner/.test(a.summary ?? ''));

/** The junior takes Upward out and adds it again, as from the Teams app store. */
async function reinstall(person: DevPerson): Promise<void> {
  const teams = fx.app.devTenant!.teams;
  const [installed] = teams.installedApps(person.tenantId, person.id);
  if (installed !== undefined) teams.uninstall(person, installed.id);
  const [app] = teams.catalog(person.tenantId);
  const result = teams.install(person, app!);
  if ('conflict' in result) throw new Error('Upward was still installed');
  await teams.idle();
}

beforeAll(async () => {
  fx = await startAppFixture();
  const admin = fx.admins()[0]!;
  ({ senior, junior } = pickPair(fx.people()));
  fx.app.devTenant!.teams.setBlocked(junior.tenantId, [junior.id], true);
  await publishProgram(fx, admin, { name: 'Introductions after a reinstall', topicTracks: ['GenAI tools', 'Strategy'], cadence: 'weekly', sessionMinutes: 45, term: nextTerm(12) }, {
    mentees: [senior],
    mentors: [junior],
  });
}, 180_000);

afterAll(() => fx?.close());

it('sends the introduction missed while Upward was blocked once it is installed again, and only once', async () => {
  // The senior is introduced; the junior, who blocked Upward, is recorded as unreachable.
  await waitFor("the senior's introduction", () => (intros(senior).length > 0 ? true : undefined));
  await waitFor("the junior's blocked introduction", async () => {
    const blocked = await fx.app.store.db.selectFrom('conversation_references').select('user_id').where('blocked_at', 'is not', null).execute();
    return blocked.some((row) => row.user_id.toLowerCase() === junior.id.toLowerCase()) ? true : undefined;
  });
  expect(intros(junior)).toEqual([]);

  fx.app.devTenant!.teams.setBlocked(junior.tenantId, [junior.id], false);
  await reinstall(junior);
  const [card, ...more] = await waitFor("the junior's introduction after reinstalling", () => (intros(junior).length > 0 ? intros(junior) : undefined));
  expect(more).toEqual([]);
  expect(JSON.stringify(card!.attachments)).toContain(senior.displayName);

  // Installing again (a second device, a repeated event) sends nothing more.
  await reinstall(junior);
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  expect(intros(junior)).toHaveLength(1);
  expect(intros(senior)).toHaveLength(1);
}, 120_000);
