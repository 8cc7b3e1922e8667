/**
 * Check-in answers: stored once per person and streak (a repeat keeps the first), read back only
 * by their author, counted per program for the admin, and scoped by tenant.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenantId as toTenantId, userId } from '../../src/core/ids.ts';
import { epochMs } from '../../src/core/time.ts';
import { checkInRepository } from '../../src/store/check-ins.ts';
import { openTestStore, type TestStore } from './open-test-store.ts';

let testStore: TestStore;
beforeAll(async () => {
  testStore = await openTestStore('pglite');
});
afterAll(() => testStore?.cleanup());

const answer = (user: string, choice: string, streakKey = 'missed-streak:pair-1:s2', programId = 'program-1') => ({
  streakKey,
  userId: userId(user),
  programId,
  pairId: 'pair-1',
  choice,
  answeredAt: epochMs(Date.UTC(2026, 10, 18, 12)),
});

describe('check-in repository', () => {
  it('stores an answer once and keeps the first on a repeat', async () => {
    const tenant = toTenantId(randomUUID());
    const repo = checkInRepository(testStore.store.db);
    expect(await repo.record(tenant, answer('junior-1', 'new-partner'))).toMatchObject({ recorded: true, answer: { choice: 'new-partner' } });
    expect(await repo.record(tenant, answer('junior-1', 'keep'))).toMatchObject({ recorded: false, answer: { choice: 'new-partner' } });
    expect((await repo.get(tenant, 'missed-streak:pair-1:s2', userId('junior-1')))?.choice).toBe('new-partner');
    expect(await repo.get(tenant, 'missed-streak:pair-1:s2', userId('senior-1'))).toBeUndefined();
  });

  it('counts answers per choice within one program of one tenant', async () => {
    const tenant = toTenantId(randomUUID());
    const other = toTenantId(randomUUID());
    const repo = checkInRepository(testStore.store.db);
    await repo.record(tenant, answer('junior-1', 'new-partner'));
    await repo.record(tenant, answer('senior-1', 'keep'));
    await repo.record(tenant, answer('junior-1', 'keep', 'missed-streak:pair-1:s5'));
    await repo.record(tenant, answer('junior-2', 'contact', 'missed-streak:pair-9:s2', 'program-2'));
    await repo.record(other, answer('junior-1', 'contact'));
    expect(await repo.countForProgram(tenant, 'program-1')).toEqual({ 'new-partner': 1, keep: 2 });
    expect(await repo.countForProgram(tenant, 'program-2')).toEqual({ contact: 1 });
    expect(await repo.get(other, 'missed-streak:pair-1:s2', userId('junior-1'))).toMatchObject({ choice: 'contact' });
  });
});
