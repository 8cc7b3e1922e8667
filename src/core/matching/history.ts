/**
 * Who has already met whom in this program. Rotation promises new partners each cycle, and a
 * no-fault exit must not put the same two people back together, so every pairing — including one
 * that ended early — is recorded here and the matcher refuses repeats.
 */
import type { UserId } from '../ids.ts';

/** Two people who were paired in a cycle (a trio records each mentor with the mentee). */
export interface MetPair {
  readonly mentorId: UserId;
  readonly menteeId: UserId;
  readonly cycle: number;
}

export type MetHistory = readonly MetPair[];

/** Order-free key of two people, for lookups. */
export const pairKey = (a: UserId, b: UserId): string => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

/** Lookup from pair key to the first cycle the two met in. */
export function metIndex(history: MetHistory): ReadonlyMap<string, number> {
  const index = new Map<string, number>();
  for (const met of history) {
    const key = pairKey(met.mentorId, met.menteeId);
    const earlier = index.get(key);
    if (earlier === undefined || met.cycle < earlier) index.set(key, met.cycle);
  }
  return index;
}

/** Something with a mentor, a mentee and perhaps a second mentor: a proposed or active pair. */
export interface PairLike {
  readonly mentorId: UserId;
  readonly menteeId: UserId;
  readonly coMentorId?: UserId | null;
}

/** The history with these pairs added as having met in `cycle` (duplicates are kept out). */
export function recordMet(history: MetHistory, pairs: readonly PairLike[], cycle: number): MetHistory {
  const known = new Set(history.map((met) => `${pairKey(met.mentorId, met.menteeId)}\u0000${met.cycle}`));
  const added: MetPair[] = [];
  for (const pair of pairs) {
    const mentors = pair.coMentorId ? [pair.mentorId, pair.coMentorId] : [pair.mentorId];
    for (const mentorId of mentors) {
      const key = `${pairKey(mentorId, pair.menteeId)}\u0000${cycle}`;
      if (known.has(key)) continue;
      known.add(key);
      added.push({ mentorId, menteeId: pair.menteeId, cycle });
    }
  }
  return [...history, ...added];
}
