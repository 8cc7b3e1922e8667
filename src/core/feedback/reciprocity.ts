/**
 * Whether learning runs both ways in a program's pairs. Reverse mentoring drifts back into
 * top-down mentoring without anyone deciding it: the senior starts explaining strategy and the
 * junior stops teaching. The feedback card asks each person what they learned and what they
 * taught; which of those two they filled in (never what they wrote) says which way learning ran.
 *
 * Junior to senior ("up"): the mentor (junior) taught something, or the mentee (senior) learned.
 * Senior to junior ("down"): the mentee taught something, or the mentor learned.
 *
 * A pair is judged on its latest sessions only, so a pair that drifted shows as drifted even after
 * a good start. Figures are for the program team in aggregate: never for fewer than the privacy
 * minimum of people, never per pair.
 */

/** One person's answer about one held session, reduced to which questions they answered. */
export interface DirectionAnswer {
  readonly pairId: string;
  /** Sessions of a pair are ordered by this (its start), latest last. */
  readonly sessionKey: string;
  readonly sessionStart: number;
  readonly authorId: string;
  /** The author's side in the pair: `mentor` is the junior who teaches, `mentee` the senior. */
  readonly side: 'mentor' | 'mentee';
  readonly learnedSomething: boolean;
  readonly taughtSomething: boolean;
}

export interface Reciprocity {
  /** Pairs with at least one answer that says who learned or taught. */
  readonly pairs: number;
  /** People whose answers are counted. */
  readonly people: number;
  /** Learning ran both ways in the pair's latest sessions. */
  readonly bothWays: number;
  /** Only the senior taught: the drift back into top-down mentoring. */
  readonly seniorTaughtOnly: number;
  /** Only the junior taught: mentoring without the senior's half. */
  readonly juniorTaughtOnly: number;
}

/** How many of a pair's latest sessions (with answers that say something) decide its direction. */
export const RECENT_SESSIONS = 3;

const up = (a: DirectionAnswer): boolean => (a.side === 'mentor' ? a.taughtSomething : a.learnedSomething);
const down = (a: DirectionAnswer): boolean => (a.side === 'mentee' ? a.taughtSomething : a.learnedSomething);

/** The program's figures, or null when fewer than `minPeople` people's answers would be counted. */
export function reciprocityOf(answers: readonly DirectionAnswer[], minPeople: number): Reciprocity | null {
  const byPair = new Map<string, DirectionAnswer[]>();
  for (const answer of answers) {
    if (!answer.learnedSomething && !answer.taughtSomething) continue;
    byPair.set(answer.pairId, [...(byPair.get(answer.pairId) ?? []), answer]);
  }
  const people = new Set<string>();
  let bothWays = 0;
  let seniorTaughtOnly = 0;
  let juniorTaughtOnly = 0;
  for (const pairAnswers of byPair.values()) {
    const starts = new Map<string, number>();
    for (const a of pairAnswers) starts.set(a.sessionKey, a.sessionStart);
    const recent = new Set([...starts.entries()].sort((x, y) => y[1] - x[1] || y[0].localeCompare(x[0])).slice(0, RECENT_SESSIONS).map(([key]) => key));
    const latest = pairAnswers.filter((a) => recent.has(a.sessionKey));
    for (const a of latest) people.add(a.authorId);
    const wentUp = latest.some(up);
    const wentDown = latest.some(down);
    if (wentUp && wentDown) bothWays += 1;
    else if (wentDown) seniorTaughtOnly += 1;
    else juniorTaughtOnly += 1;
  }
  if (people.size < minPeople) return null;
  return { pairs: byPair.size, people: people.size, bothWays, seniorTaughtOnly, juniorTaughtOnly };
}
