/**
 * Who sees each answer of the feedback form. One table, read both by `visibleTo` (which enforces
 * it) and by the card (which tells people), so what the card promises is what the code does.
 */
import type { FeedbackField } from './feedback.ts';

/**
 * For each kind of reader: `never`; `if-shared` (only when the author turned sharing on); `count`
 * (only as a number of sessions held, never per person); `average-5plus` (only as an average over
 * 5 or more people, see `aggregateRatings`).
 */
export interface FieldAudience {
  /** The author always sees their own answers. */
  readonly author: 'always';
  readonly partner: 'never' | 'if-shared';
  readonly programTeam: 'never' | 'count' | 'average-5plus';
  readonly manager: 'never' | 'count';
}

export const FEEDBACK_AUDIENCE: Readonly<Record<FeedbackField, FieldAudience>> = {
  // "My partner didn't come" reaching the partner would be an accusation; the team sees counts.
  happened: { author: 'always', partner: 'never', programTeam: 'count', manager: 'count' },
  // A junior rating someone five levels up must be safe: no one sees one person's rating.
  rating: { author: 'always', partner: 'never', programTeam: 'average-5plus', manager: 'never' },
  learned: { author: 'always', partner: 'if-shared', programTeam: 'never', manager: 'never' },
  taught: { author: 'always', partner: 'if-shared', programTeam: 'never', manager: 'never' },
  action: { author: 'always', partner: 'never', programTeam: 'never', manager: 'never' },
  privateNote: { author: 'always', partner: 'never', programTeam: 'never', manager: 'never' },
  shareWithPartner: { author: 'always', partner: 'never', programTeam: 'never', manager: 'never' },
};
