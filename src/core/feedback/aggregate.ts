/** Ratings in aggregate, for the program team: never below a group of five people. */
import type { Feedback } from './feedback.ts';

/** The smallest group whose ratings may be shown at all (product rule, not an option). */
export const MIN_AGGREGATE_GROUP = 5;

export interface RatingAggregate {
  /** Distinct people whose ratings are counted. */
  readonly people: number;
  /** Ratings counted (one person may rate several sessions). */
  readonly ratings: number;
  /** Mean rating, rounded to one decimal. */
  readonly average: number;
  /** How many ratings of 1, 2, 3, 4 and 5. */
  readonly distribution: readonly [number, number, number, number, number];
}

/**
 * The average and spread of the ratings in `feedbacks`, or `null` when fewer than `minGroup`
 * distinct people rated. `minGroup` may raise the bar, never lower it below five: a smaller
 * group would let the program team work out one person's rating.
 */
export function aggregateRatings(
  feedbacks: readonly Pick<Feedback, 'authorId' | 'rating' | 'happened'>[],
  minGroup = MIN_AGGREGATE_GROUP,
): RatingAggregate | null {
  const bar = Math.max(MIN_AGGREGATE_GROUP, Math.ceil(Number.isFinite(minGroup) ? minGroup : MIN_AGGREGATE_GROUP));
  const people = new Set<string>();
  const distribution: [number, number, number, number, number] = [0, 0, 0, 0, 0];
  let sum = 0;
  let ratings = 0;
  for (const feedback of feedbacks) {
    if (feedback.happened !== 'held' || feedback.rating === null) continue;
    people.add(feedback.authorId);
    distribution[feedback.rating - 1]! += 1;
    sum += feedback.rating;
    ratings++;
  }
  if (people.size < bar) return null;
  return { people: people.size, ratings, average: Math.round((sum / ratings) * 10) / 10, distribution };
}
