/**
 * The benchmark's cohort: 1,000 pairs (2,000 people) of the seeded organisation, each a more
 * junior mentor with a more senior mentee in the same office zone (matching requires workable
 * time-zone overlap), drawn with a fixed seed.
 */
import type { DevPerson } from '../src/devtenant/dev-tenant.ts';

export interface BenchPair {
  readonly pairId: string;
  readonly mentor: DevPerson;
  readonly mentee: DevPerson;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` pairs, no person twice: per zone, the most senior half paired with the most junior half. */
export function benchPairs(people: readonly DevPerson[], count: number, seed = 7): BenchPair[] {
  const byZone = new Map<string, DevPerson[]>();
  for (const p of people) {
    if (!p.accountEnabled) continue;
    const list = byZone.get(p.ianaTimeZone) ?? [];
    list.push(p);
    byZone.set(p.ianaTimeZone, list);
  }
  const all: Array<{ mentor: DevPerson; mentee: DevPerson }> = [];
  for (const list of byZone.values()) {
    const sorted = [...list].sort((a, b) => b.level - a.level || a.id.localeCompare(b.id));
    const half = Math.floor(sorted.length / 2);
    for (let i = 0; i < half; i++) all.push({ mentee: sorted[i]!, mentor: sorted[sorted.length - 1 - i]! });
  }
  const random = mulberry32(seed);
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [all[i], all[j]] = [all[j]!, all[i]!];
  }
  if (all.length < count) throw new Error(`the organisation gives only ${all.length} pairs; ${count} wanted`);
  return all.slice(0, count).map((p, i) => ({ pairId: `bench-${String(i + 1).padStart(4, '0')}`, ...p }));
}
