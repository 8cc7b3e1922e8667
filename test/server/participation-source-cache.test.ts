/**
 * The per-tenant TTL cache of reports trees in the participation source: one Graph walk per
 * manager per TTL, shared by concurrent requests, never shared across tenants, not kept on failure.
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createParticipationSource } from '../../src/server/routes/participation-source.ts';
import type { Database } from '../../src/store/schema.ts';

/** A Graph client that answers `/users/{id}/directReports` from `reports` and counts requests per tenant. */
function fakeGraph(reports: Record<string, string[]>, calls: Map<string, number>, failing = new Set<string>()) {
  return (tenantId: string): Client => {
    const request = (path: string) => {
      const chain = {
        select: () => chain,
        top: () => chain,
        get: async () => {
          calls.set(tenantId, (calls.get(tenantId) ?? 0) + 1);
          const id = decodeURIComponent(path.split('/')[2]!);
          if (failing.has(id)) throw new Error('throttled');
          return { value: (reports[id] ?? []).map((r) => ({ id: r, department: 'Sales' })) };
        },
      };
      return chain;
    };
    return { api: request } as unknown as Client;
  };
}

const db = {} as Kysely<Database>;
const ORG = { boss: ['a', 'b'], a: ['c'], b: [], c: [] };

describe('participation source reports cache', () => {
  it('walks Graph once per manager within the TTL, again after it', async () => {
    let clock = 0;
    const calls = new Map<string, number>();
    const source = createParticipationSource(db, fakeGraph(ORG, calls), { reportsTtlMs: 1_000, now: () => clock });
    const first = await Promise.all([source.reportsOf('t1', 'boss'), source.reportsOf('t1', 'boss')]);
    expect(first[0]!.map((p) => p.id).sort()).toEqual(['a', 'b', 'c']);
    const walk = calls.get('t1')!;
    expect(walk).toBe(4); // boss, a, b, c: one request each, shared by both callers
    clock = 999;
    await source.reportsOf('t1', 'boss');
    expect(calls.get('t1')).toBe(walk);
    clock = 1_000;
    await source.reportsOf('t1', 'boss');
    expect(calls.get('t1')).toBe(2 * walk);
  });

  it('keeps tenants apart and does not cache a failed walk', async () => {
    const calls = new Map<string, number>();
    const failing = new Set(['boss']);
    const source = createParticipationSource(db, fakeGraph(ORG, calls, failing), { now: () => 0 });
    await expect(source.reportsOf('t1', 'boss')).rejects.toThrow('throttled');
    failing.clear();
    expect((await source.reportsOf('t1', 'boss')).length).toBe(3);
    await source.reportsOf('t2', 'boss');
    expect(calls.get('t2')).toBe(4);
  });

  it('walks every time with a TTL of 0', async () => {
    const calls = new Map<string, number>();
    const source = createParticipationSource(db, fakeGraph(ORG, calls), { reportsTtlMs: 0 });
    await source.reportsOf('t1', 'boss');
    await source.reportsOf('t1', 'boss');
    expect(calls.get('t1')).toBe(8);
  });
});

describe('participation source facts cache', () => {
  /** A store stand-in that answers every statement with no rows and counts them. */
  const countingDb = () => {
    const counter = { statements: 0 };
    const db = {
      getExecutor: () => ({
        transformQuery: (node: unknown) => node,
        compileQuery: (node: unknown) => ({ sql: '', parameters: [], query: node }),
        executeQuery: async () => {
          counter.statements += 1;
          return { rows: [] };
        },
      }),
    } as unknown as Kysely<Database>;
    return { db, counter };
  };

  it('reads the store once per org within the TTL; another id list or tenant reads again', async () => {
    let clock = 0;
    const { db, counter } = countingDb();
    const source = createParticipationSource(db, fakeGraph(ORG, new Map()), { factsTtlMs: 1_000, now: () => clock });
    const facts = await source.factsFor('t1', ['a', 'b']);
    expect(facts).toEqual([
      { userId: 'a', enrolledAt: null, pairedAt: null, sessionsHeld: [] },
      { userId: 'b', enrolledAt: null, pairedAt: null, sessionsHeld: [] },
    ]);
    const once = counter.statements;
    expect(once).toBeGreaterThan(0);
    await source.factsFor('t1', ['a', 'b']);
    expect(counter.statements).toBe(once);
    await source.factsFor('t1', ['a', 'c']);
    await source.factsFor('t2', ['a', 'b']);
    expect(counter.statements).toBe(3 * once);
    clock = 1_000;
    await source.factsFor('t1', ['a', 'b']);
    expect(counter.statements).toBe(4 * once);
  });
});
