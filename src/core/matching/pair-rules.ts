/**
 * All hard constraints for one pair, in a fixed order, and the error raised when an admin edit
 * would break one. The order puts the private exclusion last so it is reported only when no
 * other rule explains the refusal.
 */
import { UpwardError } from '../errors.ts';
import type { Enrolment } from '../programs/enrolment.ts';
import {
  checkAvailability,
  checkCapacity,
  checkManagementChain,
  checkNotExcluded,
  checkNotMetBefore,
  checkRoles,
  checkSeniorityGap,
  checkWorkingHoursOverlap,
  OK,
  type HardRule,
  type RuleCheck,
} from './hard-constraints.ts';
import type { MatchingContext } from './context.ts';
import { metIndex } from './history.ts';
import { samePair, type PairRef } from './proposal.ts';

/** Extra facts some checks need; leave out what does not apply. */
export interface PairCheckOptions {
  /** Pairs removed in review; they are not proposed again. */
  readonly rejected?: readonly PairRef[];
  /** Current number of partners of a person, for the capacity rule. */
  readonly partnersOf?: (person: Enrolment) => number;
}

/** Ok, or the first hard rule the pair breaks with its reason in words. */
export function whyNotPaired(
  mentor: Enrolment,
  mentee: Enrolment,
  context: MatchingContext,
  options: PairCheckOptions = {},
): RuleCheck {
  const { program, now } = context;
  const checks: Array<() => RuleCheck> = [
    () => checkRoles(mentor, mentee),
    () => checkAvailability(mentor, now),
    () => checkAvailability(mentee, now),
    () => checkManagementChain(mentor, mentee),
    () => checkSeniorityGap(mentor, mentee, program.rules.minSeniorityGap),
    () => checkWorkingHoursOverlap(mentor, mentee, program.sessionMinutes),
    () => checkNotMetBefore(mentor, mentee, metIndex(context.history)),
    () => checkNotRejected(mentor, mentee, options.rejected ?? []),
    () => capacityOf(mentor, options),
    () => capacityOf(mentee, options),
    () => checkNotExcluded(mentor, mentee),
  ];
  for (const check of checks) {
    const result = check();
    if (!result.ok) return result;
  }
  return OK;

  function capacityOf(person: Enrolment, opts: PairCheckOptions): RuleCheck {
    return opts.partnersOf ? checkCapacity(person, opts.partnersOf(person), program.capacityPerPerson) : OK;
  }
}

/** A pair the admin removed in review is not proposed again. */
export function checkNotRejected(mentor: Enrolment, mentee: Enrolment, rejected: readonly PairRef[]): RuleCheck {
  const ref = { mentorId: mentor.userId, menteeId: mentee.userId };
  if (!rejected.some((r) => samePair(r, ref))) return OK;
  return {
    ok: false,
    rule: 'rejected_in_review',
    reason: `${mentor.profile.displayName} and ${mentee.profile.displayName} were removed as a pair during review`,
  };
}

/** An admin edit that would break a hard rule; `rule` says which. */
export class PairingRuleError extends UpwardError {
  readonly rule: HardRule;

  constructor(action: string, rule: HardRule, reason: string) {
    super('conflict', `${action} is not possible: ${reason} (rule: ${rule})`);
    this.name = 'PairingRuleError';
    this.rule = rule;
  }
}

/** Throws {@link PairingRuleError} for the first rule the pair breaks. */
export function assertPairAllowed(
  action: string,
  mentor: Enrolment,
  mentee: Enrolment,
  context: MatchingContext,
  options: PairCheckOptions = {},
): void {
  const result = whyNotPaired(mentor, mentee, context, options);
  if (!result.ok) throw new PairingRuleError(action, result.rule, result.reason);
}
