/**
 * `npm run playground -- --as <person>` against a running Upward: after the admin publishes the
 * pairs, the person's partner is among the five other Playground users (read from Upward's API,
 * signed in as the person) and the command's line names them; someone without a partner keeps
 * the five colleagues they had before.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlaygroundConfig } from '../../scripts/playground-config.ts';
import { playgroundWithPartner } from '../../scripts/playground-partner.ts';
import type { DevPerson } from '../../src/devtenant/dev-tenant.ts';
import { PROGRAM } from '../programs/program-forms.ts';
import { pairsPublished, pickPair, publishProgram, startAppFixture, type AppFixture } from '../programs/app-fixture.ts';

let fx: AppFixture;
let junior: DevPerson;
let senior: DevPerson;

beforeAll(async () => {
  fx = await startAppFixture();
  const admin = fx.admins()[0]!;
  ({ senior, junior } = pickPair(fx.people()));
  const { id } = await publishProgram(fx, admin, PROGRAM, { mentees: [senior], mentors: [junior] });
  expect(pairsPublished(fx, id).pairs).toHaveLength(1);
}, 180_000);

afterAll(() => fx?.close());

const input = (as: string) => ({ tenantId: fx.tenantId, people: fx.people(), as, botAppId: fx.app.config.bot.appId, appUrl: fx.app.url });

describe('the Playground as a paired person', () => {
  it('puts the partner among the five, the other four as before, and names them', async () => {
    for (const [me, partner] of [[junior, senior], [senior, junior]] as const) {
      const before = buildPlaygroundConfig(input(me.userPrincipalName));
      const { config, partnerLine } = await playgroundWithPartner(input(me.userPrincipalName));
      expect(config.currentUser.aadObjectId).toBe(me.id.toLowerCase());
      expect(config.users).toHaveLength(5);
      expect(config.users[0]!.aadObjectId).toBe(partner.id.toLowerCase());
      expect(config.users.slice(1)).toEqual(before.users.filter((u) => u.aadObjectId !== partner.id.toLowerCase()).slice(0, 4));
      expect(partnerLine).toBe(`added your partner ${partner.displayName} (${PROGRAM.name})`);
    }
  }, 60_000);

  it('keeps today\'s five for someone with no partner, and says so', async () => {
    const loner = fx.people().find((p) => p.accountEnabled && p.id !== junior.id && p.id !== senior.id && !p.isProgramAdmin)!;
    const { config, partners, partnerLine } = await playgroundWithPartner(input(loner.userPrincipalName));
    expect(partners).toEqual([]);
    expect(config).toEqual(buildPlaygroundConfig(input(loner.userPrincipalName)));
    expect(partnerLine).toBe('none in Upward yet: the five are colleagues');
  });

  it('keeps today\'s five and says why when Upward cannot be asked', async () => {
    const { config, partnerLine } = await playgroundWithPartner({ ...input(junior.userPrincipalName), appUrl: 'http://127.0.0.1:9' });
    expect(config).toEqual(buildPlaygroundConfig(input(junior.userPrincipalName)));
    expect(partnerLine).toMatch(/^unknown \(cannot reach Upward at http:\/\/127\.0\.0\.1:9.*\): the five are colleagues$/);
  });
});
