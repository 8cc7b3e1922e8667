/**
 * The program-health source on both store backends: it counts sessions per pair and per week in
 * one statement, reads only the caller's tenant, and reuses a program's facts for its TTL (shared
 * by concurrent requests), reading the store again after it.
 */
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { createProgramHealthSource } from '../../src/server/routes/program-health-source.ts';
import { describeEachBackend } from '../store/each-backend.ts';
import { seedBooking } from './program-health-seed.ts';

const MON = Date.UTC(2026, 0, 5, 9);
const DAY = 86_400_000;

describeEachBackend('program health source', ({ store }) => {
  const program = async (tenant: string, id: string) => {
    await sql`insert into programs (tenant_id, id, name, state, rotation_cycle, settings, created_by, created_at, updated_at, state_changed_at)
              values (${tenant}, ${id}, 'P', 'active', 1, '{}'::jsonb, 'admin', now(), now(), now())`.execute(store().db);
  };

  it('counts per pair and per week (Monday, UTC), within the tenant only', async () => {
    const db = store().db;
    await program('tenant-a', 'prog');
    await program('tenant-b', 'prog');
    // Sunday 23:00 UTC belongs to the week before the Monday after it.
    await seedBooking(db, 'tenant-a', 'prog', 'pair-1', 'booked', [{ start: MON - 10 * 3_600_000 }, { start: MON }, { start: MON + DAY, status: 'cancelled' }, { start: MON + 8 * DAY }]);
    await seedBooking(db, 'tenant-a', 'prog', 'pair-2', 'no_slot', []);
    await seedBooking(db, 'tenant-b', 'prog', 'pair-9', 'booked', [{ start: MON }, { start: MON }]);
    const facts = (await createProgramHealthSource(db, { ttlMs: 0 }).facts('tenant-a', 'prog', MON + DAY))!;
    expect(facts.weeks).toEqual([
      { week: '2025-12-29', planned: 1 },
      { week: '2026-01-05', planned: 1 },
      { week: '2026-01-12', planned: 1 },
    ]);
    const byPair = new Map(facts.sessions.map((s) => [s.pairId, s]));
    expect(byPair.get('pair-1')).toEqual({ pairId: 'pair-1', bookingStates: ['booked'], planned: 3, past: 2, cancelled: 1 });
    expect(byPair.get('pair-2')).toEqual({ pairId: 'pair-2', bookingStates: ['no_slot'], planned: 0, past: 0, cancelled: 0 });
    expect(byPair.has('pair-9')).toBe(false);
    expect(await createProgramHealthSource(db).facts('tenant-a', 'no-such-program', MON)).toBeUndefined();
  });

  it('reuses facts within the TTL and reads again after it', async () => {
    const db = store().db;
    await program('tenant-c', 'prog');
    let clock = 0;
    const source = createProgramHealthSource(db, { ttlMs: 1_000, clock: () => clock });
    const [a, b] = await Promise.all([source.facts('tenant-c', 'prog', MON), source.facts('tenant-c', 'prog', MON)]);
    expect(a).toBe(b);
    await seedBooking(db, 'tenant-c', 'prog', 'pair-1', 'booked', [{ start: MON }]);
    clock = 999;
    expect((await source.facts('tenant-c', 'prog', MON))!.weeks).toEqual([]);
    clock = 1_000;
    expect((await source.facts('tenant-c', 'prog', MON))!.weeks).toEqual([{ week: '2026-01-05', planned: 1 }]);
  });
});
