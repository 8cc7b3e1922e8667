/** A pair's progress through its series, for the thank-you card and the tab. */
import type { SessionWithOutcome } from './session.ts';

export interface PairProgress {
  /** Sessions that took place. */
  readonly held: number;
  /** Sessions in the series, cancelled ones left out (a paused week is not a missed one). */
  readonly total: number;
}

/** Held and total sessions of one pair ("4 of 6 sessions held"). */
export function pairProgress(sessions: readonly Pick<SessionWithOutcome, 'outcome'>[]): PairProgress {
  let held = 0;
  let total = 0;
  for (const session of sessions) {
    if (session.outcome === 'cancelled') continue;
    total++;
    if (session.outcome === 'held') held++;
  }
  return { held, total };
}
