/**
 * Test oracle: the best cohort assignment by exhaustive search, using only the readable rules
 * (`whyNotPaired`, `scorePair`), so it shares no code with the matrix or the solver.
 * Objective, as the matcher's: most pairs first, then the highest total score. Capacity 1.
 */
import type { MatchingContext } from '../../../src/core/matching/context.ts';
import { whyNotPaired } from '../../../src/core/matching/pair-rules.ts';
import { scorePair } from '../../../src/core/matching/soft-score.ts';
import { isAvailable } from '../../../src/core/programs/enrolment.ts';

export function bruteForceBest(context: MatchingContext): { pairs: number; total: number } {
  const available = context.enrolments.filter((e) => isAvailable(e, context.now));
  const mentors = available.filter((e) => e.role === 'mentor');
  const mentees = available.filter((e) => e.role === 'mentee');
  const value = mentors.map((mentor) =>
    mentees.map((mentee) =>
      whyNotPaired(mentor, mentee, context).ok ? scorePair(mentor, mentee, context.program.sessionMinutes).total : null,
    ),
  );
  const used = new Array<boolean>(mentees.length).fill(false);
  let best = { pairs: 0, total: 0 };
  const visit = (m: number, pairs: number, total: number) => {
    if (m === mentors.length) {
      if (pairs > best.pairs || (pairs === best.pairs && total > best.total)) best = { pairs, total };
      return;
    }
    visit(m + 1, pairs, total); // this mentor stays unpaired
    for (let e = 0; e < mentees.length; e++) {
      const v = value[m]![e];
      if (used[e] || v === null || v === undefined) continue;
      used[e] = true;
      visit(m + 1, pairs + 1, total + v);
      used[e] = false;
    }
  };
  visit(0, 0, 0);
  return best;
}
