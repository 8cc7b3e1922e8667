/**
 * Ratings by theme, for the program team: sessions held and the average rating of each theme
 * that at least five people rated; smaller themes only inside one "Other themes" group that
 * itself has at least five people; nothing at all when fewer than five people rated.
 */
import { MIN_AGGREGATE_GROUP } from './aggregate.ts';
import type { Happened, Rating } from './feedback.ts';

/** One person's answer on one session, with the session's theme (see `sessionTheme`). */
export interface ThemedAnswer {
  readonly theme: string;
  /** The held session the answer is about; two answers with one key are one session. */
  readonly sessionKey: string;
  readonly authorId: string;
  readonly happened: Happened;
  readonly rating: Rating | null;
}

/** One group's figures: never built for fewer than the minimum of people. */
export interface ThemeFigures {
  /** Distinct people whose ratings are counted. */
  readonly people: number;
  /** Held sessions someone rated. */
  readonly sessions: number;
  /** Mean rating, rounded to one decimal. */
  readonly average: number;
}

export interface ThemeGroup extends ThemeFigures {
  readonly theme: string;
}

/** The themes too small to show on their own, together, with their names (names are program data, not answers). */
export interface OtherThemesGroup extends ThemeFigures {
  readonly themes: readonly string[];
}

export type ThemesInAggregate =
  | { readonly shown: true; readonly themes: readonly ThemeGroup[]; readonly other: OtherThemesGroup | null }
  | { readonly shown: false; readonly reason: string };

interface Tally {
  readonly theme: string;
  readonly people: Set<string>;
  readonly sessions: Set<string>;
  sum: number;
  ratings: number;
}

const figuresOf = (tallies: readonly Tally[]): ThemeFigures & { ratings: number } => {
  const people = new Set(tallies.flatMap((t) => [...t.people]));
  const sessions = tallies.reduce((n, t) => n + t.sessions.size, 0);
  const sum = tallies.reduce((n, t) => n + t.sum, 0);
  const ratings = tallies.reduce((n, t) => n + t.ratings, 0);
  return { people: people.size, sessions, ratings, average: Math.round((sum / ratings) * 10) / 10 };
};

/** Largest first; ties by more ratings, then by name, so the result never depends on input order. */
const byWeight = (a: Tally, b: Tally): number => b.people.size - a.people.size || b.ratings - a.ratings || a.theme.localeCompare(b.theme);

/**
 * Rated, held sessions grouped by theme. A theme with at least `minGroup` distinct raters is shown
 * on its own; the others are folded into "Other themes". If that group is still under the minimum,
 * the smallest shown themes join it until it reaches it: otherwise the program's overall rating
 * (shown for the same people) minus the shown themes would give away the hidden group. Every theme
 * is therefore in exactly one shown group, or, when fewer than `minGroup` people rated at all,
 * nothing is shown. `minGroup` may raise the bar, never lower it below five.
 */
export function aggregateThemes(answers: readonly ThemedAnswer[], minGroup = MIN_AGGREGATE_GROUP): ThemesInAggregate {
  const bar = Math.max(MIN_AGGREGATE_GROUP, Math.ceil(Number.isFinite(minGroup) ? minGroup : MIN_AGGREGATE_GROUP));
  const tallies = new Map<string, Tally>();
  for (const answer of answers) {
    if (answer.happened !== 'held' || answer.rating === null) continue;
    let tally = tallies.get(answer.theme);
    if (tally === undefined) tallies.set(answer.theme, (tally = { theme: answer.theme, people: new Set(), sessions: new Set(), sum: 0, ratings: 0 }));
    tally.people.add(answer.authorId);
    tally.sessions.add(answer.sessionKey);
    tally.sum += answer.rating;
    tally.ratings += 1;
  }
  if (tallies.size === 0) return { shown: false, reason: 'No session has been rated yet' };
  const all = [...tallies.values()].sort(byWeight);
  if (figuresOf(all).people < bar) return { shown: false, reason: `Fewer than ${bar} people rated sessions: themes are hidden to protect privacy` };

  const own = all.filter((t) => t.people.size >= bar);
  const folded = all.filter((t) => t.people.size < bar);
  // The whole set has `bar` people, so taking shown themes from the smallest up always gets there.
  while (folded.length > 0 && figuresOf(folded).people < bar) folded.push(own.pop()!);

  const group = (tallies: readonly Tally[]): ThemeFigures => {
    const { people, sessions, average } = figuresOf(tallies);
    return { people, sessions, average };
  };
  return {
    shown: true,
    themes: own.map((t) => ({ theme: t.theme, ...group([t]) })),
    other: folded.length === 0 ? null : { themes: folded.map((t) => t.theme).sort((a, b) => a.localeCompare(b)), ...group(folded) },
  };
}
