import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { proposeMatching } from '../../../src/core/matching/assign.ts';
import { pairKey, recordMet } from '../../../src/core/matching/history.ts';
import type { Pairing } from '../../../src/core/matching/repair.ts';
import { proposeRotation } from '../../../src/core/matching/rotation.ts';
import { transition } from '../../../src/core/programs/transitions.ts';
import { epochMs } from '../../../src/core/time.ts';
import { makeProgram, NOW, person, randomCohort, seeded } from './fixtures.ts';

describe('rotation', () => {
  it('moves everyone to a new partner in the next cycle', () => {
    const mentors = ['a', 'b', 'c'].map((id) => person({ id, role: 'mentor' }));
    const mentees = ['x', 'y', 'z'].map((id) => person({ id, role: 'mentee' }));
    const enrolments = [...mentors, ...mentees];
    let program = makeProgram({ state: 'active' });
    const first = proposeMatching({ program, enrolments, history: [], now: NOW });
    const running: Pairing[] = first.pairs.map((p) => ({ mentorId: p.mentorId, menteeId: p.menteeId, coMentorId: null, cycle: 1 }));
    program = transition(program, 'matching', epochMs(NOW + 1));
    expect(program.rotationCycle).toBe(2);
    const second = proposeRotation({ program, enrolments, history: [], now: NOW }, running);
    expect(second.cycle).toBe(2);
    expect(second.pairs).toHaveLength(3);
    const before = new Set(running.map((p) => pairKey(p.mentorId, p.menteeId)));
    for (const pair of second.pairs) expect(before.has(pairKey(pair.mentorId, pair.menteeId))).toBe(false);
  });

  it('never repeats a pair across any number of cycles', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 2, max: 4 }), (seed, cycles) => {
        const enrolments = randomCohort(seeded(seed), { mentors: 8, mentees: 8, exclusionRate: 0 });
        let history = recordMet([], [], 1);
        const seen = new Set<string>();
        for (let cycle = 1; cycle <= cycles; cycle++) {
          const program = makeProgram({ rotationCycle: cycle });
          const proposal = proposeMatching({ program, enrolments, history, now: NOW });
          for (const pair of proposal.pairs) {
            const key = pairKey(pair.mentorId, pair.menteeId);
            expect(seen.has(key)).toBe(false);
            seen.add(key);
          }
          history = recordMet(history, proposal.pairs, cycle);
        }
      }),
      { numRuns: 40 },
    );
  });
});
