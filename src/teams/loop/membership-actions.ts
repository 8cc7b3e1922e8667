/**
 * "pause" and "leave", each with a confirm step: the chat command (or its button) shows what the
 * change does, and only the confirm action does it. Who acts comes from the activity; a confirm
 * that arrives twice (a double click, a retry) ends in the same state and the same card.
 */
import type { AdaptiveCard } from '@microsoft/teams.cards';
import type { TenantId, UserId } from '../../core/ids.ts';
import { MAX_PAUSE_DAYS } from '../../core/sessions/commands.ts';
import type { IanaZone } from '../../core/time.ts';
import { addDays, parseLocalDate, type LocalDate } from '../../core/time/local-date.ts';
import { epochToLocal, localToEpoch } from '../../core/time/zones.ts';
import { CARD_VERBS } from '../cards/card-verbs.ts';
import { leaveCard } from '../cards/leave-card.ts';
import { pauseCard } from '../cards/pause-card.ts';
import { teamsUserIdOf } from './card-people.ts';
import type { LoopMembership, LoopPorts, MembershipPort } from './ports.ts';

/** The verbs this file answers. */
export const MEMBERSHIP_VERBS: ReadonlySet<string> = new Set([
  CARD_VERBS.commandPause,
  CARD_VERBS.commandLeave,
  CARD_VERBS.pauseConfirm,
  CARD_VERBS.pauseCancel,
  CARD_VERBS.leaveConfirm,
  CARD_VERBS.leaveCancel,
]);

export interface MemberContext {
  readonly ports: LoopPorts;
  readonly membership: MembershipPort;
  readonly tenantId: TenantId;
  readonly userId: UserId;
  readonly zone: IanaZone;
}

export const NOT_ENROLLED = 'You are not in a mentoring program at the moment, so there is nothing to pause or leave.';

const partnersOf = (programs: readonly LoopMembership[]) => {
  const seen = new Map<string, { userId: UserId; name: string; teamsUserId: string }>();
  for (const program of programs) for (const p of program.partners) seen.set(p.userId, { ...p, teamsUserId: teamsUserIdOf(p.userId) });
  return [...seen.values()];
};

/** The first step of a pause: ask for a date (with why the typed one was refused), or confirm one. */
export async function pauseStep(ctx: MemberContext, until: LocalDate | undefined, error?: { message: string; value?: string }): Promise<AdaptiveCard | string> {
  const programs = await ctx.membership.programsOf(ctx.tenantId, ctx.userId);
  if (programs.length === 0) return NOT_ENROLLED;
  const partners = partnersOf(programs);
  const today = epochToLocal(ctx.ports.now(), ctx.zone).date;
  const submissionId = `pause:${ctx.userId}`;
  if (until === undefined) {
    return pauseCard({ kind: 'ask', today, partners, submissionId, ...(error ? { error: error.message, ...(error.value ? { value: error.value } : {}) } : {}) });
  }
  const sessionsCancelled = await ctx.membership.sessionsBefore(ctx.tenantId, ctx.userId, localToEpoch(until, 0, ctx.zone));
  return pauseCard({ kind: 'confirm', until, partners, sessionsCancelled, submissionId });
}

/** The confirm step of a pause: a date from the confirm card pauses; a date typed in the ask card is confirmed first. */
export async function pauseConfirm(ctx: MemberContext, data: Record<string, unknown>): Promise<AdaptiveCard | string> {
  const confirmed = typeof data['until'] === 'string' ? data['until'] : undefined;
  const typedDate = typeof data['pauseUntil'] === 'string' ? data['pauseUntil'] : undefined;
  const raw = confirmed ?? typedDate ?? '';
  const until = parseLocalDate(raw.trim());
  const today = epochToLocal(ctx.ports.now(), ctx.zone).date;
  if (until === undefined || until <= today || until > addDays(today, MAX_PAUSE_DAYS)) {
    return pauseStep(ctx, undefined, { message: 'Pick a date after today and at most a year away.', value: raw });
  }
  if (confirmed === undefined) return pauseStep(ctx, until);
  const programs = await ctx.membership.programsOf(ctx.tenantId, ctx.userId);
  if (programs.length === 0) return NOT_ENROLLED;
  await ctx.membership.pause(ctx.tenantId, ctx.userId, localToEpoch(until, 0, ctx.zone));
  return pauseCard({ kind: 'done', until, partners: partnersOf(programs) });
}

/** The first step of leaving: the confirm card for the person's most recent program. */
export async function leaveStep(ctx: MemberContext): Promise<AdaptiveCard | string> {
  const programs = await ctx.membership.programsOf(ctx.tenantId, ctx.userId);
  const program = programs[0];
  if (program === undefined) return NOT_ENROLLED;
  return leaveCard({
    kind: 'confirm',
    programId: program.programId,
    programName: program.programName,
    partners: partnersOf([program]),
    submissionId: `leave:${program.programId}:${ctx.userId}`,
  });
}

/** Leaves the program the confirm card names, if the person is still in it; a repeat shows the same goodbye. */
export async function leaveConfirm(ctx: MemberContext, data: Record<string, unknown>): Promise<AdaptiveCard | string> {
  const programId = typeof data['programId'] === 'string' ? data['programId'] : '';
  const program = (await ctx.membership.programsOf(ctx.tenantId, ctx.userId)).find((p) => p.programId === programId);
  if (program === undefined) {
    const name = await ctx.membership.leftProgramName(ctx.tenantId, ctx.userId, programId);
    return name === undefined ? NOT_ENROLLED : leaveCard({ kind: 'done', programName: name });
  }
  await ctx.membership.leave(ctx.tenantId, ctx.userId, program.programId);
  return leaveCard({ kind: 'done', programName: program.programName });
}
