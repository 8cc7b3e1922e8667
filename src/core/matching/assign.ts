/**
 * Matching the whole cohort at once: score every mentor against every mentee, solve one
 * assignment for the best total (see `slot-assignment.ts` for the exact objective), explain each
 * pair, tell everyone left over why, and suggest trios where the program allows them.
 */
import type { UserId } from '../ids.ts';
import { isAvailable } from '../programs/enrolment.ts';
import { checkAvailability } from './hard-constraints.ts';
import { enrolmentsById, type MatchingContext } from './context.ts';
import type { PairLike } from './history.ts';
import { describePair } from './pair-explanation.ts';
import type { PairRef, Proposal, ProposedPair, Unmatched } from './proposal.ts';
import { buildScoreMatrix } from './score-matrix.ts';
import { assignWithCapacity } from './slot-assignment.ts';
import { suggestTrios } from './trios.ts';
import { explainUnmatched } from './unmatched.ts';

export interface MatchingOptions {
  /**
   * Pairs kept exactly as they are — locked in review, or already active when re-pairing. They
   * use up their people's capacity and come back in the proposal with `locked: true`.
   */
  readonly keep?: readonly PairLike[];
  /** Pairs removed in review; never proposed again in this proposal's re-runs. */
  readonly rejected?: readonly PairRef[];
}

/**
 * A proposal for the cohort in `context`. Only available people (not left, not paused at
 * `context.now`) are paired; paused people are listed as unmatched with their pause.
 */
export function proposeMatching(context: MatchingContext, options: MatchingOptions = {}): Proposal {
  const { program, now } = context;
  const byId = enrolmentsById(context);
  const keep = options.keep ?? [];
  const rejected = options.rejected ?? [];
  const available = context.enrolments.filter((enrolment) => isAvailable(enrolment, now));
  const mentors = available.filter((enrolment) => enrolment.role === 'mentor');
  const mentees = available.filter((enrolment) => enrolment.role === 'mentee');
  const paused = context.enrolments.filter((enrolment) => enrolment.left === null && !isAvailable(enrolment, now));

  const matrix = buildScoreMatrix({
    mentors,
    mentees,
    minSeniorityGap: program.rules.minSeniorityGap,
    sessionMinutes: program.sessionMinutes,
    history: context.history,
    rejected,
    alreadyPaired: keep.flatMap((pair) => [
      { mentorId: pair.mentorId, menteeId: pair.menteeId },
      ...(pair.coMentorId ? [{ mentorId: pair.coMentorId, menteeId: pair.menteeId }] : []),
    ]),
  });
  const partners = partnerCounts(keep);
  const mentorLoad = Int32Array.from(mentors, (person) => partners.get(person.userId) ?? 0);
  const menteeLoad = Int32Array.from(mentees, (person) => partners.get(person.userId) ?? 0);
  const chosen = assignWithCapacity(matrix, mentorLoad, menteeLoad, program.capacityPerPerson);

  const pairs: ProposedPair[] = [
    ...keep.map((pair) => describePair(pair, byId, context, true)),
    ...chosen.map(([m, e]) =>
      describePair({ mentorId: mentors[m]!.userId, menteeId: mentees[e]!.userId }, byId, context, false),
    ),
  ];
  const unmatched: Unmatched[] = [
    ...explainUnmatched({
      matrix,
      mentorPartners: mentorLoad,
      menteePartners: menteeLoad,
      pausedMentors: paused.filter((person) => person.role === 'mentor').length,
      pausedMentees: paused.filter((person) => person.role === 'mentee').length,
      program,
    }),
    ...paused.map((person) => {
      const check = checkAvailability(person, now);
      return { userId: person.userId, role: person.role, reason: check.ok ? '' : check.reason };
    }),
  ];
  const trioSuggestions = program.rules.allowTrios
    ? suggestTrios({
        matrix,
        candidates: mentors.flatMap((_, m) => (mentorLoad[m] === 0 ? [m] : [])),
        pairs,
        byId,
        sessionMinutes: program.sessionMinutes,
      })
    : [];
  return {
    programId: program.id,
    cycle: program.rotationCycle,
    pairs,
    unmatched,
    trioSuggestions,
    rejected: [...rejected],
    totalScore: pairs.reduce((sum, pair) => sum + pair.score, 0),
  };
}

/** Pairs each person is already in (as mentor, second mentor or mentee). */
function partnerCounts(pairs: readonly PairLike[]): Map<UserId, number> {
  const counts = new Map<UserId, number>();
  const add = (id: UserId) => counts.set(id, (counts.get(id) ?? 0) + 1);
  for (const pair of pairs) {
    add(pair.mentorId);
    add(pair.menteeId);
    if (pair.coMentorId) add(pair.coMentorId);
  }
  return counts;
}
