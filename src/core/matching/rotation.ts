/**
 * Rotation: each new cycle pairs everyone with someone new. The program moves active → matching
 * (which bumps `rotationCycle`, see `programs/transitions.ts`), the last cycle's pairings are
 * added to the history, and the matcher — which never proposes a pair that met before — does the
 * rest.
 */
import type { MatchingContext } from './context.ts';
import { proposeMatching } from './assign.ts';
import { recordMet } from './history.ts';
import type { Proposal } from './proposal.ts';
import type { Pairing } from './repair.ts';

/** A proposal for the program's current cycle in which nobody meets a former partner. */
export function proposeRotation(context: MatchingContext, previousPairings: readonly Pairing[]): Proposal {
  let history = context.history;
  for (const pairing of previousPairings) history = recordMet(history, [pairing], pairing.cycle);
  return proposeMatching({ ...context, history });
}
