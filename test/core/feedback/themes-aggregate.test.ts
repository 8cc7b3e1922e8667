/**
 * Ratings by theme: themes of five or more raters on their own, smaller ones folded into "Other
 * themes" only when that group has five people, and no figure that, subtracted from the others or
 * from the program's overall rating, gives away a group that is not shown.
 */
import { describe, expect, it } from 'vitest';
import { aggregateRatings } from '../../../src/core/feedback/aggregate.ts';
import type { Rating } from '../../../src/core/feedback/feedback.ts';
import { userId } from '../../../src/core/ids.ts';
import { aggregateThemes, type ThemedAnswer } from '../../../src/core/feedback/themes-aggregate.ts';

/** `people` raters of `theme`, each rating their own session `rating`. */
const theme = (name: string, people: number, rating: Rating, from = 0): ThemedAnswer[] =>
  Array.from({ length: people }, (_, i) => ({ theme: name, sessionKey: `${name}-s${i}`, authorId: `u${from + i}`, happened: 'held' as const, rating }));

describe('aggregateThemes', () => {
  it('shows each theme rated by five or more people with its held sessions and average', () => {
    const answers = [...theme('GenAI tools: Prompting', 5, 4), ...theme('Strategy', 6, 2, 100), { ...theme('Strategy', 1, 5, 100)[0]!, sessionKey: 'Strategy-s0' }];
    const result = aggregateThemes(answers);
    expect(result).toEqual({
      shown: true,
      themes: [
        // Strategy: 6 people, 6 sessions (u100 rated session s0 twice), ratings 2,2,2,2,2,2,5 -> 2.4.
        { theme: 'Strategy', people: 6, sessions: 6, average: 2.4 },
        { theme: 'GenAI tools: Prompting', people: 5, sessions: 5, average: 4 },
      ],
      other: null,
    });
  });

  it('folds themes under five people into "Other themes" when together they reach five', () => {
    const answers = [...theme('A', 7, 5), ...theme('B', 3, 1, 100), ...theme('C', 2, 3, 200)];
    const result = aggregateThemes(answers);
    expect(result).toEqual({
      shown: true,
      themes: [{ theme: 'A', people: 7, sessions: 7, average: 5 }],
      other: { themes: ['B', 'C'], people: 5, sessions: 5, average: 1.8 },
    });
  });

  it('never hides a small group while showing the rest: the smallest shown themes join it until it has five people', () => {
    // B alone (2 people) would be hidden, and then A's figures and the overall rating (same 8
    // people) would give B away by subtraction. So A is folded in with it instead.
    const answers = [...theme('A', 6, 5), ...theme('B', 2, 1, 100)];
    const result = aggregateThemes(answers);
    expect(result).toEqual({ shown: true, themes: [], other: { themes: ['A', 'B'], people: 8, sessions: 8, average: 4 } });
    expect(JSON.stringify(result)).not.toMatch(/"average":1\b/);

    // With a larger theme to keep, only the smallest shown one is pulled in.
    const more = aggregateThemes([...theme('Big', 9, 4, 300), ...theme('A', 6, 5), ...theme('B', 2, 1, 100)]);
    expect(more).toMatchObject({ shown: true, themes: [{ theme: 'Big', people: 9 }], other: { themes: ['A', 'B'], people: 8 } });
  });

  it('counts people, not answers: one person rating many sessions is one person', () => {
    const one = Array.from({ length: 10 }, (_, i) => ({ theme: 'A', sessionKey: `s${i}`, authorId: 'same', happened: 'held' as const, rating: 5 as Rating }));
    const result = aggregateThemes([...one, ...theme('A', 3, 4, 10)]);
    expect(result).toEqual({ shown: false, reason: 'Fewer than 5 people rated sessions: themes are hidden to protect privacy' });
    expect(Object.keys(result).sort()).toEqual(['reason', 'shown']);
  });

  it('hides everything with the reason when fewer than five people rated, or nobody did', () => {
    expect(aggregateThemes(theme('A', 4, 3))).toEqual({ shown: false, reason: 'Fewer than 5 people rated sessions: themes are hidden to protect privacy' });
    expect(aggregateThemes([])).toEqual({ shown: false, reason: 'No session has been rated yet' });
    const notHeld = theme('A', 6, 3).map((a) => ({ ...a, happened: 'no-show' as const, rating: null }));
    expect(aggregateThemes(notHeld)).toEqual({ shown: false, reason: 'No session has been rated yet' });
  });

  it('never lowers the bar below five, and can raise it', () => {
    expect(aggregateThemes(theme('A', 4, 3), 2).shown).toBe(false);
    expect(aggregateThemes(theme('A', 6, 3), 8).shown).toBe(false);
    expect(aggregateThemes(theme('A', 8, 3), 8)).toMatchObject({ shown: true, themes: [{ theme: 'A', people: 8 }] });
  });

  it('leaves no group under five that subtraction could reveal, over many random programs', () => {
    // A small deterministic generator, so a failure names a reproducible case.
    let seed = 42;
    const next = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % n;
    };
    const seen = { hidden: 0, named: 0, folded: 0, pulledIn: 0 };
    for (let round = 0; round < 500; round++) {
      const themes = 1 + next(6);
      const people = 1 + next(14);
      const answers: ThemedAnswer[] = Array.from({ length: 1 + next(40) }, (_, i) => ({
        theme: `T${next(themes)}`,
        sessionKey: `s${next(25)}`,
        authorId: `u${next(people)}`,
        happened: next(6) === 0 ? 'no-show' : 'held',
        rating: (1 + next(5)) as Rating,
      }));
      // Sessions are one theme each, as in a program (a session's theme comes from its pair).
      const themed = answers.map((a) => ({ ...a, sessionKey: `${a.theme}/${a.sessionKey}` }));
      const result = aggregateThemes(themed);
      const rated = themed.filter((a) => a.happened === 'held');
      const overall = aggregateRatings(rated.map((a) => ({ ...a, authorId: userId(a.authorId) })));
      const context = JSON.stringify({ round, result });
      if (!result.shown) {
        // Nothing by theme, and then no overall rating either: nothing to subtract from.
        expect(overall, context).toBeNull();
        seen.hidden++;
        continue;
      }
      expect(overall, context).not.toBeNull();
      const groups = [...result.themes, ...(result.other === null ? [] : [result.other])];
      // Every shown group has five people or more.
      for (const group of groups) expect(group.people, context).toBeGreaterThanOrEqual(5);
      // Every theme is in exactly one shown group, so the groups add up to the whole: the overall
      // figures minus any shown groups are other shown groups, never a hidden one.
      const covered = [...result.themes.map((t) => t.theme), ...(result.other?.themes ?? [])].sort();
      expect(covered, context).toEqual([...new Set(rated.map((a) => a.theme))].sort());
      expect(groups.reduce((n, g) => n + g.sessions, 0), context).toBe(new Set(rated.map((a) => a.sessionKey)).size);
      if (result.themes.length > 0) seen.named++;
      if (result.other !== null) seen.folded++;
      // A theme of five or more people inside "Other themes": pulled in to protect a smaller one.
      if (result.other?.themes.some((t) => new Set(rated.filter((a) => a.theme === t).map((a) => a.authorId)).size >= 5)) seen.pulledIn++;
    }
    // The random programs reach every branch of the rule.
    for (const [branch, count] of Object.entries(seen)) expect(count, branch).toBeGreaterThan(0);
  });
});
