/**
 * What each audience gets to see, as JSON-ready values. The privacy rules live here:
 * - the owner's own view is the only one with `doNotPairWith` and the leaving note;
 * - everyone else (admins, partners) sees people only through the core's `publicProfile`, which
 *   copies an explicit list of fields, so a private field can never leak by being added later;
 * - proposals and pairings show names and the matcher's reasons, which never mention exclusions.
 * Times are ISO-8601 UTC strings. Zones go out under IANA's current names: a row stored before
 * Upward renamed them still says "Asia/Calcutta", and people in India should read Kolkata.
 */
import type { DirectoryProfile as DirectoryProfileBody, EnrolmentStatus, OwnEnrolment, SharedEnrolment } from '../contracts/enrolments.ts';
import type { InvitationView } from '../contracts/invitations.ts';
import type { PersonLabel, ProposalView } from '../contracts/matching.ts';
import type { PairingAdmin, PairingMember } from '../contracts/pairings.ts';
import type { ProgramSummary, ProgramView } from '../contracts/programs.ts';
import type { UserId } from '../core/ids.ts';
import type { Proposal } from '../core/matching/proposal.ts';
import { isAvailable, publicProfile, type DirectoryProfile, type Enrolment } from '../core/programs/enrolment.ts';
import type { Program } from '../core/programs/program.ts';
import { legalNextStates } from '../core/programs/transitions.ts';
import type { EpochMs } from '../core/time.ts';
import { currentZoneName } from '../core/time/zone-names.ts';
import type { Invitation } from '../store/invitations.ts';
import type { PairingRecord } from '../store/pairings.ts';
import type { ProposalRecord } from '../store/proposals.ts';

// Overloaded so a view's instants that are never null read as `string` in the wire contract.
function iso(at: EpochMs): string;
function iso(at: EpochMs | null): string | null;
function iso(at: EpochMs | null): string | null {
  return at === null ? null : new Date(at).toISOString();
}

/** A program as its admins see it, with the states it may move to next. */
export function programView(program: Program): ProgramView {
  return {
    ...programSummary(program),
    capacityPerPerson: program.capacityPerPerson,
    rules: program.rules,
    createdAt: iso(program.createdAt),
    updatedAt: iso(program.updatedAt),
    stateChangedAt: iso(program.stateChangedAt),
    nextStates: legalNextStates(program.state),
  };
}

/** A program as a participant sees it before and after enrolling. */
export function programSummary(program: Program): ProgramSummary {
  return {
    id: program.id,
    name: program.name,
    objectives: program.objectives,
    topicTracks: program.topicTracks,
    trackPlans: program.trackPlans ?? [],
    cadence: program.cadence,
    sessionMinutes: program.sessionMinutes,
    term: { start: iso(program.term.start), end: iso(program.term.end) },
    organiser: program.organiser,
    state: program.state,
    rotationCycle: program.rotationCycle,
  };
}

export type { EnrolmentStatus } from '../contracts/enrolments.ts';

export const enrolmentStatus = (enrolment: Enrolment, now: EpochMs): EnrolmentStatus =>
  enrolment.left !== null ? 'left' : isAvailable(enrolment, now) ? 'active' : 'paused';

/** The participant's own enrolment: everything, private fields included. Only ever sent to its owner. */
export function ownEnrolmentView(enrolment: Enrolment, now: EpochMs): OwnEnrolment {
  return {
    programId: enrolment.programId,
    userId: enrolment.userId,
    role: enrolment.role,
    status: enrolmentStatus(enrolment, now),
    profile: directoryProfileView(enrolment.profile),
    canTeach: enrolment.canTeach,
    wantsToLearn: enrolment.wantsToLearn,
    goals: enrolment.goals,
    languages: enrolment.languages,
    doNotPairWith: enrolment.doNotPairWith,
    pausedUntil: iso(enrolment.pausedUntil),
    left: enrolment.left === null ? null : { at: iso(enrolment.left.at), reason: enrolment.left.reason },
    enrolledAt: iso(enrolment.enrolledAt),
  };
}

/** What the directory said about the person when they enrolled, zones under their current names. */
function directoryProfileView(profile: DirectoryProfile): DirectoryProfileBody {
  const { workingHours } = profile;
  return {
    ...profile,
    timeZone: currentZoneName(profile.timeZone),
    ...(workingHours === undefined ? {} : { workingHours: { ...workingHours, zone: currentZoneName(workingHours.zone) } }),
  };
}

/** Someone else's enrolment (the admin's list, a partner): the public profile and a status. */
export function sharedEnrolmentView(enrolment: Enrolment, now: EpochMs): SharedEnrolment {
  const shared = publicProfile(enrolment);
  return {
    ...shared,
    timeZone: currentZoneName(shared.timeZone),
    pausedUntil: iso(shared.pausedUntil),
    leftAt: iso(shared.leftAt),
    status: enrolmentStatus(enrolment, now),
    enrolledAt: iso(enrolment.enrolledAt),
  };
}

/** A person named in a proposal or pairing. */
export function personLabel(byId: ReadonlyMap<UserId, Enrolment>, id: UserId): PersonLabel {
  const enrolment = byId.get(id);
  return {
    userId: id,
    displayName: enrolment?.profile.displayName ?? id,
    role: enrolment?.role ?? null,
    department: enrolment?.profile.department ?? '',
    jobTitle: enrolment?.profile.jobTitle ?? '',
  };
}

/** The proposal under review with names beside the ids. `interrupted`: its run died with a restart. */
export function proposalView(record: ProposalRecord, byId: ReadonlyMap<UserId, Enrolment>, interrupted: boolean): ProposalView {
  const status = interrupted ? 'failed' : record.status;
  const error = interrupted ? { code: 'unavailable', message: 'The matching run was interrupted (Upward restarted); run it again' } : record.error;
  return {
    programId: record.programId,
    kind: record.kind,
    cycle: record.cycle,
    status,
    startedAt: iso(record.startedAt),
    updatedAt: iso(record.updatedAt),
    error,
    ...(record.proposal === null ? { pairs: [], unmatched: [], trioSuggestions: [], rejected: [], totalScore: 0 } : proposalBody(record.proposal, byId)),
  };
}

function proposalBody(proposal: Proposal, byId: ReadonlyMap<UserId, Enrolment>): Pick<ProposalView, 'pairs' | 'unmatched' | 'trioSuggestions' | 'rejected' | 'totalScore'> {
  const label = (id: UserId) => personLabel(byId, id);
  return {
    pairs: proposal.pairs.map((pair) => ({
      mentorId: pair.mentorId,
      menteeId: pair.menteeId,
      coMentorId: pair.coMentorId,
      mentor: label(pair.mentorId),
      mentee: label(pair.menteeId),
      coMentor: pair.coMentorId === null ? null : label(pair.coMentorId),
      score: pair.score,
      reasons: pair.reasons,
      locked: pair.locked,
    })),
    unmatched: proposal.unmatched.map((u) => ({ ...label(u.userId), role: u.role, reason: u.reason })),
    trioSuggestions: proposal.trioSuggestions.map((s) => ({ ...s, mentor: label(s.mentorId) })),
    rejected: proposal.rejected,
    totalScore: proposal.totalScore,
  };
}

/** A pairing as the program admin sees it. Who ended it is not shown, only how. */
export function pairingAdminView(record: PairingRecord, byId: ReadonlyMap<UserId, Enrolment>): PairingAdmin {
  return {
    id: record.id,
    programId: record.programId,
    cycle: record.cycle,
    mentor: personLabel(byId, record.mentorId),
    mentee: personLabel(byId, record.menteeId),
    coMentor: record.coMentorId === null ? null : personLabel(byId, record.coMentorId),
    score: record.score,
    reasons: record.reasons,
    publishedAt: iso(record.publishedAt),
    endedAt: iso(record.endedAt),
    endReason: record.endReason,
  };
}

/** A pairing as one of its members sees it: their partners' public profiles and the reasons. */
export function pairingMemberView(record: PairingRecord, me: UserId, byId: ReadonlyMap<UserId, Enrolment>, programName: string, now: EpochMs): PairingMember {
  const members = [record.mentorId, record.menteeId, ...(record.coMentorId === null ? [] : [record.coMentorId])];
  const myRole = record.mentorId === me ? 'mentor' : record.menteeId === me ? 'mentee' : 'co-mentor';
  return {
    id: record.id,
    programId: record.programId,
    programName,
    cycle: record.cycle,
    myRole,
    partners: members
      .filter((id) => id !== me)
      .map((id) => {
        const enrolment = byId.get(id);
        return enrolment ? sharedEnrolmentView(enrolment, now) : { userId: id };
      }),
    reasons: record.reasons,
    publishedAt: iso(record.publishedAt),
    endedAt: iso(record.endedAt),
  };
}

/** An invitation, for the admin's list and the invited person. */
export function invitationView(invitation: Invitation): InvitationView {
  return {
    programId: invitation.programId,
    userId: invitation.userId,
    displayName: invitation.displayName,
    role: invitation.role,
    status: invitation.status,
    invitedAt: iso(invitation.invitedAt),
    respondedAt: iso(invitation.respondedAt),
  };
}
