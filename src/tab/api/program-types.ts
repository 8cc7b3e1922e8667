/**
 * Program, enrolment, proposal and pairing shapes as the server's `src/programs/views.ts` sends
 * them (mirrored by hand: the tab may not import server code). Times are ISO-8601 UTC strings.
 */

export type Cadence = 'weekly' | 'biweekly' | 'monthly';
export type SessionMinutes = 30 | 45 | 60;
export type Organiser = 'mentee' | 'mentor';
export type ProgramState = 'draft' | 'enrolling' | 'matching' | 'active' | 'closed';
/** Reverse mentoring: the mentor is the junior who teaches, the mentee the senior who learns. */
export type Role = 'mentor' | 'mentee';
export type EnrolmentStatus = 'active' | 'paused' | 'left';

/** The session-by-session topics of one topic track. */
export interface TrackPlan {
  readonly track: string;
  readonly sessionTopics: readonly string[];
  readonly reflectionQuestions: readonly string[];
}

/** What a participant sees of a program. */
export interface ProgramSummary {
  readonly id: string;
  readonly name: string;
  readonly objectives: readonly string[];
  readonly topicTracks: readonly string[];
  /** Session plans of some tracks (absent from servers that predate them). */
  readonly trackPlans?: readonly TrackPlan[];
  readonly cadence: Cadence;
  readonly sessionMinutes: SessionMinutes;
  readonly term: { readonly start: string; readonly end: string };
  readonly organiser: Organiser;
  readonly state: ProgramState;
  readonly rotationCycle: number;
}

/** What an admin sees of a program. */
export interface ProgramView extends ProgramSummary {
  readonly capacityPerPerson: number;
  readonly rules: { readonly minSeniorityGap: number; readonly allowTrios: boolean };
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly stateChangedAt: string;
  readonly nextStates: readonly ProgramState[];
}

/** The settings an admin sends to create a program (and, partly, to edit one). */
export interface ProgramInput {
  readonly name: string;
  readonly objectives: readonly string[];
  readonly topicTracks: readonly string[];
  /** Optional: a program without plans shows each track's name as the session topic. */
  readonly trackPlans?: readonly TrackPlan[];
  readonly cadence: Cadence;
  readonly sessionMinutes: SessionMinutes;
  readonly term: { readonly start: string; readonly end: string };
  readonly organiser: Organiser;
  readonly capacityPerPerson: number;
  readonly rules: { readonly minSeniorityGap: number; readonly allowTrios: boolean };
}

/** Someone else's enrolment (admin list, partner): public fields only. */
export interface SharedEnrolment {
  readonly userId: string;
  readonly programId: string;
  readonly role: Role;
  readonly displayName: string;
  readonly department: string;
  readonly jobTitle: string;
  readonly timeZone: string;
  readonly canTeach: readonly string[];
  readonly wantsToLearn: readonly string[];
  readonly goals: readonly string[];
  readonly languages: readonly string[];
  readonly pausedUntil: string | null;
  readonly leftAt: string | null;
  readonly status: EnrolmentStatus;
  readonly enrolledAt: string;
}

/** What the directory says about the person, as the enrolment prefill returns it. */
export interface DirectoryProfile {
  readonly displayName: string;
  readonly department: string;
  readonly jobTitle: string;
  readonly managerChain: readonly string[];
  readonly seniorityLevel: number;
  readonly timeZone: string;
  readonly weeklyWorkingMinutesUtc: readonly (readonly [number, number])[];
}

/** The participant's own enrolment, private fields included. */
export interface OwnEnrolment {
  readonly programId: string;
  readonly userId: string;
  readonly role: Role;
  readonly status: EnrolmentStatus;
  readonly profile: DirectoryProfile;
  readonly canTeach: readonly string[];
  readonly wantsToLearn: readonly string[];
  readonly goals: readonly string[];
  readonly languages: readonly string[];
  readonly doNotPairWith: readonly string[];
  readonly pausedUntil: string | null;
  readonly left: { readonly at: string; readonly reason: string } | null;
  readonly enrolledAt: string;
}

/** The participant's answers on the enrolment form. */
export interface EnrolmentForm {
  readonly role?: Role;
  readonly canTeach: readonly string[];
  readonly wantsToLearn: readonly string[];
  readonly goals: readonly string[];
  readonly languages: readonly string[];
}

export interface Invitation {
  readonly programId: string;
  readonly userId: string;
  readonly displayName: string;
  readonly role: Role;
  readonly status: string;
  readonly invitedAt: string;
  readonly respondedAt: string | null;
}

/** One row of `GET /api/me/programs`. */
export interface MyProgram {
  readonly program: ProgramSummary;
  readonly enrolment: OwnEnrolment | null;
  readonly invitation: Invitation | null;
}

/** A person named in a proposal or pairing. */
export interface PersonLabel {
  readonly userId: string;
  readonly displayName: string;
  readonly role: Role | null;
  readonly department: string;
  readonly jobTitle: string;
}

/** Identifies a proposed pair in review edits. */
export interface PairRef {
  readonly mentorId: string;
  readonly menteeId: string;
}

export interface ProposedPair extends PairRef {
  readonly coMentorId: string | null;
  readonly mentor: PersonLabel;
  readonly mentee: PersonLabel;
  readonly coMentor: PersonLabel | null;
  readonly score: number;
  readonly reasons: readonly string[];
  readonly locked: boolean;
}

export type ProposalStatus = 'running' | 'ready' | 'failed' | 'published';

/** The matching proposal under review. */
export interface ProposalView {
  readonly programId: string;
  readonly kind: 'cycle' | 'repair';
  readonly cycle: number;
  readonly status: ProposalStatus;
  readonly startedAt: string | null;
  readonly updatedAt: string | null;
  readonly error: { readonly code: string; readonly message: string } | null;
  readonly pairs: readonly ProposedPair[];
  readonly unmatched: readonly (PersonLabel & { readonly reason: string })[];
  readonly trioSuggestions: readonly { readonly mentorId: string; readonly pair: PairRef; readonly score: number; readonly reasons: readonly string[]; readonly mentor: PersonLabel }[];
  readonly rejected: readonly PairRef[];
  readonly totalScore: number;
}

/** A published pairing as the admin sees it. */
export interface PairingAdmin {
  readonly id: string;
  readonly programId: string;
  readonly cycle: number;
  readonly mentor: PersonLabel;
  readonly mentee: PersonLabel;
  readonly coMentor: PersonLabel | null;
  readonly score: number;
  readonly reasons: readonly string[];
  readonly publishedAt: string;
  readonly endedAt: string | null;
  readonly endReason: 'no_fault' | 'rotated' | 'closed' | null;
}

/** A pairing as one of its members sees it. */
export interface PairingMember {
  readonly id: string;
  readonly programId: string;
  readonly programName: string;
  readonly cycle: number;
  readonly myRole: 'mentor' | 'mentee' | 'co-mentor';
  readonly partners: readonly (SharedEnrolment | { readonly userId: string })[];
  readonly reasons: readonly string[];
  readonly publishedAt: string;
  readonly endedAt: string | null;
}
