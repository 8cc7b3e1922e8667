import type { EnrolmentForm, EnrolmentListResponse, MyProgramsResponse, OwnEnrolmentResponse, PrefillResponse } from '../../contracts/enrolments.ts';
import type { PairRef, ProposalResponse } from '../../contracts/matching.ts';
import type { MyPairingsResponse, PairingAdminListResponse, PairingLeft, PublishResponse } from '../../contracts/pairings.ts';
import type { ProgramInput, ProgramListResponse, ProgramResponse, ProgramState } from '../../contracts/programs.ts';
import type { Caller } from './caller.ts';

const at = (id: string): string => `/programs/${encodeURIComponent(id)}`;

/** Program admin calls (the server refuses them without the Upward.ProgramAdmin role). */
export const adminApi = {
  list: async (call: Caller, signal?: AbortSignal) => (await call<ProgramListResponse>('GET', '/programs', undefined, signal)).programs,
  create: async (call: Caller, input: ProgramInput) => (await call<ProgramResponse>('POST', '/programs', input)).program,
  edit: async (call: Caller, id: string, patch: Partial<ProgramInput>) => (await call<ProgramResponse>('PATCH', at(id), patch)).program,
  get: async (call: Caller, id: string, signal?: AbortSignal) => (await call<ProgramResponse>('GET', at(id), undefined, signal)).program,
  transition: async (call: Caller, id: string, to: ProgramState) =>
    (await call<ProgramResponse>('POST', `${at(id)}/transitions`, { to })).program,
  enrolments: async (call: Caller, id: string, signal?: AbortSignal) =>
    (await call<EnrolmentListResponse>('GET', `${at(id)}/enrolments`, undefined, signal)).enrolments,
  runMatching: async (call: Caller, id: string) => (await call<ProposalResponse>('POST', `${at(id)}/matching`)).proposal,
  proposal: async (call: Caller, id: string, signal?: AbortSignal) =>
    (await call<ProposalResponse>('GET', `${at(id)}/proposal`, undefined, signal)).proposal,
  rerun: async (call: Caller, id: string) => (await call<ProposalResponse>('POST', `${at(id)}/proposal/rerun`)).proposal,
  review: async (call: Caller, id: string, edit: 'lock' | 'unlock' | 'remove', pair: PairRef) =>
    (await call<ProposalResponse>('POST', `${at(id)}/proposal/${edit}`, { mentorId: pair.mentorId, menteeId: pair.menteeId })).proposal,
  swap: async (call: Caller, id: string, a: PairRef, b: PairRef) =>
    (
      await call<ProposalResponse>('POST', `${at(id)}/proposal/swap`, {
        a: { mentorId: a.mentorId, menteeId: a.menteeId },
        b: { mentorId: b.mentorId, menteeId: b.menteeId },
      })
    ).proposal,
  publish: async (call: Caller, id: string) => call<PublishResponse>('POST', `${at(id)}/publish`),
  pairings: async (call: Caller, id: string, signal?: AbortSignal) =>
    (await call<PairingAdminListResponse>('GET', `${at(id)}/pairings`, undefined, signal)).pairings,
};

/** A participant's own calls: every one acts on the caller's own enrolment and pairs. */
export const participantApi = {
  programs: async (call: Caller, signal?: AbortSignal) => (await call<MyProgramsResponse>('GET', '/me/programs', undefined, signal)).programs,
  pairings: async (call: Caller, signal?: AbortSignal) => (await call<MyPairingsResponse>('GET', '/me/pairings', undefined, signal)).pairings,
  prefill: async (call: Caller, programId: string, signal?: AbortSignal) =>
    (await call<PrefillResponse>('GET', `${at(programId)}/enrolment/prefill`, undefined, signal)).profile,
  enrol: async (call: Caller, programId: string, form: EnrolmentForm) =>
    (await call<OwnEnrolmentResponse>('POST', `${at(programId)}/enrolment`, form)).enrolment,
  edit: async (call: Caller, programId: string, form: Omit<EnrolmentForm, 'role'>) =>
    (await call<OwnEnrolmentResponse>('PATCH', `${at(programId)}/enrolment`, form)).enrolment,
  pause: async (call: Caller, programId: string, pausedUntil: string) =>
    (await call<OwnEnrolmentResponse>('POST', `${at(programId)}/enrolment/pause`, { pausedUntil })).enrolment,
  resume: async (call: Caller, programId: string) => (await call<OwnEnrolmentResponse>('POST', `${at(programId)}/enrolment/resume`)).enrolment,
  leave: async (call: Caller, programId: string) => (await call<OwnEnrolmentResponse>('POST', `${at(programId)}/enrolment/leave`, {})).enrolment,
  leavePairing: async (call: Caller, pairingId: string) =>
    call<PairingLeft>('POST', `/pairings/${encodeURIComponent(pairingId)}/leave`),
};
