/**
 * The hard constraints: a pair that breaks one is never proposed. Each is its own small function
 * returning either ok or the rule and a reason in words, so the product can answer "why were
 * these two not matched?".
 *
 * Privacy: `checkNotExcluded` reads the private do-not-pair lists and answers only with a neutral
 * "not available" that names no one's preference; {@link whyNotPaired} tries it last, so when any
 * other rule also applies, that other rule is what gets reported.
 */
import type { Enrolment } from '../programs/enrolment.ts';
import { isAvailable } from '../programs/enrolment.ts';
import type { EpochMs } from '../time.ts';
import { metIndex, pairKey, type MetHistory } from './history.ts';
import { longestSharedMinutes } from './working-hours.ts';
import { count, formatDate, formatMinutes } from './wording.ts';

/** Names of the hard rules, as carried in results and errors. */
export type HardRule =
  | 'roles'
  | 'availability'
  | 'management_chain'
  | 'seniority_gap'
  | 'working_hours'
  | 'met_before'
  | 'rejected_in_review'
  | 'capacity'
  | 'already_paired'
  | 'not_available';

export type RuleCheck = { readonly ok: true } | { readonly ok: false; readonly rule: HardRule; readonly reason: string };

export const OK: RuleCheck = { ok: true };
const fail = (rule: HardRule, reason: string): RuleCheck => ({ ok: false, rule, reason });
const nameOf = (person: Enrolment): string => person.profile.displayName;

/** The mentor must be enrolled as mentor and the mentee as mentee. */
export function checkRoles(mentor: Enrolment, mentee: Enrolment): RuleCheck {
  if (mentor.userId === mentee.userId) return fail('roles', `${nameOf(mentor)} cannot be paired with themself`);
  if (mentor.role !== 'mentor') return fail('roles', `${nameOf(mentor)} is enrolled as a mentee, not a mentor`);
  if (mentee.role !== 'mentee') return fail('roles', `${nameOf(mentee)} is enrolled as a mentor, not a mentee`);
  return OK;
}

/** Someone who left, or is paused at `now`, is not matched. */
export function checkAvailability(person: Enrolment, now: EpochMs): RuleCheck {
  if (isAvailable(person, now)) return OK;
  if (person.left !== null) return fail('availability', `${nameOf(person)} has left the program`);
  return fail('availability', `${nameOf(person)} is paused until ${formatDate(person.pausedUntil ?? now)}`);
}

/** Never two people in one management chain, whichever of them is the manager. */
export function checkManagementChain(a: Enrolment, b: Enrolment): RuleCheck {
  if (a.profile.managerChain.includes(b.userId)) {
    return fail('management_chain', `${nameOf(b)} is in ${nameOf(a)}'s management chain`);
  }
  if (b.profile.managerChain.includes(a.userId)) {
    return fail('management_chain', `${nameOf(a)} is in ${nameOf(b)}'s management chain`);
  }
  return OK;
}

/** Levels the mentee must be above the mentor: the program's gap, and always at least one. */
export const requiredGap = (minSeniorityGap: number): number => Math.max(1, minSeniorityGap);

/** The mentor is strictly junior to the mentee, by at least the program's minimum gap. */
export function checkSeniorityGap(mentor: Enrolment, mentee: Enrolment, minSeniorityGap: number): RuleCheck {
  const gap = mentee.profile.seniorityLevel - mentor.profile.seniorityLevel;
  const needed = requiredGap(minSeniorityGap);
  if (gap >= needed) return OK;
  return fail(
    'seniority_gap',
    `${nameOf(mentee)} (level ${mentee.profile.seniorityLevel}) is not senior enough to ${nameOf(mentor)} ` +
      `(level ${mentor.profile.seniorityLevel}): the program needs a gap of at least ${count(needed, 'level')}`,
  );
}

/** On some day the two share a stretch of working time at least one session long. */
export function checkWorkingHoursOverlap(a: Enrolment, b: Enrolment, sessionMinutes: number): RuleCheck {
  const shared = longestSharedMinutes(a.profile.weeklyWorkingMinutesUtc, b.profile.weeklyWorkingMinutesUtc);
  if (shared >= sessionMinutes) return OK;
  const have = shared === 0 ? 'share no working hours' : `share at most ${formatMinutes(shared)} of working hours in a row`;
  return fail('working_hours', `${nameOf(a)} and ${nameOf(b)} ${have}; a session needs ${formatMinutes(sessionMinutes)}`);
}

/** In a rotation (and after a re-pair) nobody meets a former partner from this program again. */
export function checkNotMetBefore(a: Enrolment, b: Enrolment, history: MetHistory | ReadonlyMap<string, number>): RuleCheck {
  const index = history instanceof Map ? history : metIndex(history as MetHistory);
  const cycle = index.get(pairKey(a.userId, b.userId));
  if (cycle === undefined) return OK;
  return fail('met_before', `${nameOf(a)} and ${nameOf(b)} were already paired in cycle ${cycle} of this program`);
}

/** A person has room for another partner. `partners` counts the pairs they are already in. */
export function checkCapacity(person: Enrolment, partners: number, capacityPerPerson: number): RuleCheck {
  if (partners < capacityPerPerson) return OK;
  return fail('capacity', `${nameOf(person)} already has ${count(partners, 'partner')}, the program's maximum`);
}

/**
 * Private exclusions, either way round. The reason deliberately says nothing about who asked or
 * that anyone asked: do-not-pair lists are never shown to anyone.
 */
export function checkNotExcluded(a: Enrolment, b: Enrolment): RuleCheck {
  if (a.doNotPairWith.includes(b.userId) || b.doNotPairWith.includes(a.userId)) {
    return fail('not_available', `${nameOf(a)} and ${nameOf(b)} are not available to be paired together`);
  }
  return OK;
}
