/**
 * A person's enrolment in one program: the role they take, what the directory says about them,
 * and what they told us. One field is private to the person and the matcher:
 * {@link NeverShownDoNotPairWith}. Anything shown to another person goes through
 * {@link publicProfile}, which copies an explicit list of fields, so a private field added later
 * stays private unless someone adds it there on purpose.
 */
import type { Brand, TenantId, UserId } from '../ids.ts';
import type { EpochMs, IanaZone } from '../time.ts';
import type { WorkingHours } from '../time/working-hours.ts';
import type { ProgramId } from './program.ts';
import type { WeeklyInterval } from './working-week.ts';

/**
 * Reverse mentoring: the **mentor** is the junior who teaches; the **mentee** is the senior
 * leader who learns (and shares strategy and career insight back).
 */
export const ROLES = ['mentor', 'mentee'] as const;
export type Role = (typeof ROLES)[number];

/** What the directory (Graph user, manager chain, mailbox settings) says about a person. */
export interface DirectoryProfile {
  readonly displayName: string;
  readonly department: string;
  readonly jobTitle: string;
  /** Manager, their manager, … up to the top of the tree. */
  readonly managerChain: readonly UserId[];
  /** Organisation's grade; a higher number is more senior. */
  readonly seniorityLevel: number;
  readonly timeZone: IanaZone;
  /** Working hours on the UTC week; see `working-week.ts` for the contract. */
  readonly weeklyWorkingMinutesUtc: readonly WeeklyInterval[];
  /**
   * The mailbox's working hours on its own clock and in its own zone, as read at enrolment: what
   * timing on a particular date (an agenda the day before a session) needs, because the UTC week
   * above is fixed to the offset of the program's start. Absent on enrolments stored before
   * Upward kept it.
   */
  readonly workingHours?: WorkingHours;
}

/**
 * People this person asked never to be paired with. Never shown to anyone — not the partner, not
 * the admin, not in any explanation — only the matcher reads it, and only to forbid pairs.
 */
export type NeverShownDoNotPairWith = Brand<readonly UserId[], 'NeverShownDoNotPairWith'>;
export const neverShownDoNotPairWith = (ids: readonly UserId[]): NeverShownDoNotPairWith =>
  ids as NeverShownDoNotPairWith;

/** A no-fault exit. The reason is the leaver's own note and is not shown to others. */
export interface LeftProgram {
  readonly at: EpochMs;
  readonly reason: string;
}

export interface Enrolment {
  readonly tenantId: TenantId;
  readonly programId: ProgramId;
  readonly userId: UserId;
  readonly role: Role;
  readonly profile: DirectoryProfile;
  /** Labels: program topic tracks in their program spelling, plus free tags. Unique by key. */
  readonly canTeach: readonly string[];
  readonly wantsToLearn: readonly string[];
  /** Short goal tags ("grow executive presence"), compared like topics. */
  readonly goals: readonly string[];
  /** Languages the person is happy to hold sessions in, compared case-insensitively. */
  readonly languages: readonly string[];
  readonly doNotPairWith: NeverShownDoNotPairWith;
  /** Not matched and sent no invitations before this instant; `null` when not paused. */
  readonly pausedUntil: EpochMs | null;
  readonly left: LeftProgram | null;
  readonly enrolledAt: EpochMs;
}

/** An enrolment as another person (partner, admin, manager views) may see it. */
export interface PublicProfile {
  readonly userId: UserId;
  readonly programId: ProgramId;
  readonly role: Role;
  readonly displayName: string;
  readonly department: string;
  readonly jobTitle: string;
  readonly timeZone: IanaZone;
  readonly canTeach: readonly string[];
  readonly wantsToLearn: readonly string[];
  readonly goals: readonly string[];
  readonly languages: readonly string[];
  readonly pausedUntil: EpochMs | null;
  /** When the person left, without their reason. */
  readonly leftAt: EpochMs | null;
}

/**
 * The shareable view of an enrolment. Leaves out `doNotPairWith`, the leaving reason, the manager
 * chain, seniority level and working-hours detail.
 */
export function publicProfile(enrolment: Enrolment): PublicProfile {
  return {
    userId: enrolment.userId,
    programId: enrolment.programId,
    role: enrolment.role,
    displayName: enrolment.profile.displayName,
    department: enrolment.profile.department,
    jobTitle: enrolment.profile.jobTitle,
    timeZone: enrolment.profile.timeZone,
    canTeach: [...enrolment.canTeach],
    wantsToLearn: [...enrolment.wantsToLearn],
    goals: [...enrolment.goals],
    languages: [...enrolment.languages],
    pausedUntil: enrolment.pausedUntil,
    leftAt: enrolment.left?.at ?? null,
  };
}

/** Whether the person can be matched at `now`: not left, not paused. */
export const isAvailable = (enrolment: Enrolment, now: EpochMs): boolean =>
  enrolment.left === null && (enrolment.pausedUntil === null || enrolment.pausedUntil <= now);
