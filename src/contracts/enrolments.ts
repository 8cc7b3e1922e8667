/** Enrolments: the participant's own (private fields included) and everyone else's (public fields only). */
import type { InvitationView } from './invitations.ts';
import type { DayOfWeek } from './me.ts';
import type { ProgramSummary } from './programs.ts';

/** Reverse mentoring: the mentor is the junior who teaches, the mentee the senior who learns. */
export type Role = 'mentor' | 'mentee';
export type EnrolmentStatus = 'active' | 'paused' | 'left';

/** A participant's answers on what they teach, want to learn and aim for: the same in every view of them. */
export interface EnrolmentAnswers {
  readonly canTeach: readonly string[];
  readonly wantsToLearn: readonly string[];
  readonly goals: readonly string[];
  readonly languages: readonly string[];
}

/** Someone else's enrolment (admin list, partner): public fields only. */
export interface SharedEnrolment extends EnrolmentAnswers {
  readonly userId: string;
  readonly programId: string;
  readonly role: Role;
  readonly displayName: string;
  readonly department: string;
  readonly jobTitle: string;
  readonly timeZone: string;
  readonly pausedUntil: string | null;
  /** When the person left, without their reason. */
  readonly leftAt: string | null;
  readonly status: EnrolmentStatus;
  readonly enrolledAt: string;
}

/** A mailbox's working hours on its own clock and in its own zone. */
export interface EnrolmentWorkingHours {
  readonly daysOfWeek: readonly DayOfWeek[];
  /** `HH:mm`. */
  readonly start: string;
  /** `HH:mm`; `24:00` ends at midnight. */
  readonly end: string;
  readonly zone: string;
}

/** What the directory says about the person, as the enrolment prefill returns it. */
export interface DirectoryProfile {
  readonly displayName: string;
  readonly department: string;
  readonly jobTitle: string;
  /** Manager, their manager, … up to the top of the tree. */
  readonly managerChain: readonly string[];
  readonly seniorityLevel: number;
  readonly timeZone: string;
  /** [start, end) minutes from Monday 00:00 UTC. */
  readonly weeklyWorkingMinutesUtc: readonly (readonly [number, number])[];
  /** Absent on enrolments stored before Upward kept it. */
  readonly workingHours?: EnrolmentWorkingHours;
}

/** The participant's own enrolment, private fields included. Only ever sent to its owner. */
export interface OwnEnrolment extends EnrolmentAnswers {
  readonly programId: string;
  readonly userId: string;
  readonly role: Role;
  readonly status: EnrolmentStatus;
  readonly profile: DirectoryProfile;
  readonly doNotPairWith: readonly string[];
  readonly pausedUntil: string | null;
  readonly left: { readonly at: string; readonly reason: string } | null;
  readonly enrolledAt: string;
}

/** The participant's answers on the enrolment form. */
export interface EnrolmentForm extends EnrolmentAnswers {
  readonly role?: Role;
}

/** One row of `GET /api/me/programs`. */
export interface MyProgram {
  readonly program: ProgramSummary;
  readonly enrolment: OwnEnrolment | null;
  readonly invitation: InvitationView | null;
}

/** `GET /api/me/programs`. */
export interface MyProgramsResponse {
  readonly programs: readonly MyProgram[];
}

/** `GET /api/programs/:id/enrolment/prefill`. */
export interface PrefillResponse {
  readonly profile: DirectoryProfile;
}

/** The caller's own enrolment after reading, enrolling, editing, pausing, resuming or leaving. */
export interface OwnEnrolmentResponse {
  readonly enrolment: OwnEnrolment;
}

/** `GET /api/programs/:id/enrolments` (admins). */
export interface EnrolmentListResponse {
  readonly enrolments: readonly SharedEnrolment[];
}

/** `GET /api/programs/:id/enrolments/:userId` (admins). */
export interface SharedEnrolmentResponse {
  readonly enrolment: SharedEnrolment;
}
