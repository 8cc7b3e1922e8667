/**
 * Capacity: a person with room for k partners becomes k "slots" (rows for mentors, columns for
 * mentees) and the solver assigns slots. Objective, in order:
 *  1. pair as many slots as possible (forbidden cells are never used — see `solver.ts`);
 *  2. give as many people as possible at least one partner (a bonus on each person's first
 *     slot that outweighs any difference in fit), so nobody is left out to give someone a
 *     second partner;
 *  3. the greatest total fit.
 * With capacity 1 only 1 and 3 apply and the result is exactly optimal.
 *
 * When both sides have capacity above 1, two slots of the same mentor could land on two slots of
 * the same mentee. Such a duplicate is dropped and the freed slots are matched again in a further
 * round with the pairs already chosen forbidden; that repair keeps every rule but is not proven
 * optimal.
 */
import { FORBIDDEN, type ScoreMatrix } from './score-matrix.ts';
import { MAX_SCORE } from './soft-score.ts';
import { maximumWeightAssignment, NOT_ALLOWED } from './solver.ts';

/** Chosen cells as `[mentorIndex, menteeIndex]` into the matrix's people. */
export type ChosenPairs = Array<readonly [mentor: number, mentee: number]>;

/**
 * Assigns mentors to mentees given each person's current number of partners (`mentorLoad`,
 * `menteeLoad`, indexed like the matrix; updated in place) and the program's capacity.
 */
export function assignWithCapacity(
  matrix: ScoreMatrix,
  mentorLoad: Int32Array,
  menteeLoad: Int32Array,
  capacity: number,
): ChosenPairs {
  const cols = matrix.mentees.length;
  const taken = new Set<number>();
  const chosen: ChosenPairs = [];
  for (;;) {
    const rowSlots = slots(mentorLoad, capacity);
    const colSlots = slots(menteeLoad, capacity);
    const rows = rowSlots.owner.length;
    const slotCols = colSlots.owner.length;
    if (rows === 0 || slotCols === 0) break;
    const firstSlotBonus = capacity > 1 ? MAX_SCORE * Math.min(rows, slotCols) + 1 : 0;
    const values = new Int32Array(rows * slotCols);
    for (let r = 0; r < rows; r++) {
      const base = rowSlots.owner[r]! * cols;
      const rowBonus = rowSlots.first[r]! * firstSlotBonus;
      for (let c = 0; c < slotCols; c++) {
        const cell = base + colSlots.owner[c]!;
        const score = matrix.score[cell]!;
        values[r * slotCols + c] =
          score === FORBIDDEN || taken.has(cell) ? NOT_ALLOWED : score + rowBonus + colSlots.first[c]! * firstSlotBonus;
      }
    }
    const colForRow = maximumWeightAssignment(values, rows, slotCols);
    let duplicate = false;
    for (let r = 0; r < rows; r++) {
      const c = colForRow[r]!;
      if (c < 0) continue;
      const mentor = rowSlots.owner[r]!;
      const mentee = colSlots.owner[c]!;
      const cell = mentor * cols + mentee;
      if (taken.has(cell)) {
        duplicate = true;
        continue;
      }
      taken.add(cell);
      chosen.push([mentor, mentee]);
      mentorLoad[mentor] = mentorLoad[mentor]! + 1;
      menteeLoad[mentee] = menteeLoad[mentee]! + 1;
    }
    if (!duplicate) break;
  }
  return chosen;
}

/** One slot per free place; `first` is 1 on the slot that would be the person's first partner. */
function slots(load: Int32Array, capacity: number) {
  const owner: number[] = [];
  const first: number[] = [];
  load.forEach((partners, person) => {
    for (let k = partners; k < capacity; k++) {
      owner.push(person);
      first.push(k === 0 ? 1 : 0);
    }
  });
  return { owner: Int32Array.from(owner), first: Int32Array.from(first) };
}
