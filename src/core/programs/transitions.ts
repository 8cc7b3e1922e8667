/**
 * The program's life cycle. The main line is draft → enrolling → matching → active → closed.
 * Besides it: a program may be called off (closed) before it goes live; matching may go back to
 * enrolling to collect more people; and an active program goes back to matching to rotate
 * everyone to new partners, which starts the next rotation cycle.
 */
import { UpwardError } from '../errors.ts';
import type { EpochMs } from '../time.ts';
import type { Program, ProgramState } from './program.ts';

/** For each state, the states it may move to. Anything else is illegal. */
export const LEGAL_TRANSITIONS: Readonly<Record<ProgramState, readonly ProgramState[]>> = {
  draft: ['enrolling', 'closed'],
  enrolling: ['matching', 'closed'],
  matching: ['enrolling', 'active', 'closed'],
  active: ['matching', 'closed'],
  closed: [],
};

/** States `from` may move to, in the order above. */
export const legalNextStates = (from: ProgramState): readonly ProgramState[] => LEGAL_TRANSITIONS[from];

export const isLegalTransition = (from: ProgramState, to: ProgramState): boolean => LEGAL_TRANSITIONS[from].includes(to);

/** The error for a move the life cycle does not allow; carries from, to and the legal options. */
export class IllegalTransitionError extends UpwardError {
  readonly from: ProgramState;
  readonly to: ProgramState;
  readonly legal: readonly ProgramState[];

  constructor(from: ProgramState, to: ProgramState) {
    const legal = legalNextStates(from);
    const options = legal.length === 0 ? `"${from}" is final` : `from "${from}" it can go to: ${legal.join(', ')}`;
    super('illegal_transition', `A program cannot go from "${from}" to "${to}"; ${options}`);
    this.name = 'IllegalTransitionError';
    this.from = from;
    this.to = to;
    this.legal = legal;
  }
}

/**
 * The program after moving to `to` at `now`, or an {@link IllegalTransitionError}. Going from
 * active back to matching starts the next rotation cycle.
 */
export function transition(program: Program, to: ProgramState, now: EpochMs): Program {
  if (!isLegalTransition(program.state, to)) throw new IllegalTransitionError(program.state, to);
  const nextCycle = program.state === 'active' && to === 'matching';
  return {
    ...program,
    state: to,
    rotationCycle: nextCycle ? program.rotationCycle + 1 : program.rotationCycle,
    stateChangedAt: now,
    updatedAt: now,
  };
}
