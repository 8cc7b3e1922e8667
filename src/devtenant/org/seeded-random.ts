/**
 * A small seeded pseudo-random generator (sfc32 seeded through splitmix32). The organisation must
 * come out identical for the same seed on every machine and Node version, which Math.random cannot
 * give; it is also fast enough to draw a 10,000-person organisation in a few milliseconds.
 */
export interface SeededRandom {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks an item with probability proportional to its weight. */
  weighted<T>(items: readonly T[], weight: (item: T) => number): T;
  /** A version-4 style GUID drawn from this sequence (so ids are deterministic too). */
  guid(): string;
}

function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** Creates a generator; the same seed always yields the same sequence. */
export function seededRandom(seed: number): SeededRandom {
  const init = splitmix32(seed);
  let a = init();
  let b = init();
  let c = init();
  let d = init();
  const u32 = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t;
  };
  // Discard the first outputs: sfc32 mixes poorly right after seeding.
  for (let i = 0; i < 12; i++) u32();

  const next = (): number => u32() / 4294967296;
  const hex = (n: number, width: number): string => n.toString(16).padStart(width, '0');
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)]!,
    weighted(items, weight) {
      let total = 0;
      for (const item of items) total += weight(item);
      let roll = next() * total;
      for (const item of items) {
        roll -= weight(item);
        if (roll < 0) return item;
      }
      return items[items.length - 1]!;
    },
    guid() {
      const w0 = u32();
      const w1 = u32();
      const w2 = u32();
      const w3 = u32();
      return [
        hex(w0, 8),
        hex(w1 >>> 16, 4),
        hex(0x4000 | ((w1 & 0xffff) & 0x0fff), 4),
        hex(0x8000 | ((w2 >>> 16) & 0x3fff), 4),
        hex(w2 & 0xffff, 4) + hex(w3, 8),
      ].join('-');
    },
  };
}
