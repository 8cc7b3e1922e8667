/** Learning both ways: which way learning ran in each pair's latest sessions, in aggregate only. */
import { describe, expect, it } from 'vitest';
import { reciprocityOf, RECENT_SESSIONS, type DirectionAnswer } from '../../../src/core/feedback/reciprocity.ts';

const DAY = 86_400_000;

/** An answer of pair `pair` on session `session`; authors `j<pair>` are juniors (mentors), `s<pair>` seniors. */
const answer = (pair: number, session: number, author: 'junior' | 'senior', said: { learned: boolean; taught: boolean }): DirectionAnswer => ({
  pairId: `p${pair}`,
  sessionKey: `p${pair}#${session}`,
  sessionStart: session * 14 * DAY,
  authorId: `${author === 'junior' ? 'j' : 's'}${pair}`,
  side: author === 'junior' ? 'mentor' : 'mentee',
  learnedSomething: said.learned,
  taughtSomething: said.taught,
});
const both = { learned: true, taught: true };
const learnedOnly = { learned: true, taught: false };
const taughtOnly = { learned: false, taught: true };
const nothing = { learned: false, taught: false };

describe('learning both ways', () => {
  it('tells pairs where both taught from pairs where only the senior or only the junior did', () => {
    const answers = [
      // Pair 0: the junior taught, the senior taught too.
      answer(0, 1, 'junior', both),
      answer(0, 1, 'senior', both),
      // Pair 1: only the senior taught (the junior learned, the senior only taught).
      answer(1, 1, 'junior', learnedOnly),
      answer(1, 1, 'senior', taughtOnly),
      // Pair 2: only the junior taught.
      answer(2, 1, 'junior', taughtOnly),
      answer(2, 1, 'senior', learnedOnly),
    ];
    expect(reciprocityOf(answers, 5)).toEqual({ pairs: 3, people: 6, bothWays: 1, seniorTaughtOnly: 1, juniorTaughtOnly: 1 });
  });

  it('reads either side of a direction: a senior who learned is enough to say the junior taught', () => {
    const answers = [answer(0, 1, 'senior', learnedOnly), answer(0, 1, 'junior', learnedOnly), ...[1, 2, 3].map((p) => answer(p, 1, 'junior', both))];
    expect(reciprocityOf(answers, 5)).toMatchObject({ pairs: 4, bothWays: 4, seniorTaughtOnly: 0 });
  });

  it(`judges a pair on its latest ${RECENT_SESSIONS} sessions, so a pair that drifted into top-down mentoring shows as drifted`, () => {
    const drifted = [
      answer(0, 1, 'junior', both),
      answer(0, 1, 'senior', both),
      ...[2, 3, 4].flatMap((s) => [answer(0, s, 'junior', learnedOnly), answer(0, s, 'senior', taughtOnly)]),
    ];
    const others = [1, 2, 3].map((p) => answer(p, 1, 'junior', both));
    expect(reciprocityOf([...drifted, ...others], 5)).toMatchObject({ pairs: 4, bothWays: 3, seniorTaughtOnly: 1 });
    // One more session where the junior taught again brings it back.
    expect(reciprocityOf([...drifted, answer(0, 5, 'junior', taughtOnly), ...others], 5)).toMatchObject({ bothWays: 4, seniorTaughtOnly: 0 });
  });

  it('leaves out answers that say neither, and pairs that have only those', () => {
    const answers = [answer(0, 1, 'junior', nothing), answer(0, 1, 'senior', nothing), ...[1, 2, 3, 4, 5].map((p) => answer(p, 1, 'junior', both))];
    expect(reciprocityOf(answers, 5)).toEqual({ pairs: 5, people: 5, bothWays: 5, seniorTaughtOnly: 0, juniorTaughtOnly: 0 });
  });

  it('shows nothing while fewer people than the privacy minimum answered', () => {
    const answers = [0, 1].flatMap((p) => [answer(p, 1, 'junior', both), answer(p, 1, 'senior', both)]);
    expect(reciprocityOf(answers, 5)).toBeNull();
    expect(reciprocityOf([...answers, answer(2, 1, 'junior', taughtOnly)], 5)).toMatchObject({ people: 5, pairs: 3 });
  });
});
