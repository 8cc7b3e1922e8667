import { describe, expect, it } from 'vitest';
import { UpwardError } from '../../../src/core/errors.ts';
import { PROGRAM_STATES, type ProgramState } from '../../../src/core/programs/program.ts';
import {
  IllegalTransitionError,
  legalNextStates,
  transition,
} from '../../../src/core/programs/transitions.ts';
import { epochMs } from '../../../src/core/time.ts';
import { makeProgram } from '../matching/fixtures.ts';

// The expected table, written out independently of LEGAL_TRANSITIONS so a change to either shows.
const LEGAL: ReadonlyArray<readonly [ProgramState, ProgramState]> = [
  ['draft', 'enrolling'],
  ['draft', 'closed'],
  ['enrolling', 'matching'],
  ['enrolling', 'closed'],
  ['matching', 'enrolling'],
  ['matching', 'active'],
  ['matching', 'closed'],
  ['active', 'matching'],
  ['active', 'closed'],
];
const isLegal = (from: ProgramState, to: ProgramState) => LEGAL.some(([f, t]) => f === from && t === to);
const ALL = PROGRAM_STATES.flatMap((from) => PROGRAM_STATES.map((to) => [from, to] as const));
const later = epochMs(Date.UTC(2025, 1, 1));

describe('program transitions', () => {
  it('covers all 25 from/to combinations', () => {
    expect(ALL).toHaveLength(25);
    expect(ALL.filter(([from, to]) => isLegal(from, to))).toHaveLength(LEGAL.length);
  });

  it.each(ALL.filter(([from, to]) => isLegal(from, to)))('%s → %s is legal', (from, to) => {
    const program = makeProgram({ state: from, rotationCycle: 2 });
    const next = transition(program, to, later);
    expect(next.state).toBe(to);
    expect(next.stateChangedAt).toBe(later);
    expect(next.updatedAt).toBe(later);
    expect(program.state).toBe(from); // the input is not changed
    expect(next.rotationCycle).toBe(from === 'active' && to === 'matching' ? 3 : 2);
  });

  it.each(ALL.filter(([from, to]) => !isLegal(from, to)))('%s → %s is illegal', (from, to) => {
    const program = makeProgram({ state: from });
    let caught: unknown;
    try {
      transition(program, to, later);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(IllegalTransitionError);
    const error = caught as IllegalTransitionError;
    expect(error).toBeInstanceOf(UpwardError);
    expect(error.code).toBe('illegal_transition');
    expect(error.from).toBe(from);
    expect(error.to).toBe(to);
    expect(error.legal).toEqual(LEGAL.filter(([f]) => f === from).map(([, t]) => t));
    expect(error.message).toContain(`"${from}"`);
    expect(error.message).toContain(`"${to}"`);
    for (const next of legalNextStates(from)) expect(error.message).toContain(next);
  });

  it('says a closed program is final', () => {
    expect(() => transition(makeProgram({ state: 'closed' }), 'active', later)).toThrow(/"closed" is final/);
  });

  it('walks the main line from draft to closed', () => {
    let program = makeProgram({ state: 'draft' });
    for (const to of ['enrolling', 'matching', 'active', 'closed'] as const) program = transition(program, to, later);
    expect(program.state).toBe('closed');
    expect(program.rotationCycle).toBe(1);
  });
});
