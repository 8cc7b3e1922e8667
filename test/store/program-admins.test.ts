/**
 * Who administers which program, on both backends: the owner and co-admins come back as they
 * went in, an owner is never removed as a co-admin, each organisation sees only its own rows; and
 * migration 0010 makes every existing program owned by its recorded creator.
 */
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect } from 'kysely';
import { Migrator } from 'kysely/migration';
import { expect, it } from 'vitest';
import { tenantId, userId, type TenantId } from '../../src/core/ids.ts';
import { createProgram } from '../../src/core/programs/program-settings.ts';
import { programId } from '../../src/core/programs/program.ts';
import { epochMs } from '../../src/core/time.ts';
import { migrationProvider } from '../../src/store/migrations/index.ts';
import { programAdminRepository } from '../../src/store/program-admins.ts';
import { programRepository } from '../../src/store/programs.ts';
import type { Database } from '../../src/store/schema.ts';
import { describeEachBackend, freshTenant } from './each-backend.ts';

const T0 = Date.parse('2027-02-01T00:00:00Z');
const programIn = (tenant: TenantId, id: string) =>
  createProgram(
    { name: `Program ${id}`, topicTracks: ['GenAI tools'], cadence: 'weekly', sessionMinutes: 45, term: { start: '2027-03-02T00:00:00Z', end: '2027-05-25T00:00:00Z' } },
    { id: programId(id), tenantId: tenant },
    epochMs(T0),
  );
const admin = (programIdValue: string, who: string, role: 'owner' | 'co-admin', at = T0) => ({
  programId: programIdValue,
  userId: userId(who),
  role,
  displayName: `Name ${who}`,
  addedBy: userId('owner-1'),
  addedAt: epochMs(at),
});

describeEachBackend('program admins', ({ store }) => {
  it('lists the owner first, adds each person once, and removes co-admins but never the owner', async () => {
    const tenant = freshTenant();
    await programRepository(store().db).insert(tenant, programIn(tenant, 'p-1'), userId('owner-1'));
    const admins = programAdminRepository(store().db);
    expect(await admins.add(tenant, admin('p-1', 'co-2', 'co-admin', T0 - 1000))).toBe(true);
    expect(await admins.add(tenant, admin('p-1', 'owner-1', 'owner'))).toBe(true);
    expect(await admins.add(tenant, admin('p-1', 'co-2', 'co-admin'))).toBe(false);
    expect((await admins.list(tenant, 'p-1')).map((a) => [a.userId, a.role, a.displayName])).toEqual([
      ['owner-1', 'owner', 'Name owner-1'],
      ['co-2', 'co-admin', 'Name co-2'],
    ]);
    expect(await admins.standing(tenant, 'p-1', userId('CO-2'))).toEqual({ role: 'co-admin', claimed: true });
    expect(await admins.standing(tenant, 'p-1', userId('stranger'))).toEqual({ role: undefined, claimed: true });
    expect(await admins.removeCoAdmin(tenant, 'p-1', userId('owner-1'))).toBe(false);
    expect(await admins.removeCoAdmin(tenant, 'p-1', userId('co-2'))).toBe(true);
    expect((await admins.list(tenant, 'p-1')).map((a) => a.userId)).toEqual(['owner-1']);
  });

  it('tells claimed programs from unclaimed ones, per organisation', async () => {
    const tenant = freshTenant();
    const other = freshTenant();
    const programs = programRepository(store().db);
    for (const id of ['mine', 'theirs', 'unclaimed']) await programs.insert(tenant, programIn(tenant, id), userId('someone'));
    await programs.insert(other, programIn(other, 'mine'), userId('someone'));
    const admins = programAdminRepository(store().db);
    await admins.add(tenant, admin('mine', 'me', 'owner'));
    await admins.add(tenant, admin('theirs', 'you', 'owner'));
    await admins.add(other, admin('mine', 'you', 'owner'));
    expect(Object.fromEntries(await admins.claimedPrograms(tenant, userId('me')))).toEqual({ mine: true, theirs: false });
    expect(await admins.standing(tenant, 'unclaimed', userId('me'))).toEqual({ role: undefined, claimed: false });
    expect(Object.fromEntries(await admins.claimedPrograms(other, userId('me')))).toEqual({ mine: false });
  });
});

it('migration 0010 makes each existing program owned by the admin recorded as its creator', async () => {
  const pglite = await PGlite.create();
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
  try {
    const migrator = new Migrator({ db, provider: migrationProvider, migrationTableSchema: 'public' });
    expect((await migrator.migrateTo('0008-action-done')).error).toBeUndefined();
    const a = tenantId('tenant-a');
    const b = tenantId('tenant-b');
    // Written before program ownership existed: only `created_by` says who set each one up.
    await db.insertInto('programs').values([a, b].map((tenant, i) => ({
      tenant_id: tenant, id: 'p-1', name: 'Spring', state: 'draft', rotation_cycle: 1, settings: '{}',
      created_by: userId(`creator-${i}`), created_at: new Date(T0), updated_at: new Date(T0), state_changed_at: new Date(T0),
    }))).execute();
    expect((await migrator.migrateTo('0010-program-admins')).error).toBeUndefined();
    const admins = programAdminRepository(db);
    expect((await admins.list(a, 'p-1')).map((x) => [x.userId, x.role, x.addedAt])).toEqual([['creator-0', 'owner', T0]]);
    expect((await admins.list(b, 'p-1')).map((x) => [x.userId, x.role])).toEqual([['creator-1', 'owner']]);
  } finally {
    await db.destroy();
    await pglite.close().catch(() => undefined);
  }
}, 60_000);
