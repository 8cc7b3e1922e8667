/**
 * Stateless seeded draws: the value for (seed, stream, key, k) is a hash of those four, not the
 * next number of a shared generator. So the fate of a mailbox's k-th request does not depend on
 * how requests to other mailboxes interleave with it, and a benchmark can replay a run exactly.
 */

/** murmur3's 32-bit finaliser: good avalanche, cheap. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a over UTF-16 code units, finalised: a 32-bit hash of a key such as "app|mailbox". */
export function hashKey(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix32(h);
}

/** Independent streams of draws per request. */
export const STREAM = { error: 1, timeout: 2, latency: 3 } as const;

/** Uniform in [0, 1), a pure function of its arguments. `k` may exceed 2^32 (it is folded). */
export function seededUnit(seed: number, stream: number, keyHash: number, k: number): number {
  let h = fmix32((seed | 0) ^ Math.imul(stream, 0x9e3779b1));
  h = fmix32(h ^ keyHash);
  h = fmix32(h ^ (k >>> 0));
  h = fmix32(h ^ Math.floor(k / 4294967296));
  return h / 4294967296;
}
