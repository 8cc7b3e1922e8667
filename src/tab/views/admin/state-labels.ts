import type { ProgramState } from '../../../contracts/programs.ts';

/** A program state in words. */
export const STATE_LABELS: Record<ProgramState, string> = {
  draft: 'Draft',
  enrolling: 'Enrolling',
  matching: 'Matching',
  active: 'Active',
  closed: 'Closed',
};

const TRANSITION_LABELS: Record<ProgramState, string> = {
  draft: 'Back to draft',
  enrolling: 'Open enrolment',
  matching: 'Close enrolment and start matching',
  active: 'Publish',
  closed: 'Close program',
};

/** The button that moves a program from `from` to `to`. */
export const transitionLabel = (from: ProgramState, to: ProgramState): string =>
  from === 'active' && to === 'matching' ? 'Start the next rotation (new partners)' : from === 'matching' && to === 'enrolling' ? 'Reopen enrolment' : TRANSITION_LABELS[to];
