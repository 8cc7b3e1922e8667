/**
 * The participation source against the running development tenant and store: the org is the
 * manager's whole reporting tree from Graph `directReports`, and the facts come only from the
 * caller's tenant.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DevPerson } from '../../src/devtenant/dev-tenant.ts';
import { createAppTokenProvider } from '../../src/graph/app-token-provider.ts';
import { createGraphClient } from '../../src/graph/graph-client.ts';
import { createParticipationSource } from '../../src/server/routes/participation-source.ts';
import type { ParticipationSource } from '../../src/server/routes/participation.ts';
import { pickCohort, publishProgram, startAppFixture, type AppFixture } from '../programs/app-fixture.ts';
import { PROGRAM } from '../programs/program-forms.ts';

let fx: AppFixture;
let source: ParticipationSource;
let seniors: DevPerson[];
let juniors: DevPerson[];

beforeAll(async () => {
  fx = await startAppFixture();
  const { entra } = fx.app.config;
  const tokens = createAppTokenProvider({ loginBaseUrl: entra.loginBaseUrl, clientId: entra.clientId, clientSecret: entra.clientSecret!, resource: 'https://graph.microsoft.com' });
  source = createParticipationSource(fx.app.store.db, (tenantId) => createGraphClient({ baseUrl: entra.graphBaseUrl, token: () => tokens.getToken(tenantId) }));
  const cohort = pickCohort(fx.people(), 2, 1);
  seniors = cohort.seniors;
  juniors = cohort.juniors.filter((j) => j !== cohort.underFirstSenior).slice(0, 2);
  const admin = fx.admins()[0]!;
  await publishProgram(fx, admin, PROGRAM, { mentees: seniors, mentors: juniors });
}, 180_000);
afterAll(() => fx?.close());

describe('createParticipationSource', () => {
  it('reads a manager’s whole reporting tree, direct and indirect', async () => {
    const directory = fx.app.devTenant!.directory;
    const tree = (id: string): string[] => directory.directReports(fx.tenantId, id).flatMap((r) => [r.id, ...tree(r.id)]);
    const root = directory.root(fx.tenantId)!;
    const manager = fx.people().find((p) => p.depth === 1 && tree(p.id).length > directory.directReports(fx.tenantId, p.id).length)!;
    const org = await source.reportsOf(fx.tenantId, manager.id);
    expect(org.map((p) => p.id).sort()).toEqual(tree(manager.id).sort());
    expect(org.map((p) => p.id)).not.toContain(manager.id);
    const someone = org[0]!;
    expect(someone.department).toBe(fx.people().find((p) => p.id === someone.id)!.department);
    expect((await source.reportsOf(fx.tenantId, root.id)).length).toBe(tree(root.id).length);
  });

  it('reports who is enrolled and paired, in this tenant only', async () => {
    const outsider = fx.people().find((p) => p.accountEnabled && ![...seniors, ...juniors].some((c) => c.id === p.id))!;
    const ids = [...seniors, ...juniors, outsider].map((p) => p.id);
    const facts = await source.factsFor(fx.tenantId, ids);
    const byId = new Map(facts.map((f) => [f.userId, f]));
    for (const p of [...seniors, ...juniors]) {
      expect(byId.get(p.id)!.enrolledAt, p.displayName).not.toBeNull();
      expect(byId.get(p.id)!.pairedAt, p.displayName).not.toBeNull();
    }
    expect(byId.get(outsider.id)).toEqual({ userId: outsider.id, enrolledAt: null, pairedAt: null, sessionsHeld: [] });
    const foreign = await source.factsFor(fx.otherTenantId, ids);
    expect(foreign.every((f) => f.enrolledAt === null && f.pairedAt === null)).toBe(true);
  });
});
