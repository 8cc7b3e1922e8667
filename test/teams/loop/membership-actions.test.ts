/**
 * "pause" and "leave" through the loop handlers: nothing changes before the confirm action, the
 * confirm changes it once however often it arrives, a bad date comes back in the ask card with
 * the reason, and someone in no program is told so.
 */
import { describe, expect, it } from 'vitest';
import { tenantId as toTenantId, userId, type UserId } from '../../../src/core/ids.ts';
import { epochMs, type EpochMs } from '../../../src/core/time.ts';
import { CARD_VERBS } from '../../../src/teams/cards/card-verbs.ts';
import { createLoopHandlers } from '../../../src/teams/loop/loop-handlers.ts';
import type { LoopMembership, LoopPorts, MembershipPort } from '../../../src/teams/loop/ports.ts';

const NOW = Date.UTC(2026, 10, 18, 10, 0); // Wednesday 18 November 2026
const tenant = toTenantId('tenant-1');
const me = userId('junior-1');

function fakeMembership() {
  const calls: string[] = [];
  let programs: LoopMembership[] = [{ programId: 'p-1', programName: 'Reverse Mentoring 2026', partners: [{ userId: userId('senior-1'), name: 'Li Na Li' }] }];
  const left = new Map<string, string>();
  const port: MembershipPort = {
    async programsOf(_t, user: UserId) {
      return user === me ? programs : [];
    },
    async sessionsBefore(_t, _u, until: EpochMs) {
      return until > Date.UTC(2026, 10, 25) ? 2 : 0;
    },
    async pause(_t, _u, until) {
      calls.push(`pause ${new Date(until).toISOString()}`);
    },
    async leftProgramName(_t, _u, programId) {
      return left.get(programId);
    },
    async leave(_t, _u, programId) {
      calls.push(`leave ${programId}`);
      left.set(programId, programs.find((p) => p.programId === programId)!.programName);
      programs = programs.filter((p) => p.programId !== programId);
    },
  };
  return { port, calls };
}

function handlers(membership: MembershipPort) {
  const ports: LoopPorts = {
    sessions: { find: async () => undefined, nextFor: async () => undefined },
    feedback: { get: async () => undefined, insert: async (_t, f) => f, update: async (_t, f) => f, listForPair: async () => [] },
    membership,
    now: () => epochMs(NOW),
  };
  return createLoopHandlers({ ports, tabUrl: 'https://upward.test/tab/', zoneOf: async () => undefined });
}

const json = (value: unknown): string => JSON.stringify(value);
const actor = { tenantId: tenant, userId: me, teamsUserId: '29:junior' };

describe('pause and leave from the chat', () => {
  it('confirms a pause before doing it, then pauses once however often the confirm arrives', async () => {
    const { port, calls } = fakeMembership();
    const loop = handlers(port);
    const confirm = await loop.command({ tenantId: tenant, userId: me }, 'pause until 2 December 2026');
    expect(json(confirm)).toContain('Pause until');
    expect(json(confirm)).toContain('2 sessions with Li Na Li before then will be cancelled in both calendars.');
    expect(calls).toEqual([]);
    const action = (confirm as any).actions.find((a: any) => a.verb === CARD_VERBS.pauseConfirm);
    const done = await loop.cardAction(actor, CARD_VERBS.pauseConfirm, action.data);
    const again = await loop.cardAction(actor, CARD_VERBS.pauseConfirm, action.data);
    expect(json(done)).toContain('Enjoy your break');
    expect(again).toEqual(done);
    // The pause is idempotent by date: the same call twice pauses to the same day.
    expect(new Set(calls)).toEqual(new Set(['pause 2026-12-02T00:00:00.000Z']));
  });

  it('asks for a date, and asks again with the reason when the date is refused', async () => {
    const { port, calls } = fakeMembership();
    const loop = handlers(port);
    expect(json(await loop.command({ tenantId: tenant, userId: me }, 'pause'))).toContain('pauseUntil');
    const refused = await loop.command({ tenantId: tenant, userId: me }, 'pause until yesterday');
    expect(json(refused)).toContain('pauseUntil-error');
    const typedPast = await loop.cardAction(actor, CARD_VERBS.pauseConfirm, { submissionId: 's', pauseUntil: '2026-11-01' });
    expect(json(typedPast)).toContain('Pick a date after today');
    // A date typed in the ask card is confirmed first, not applied.
    const typed = await loop.cardAction(actor, CARD_VERBS.pauseConfirm, { submissionId: 's', pauseUntil: '2026-12-02' });
    expect(json(typed)).toContain('Pause until');
    expect(calls).toEqual([]);
  });

  it('leaves only on confirm, once, and a repeated confirm shows the same goodbye', async () => {
    const { port, calls } = fakeMembership();
    const loop = handlers(port);
    const confirm = await loop.command({ tenantId: tenant, userId: me }, 'leave');
    expect(json(confirm)).toContain('Leave Reverse Mentoring 2026?');
    expect(calls).toEqual([]);
    const stay = await loop.cardAction(actor, CARD_VERBS.leaveCancel, {});
    expect(json(stay)).toContain('Nothing has changed');
    const data = (confirm as any).actions.find((a: any) => a.verb === CARD_VERBS.leaveConfirm).data;
    const done = await loop.cardAction(actor, CARD_VERBS.leaveConfirm, data);
    const again = await loop.cardAction(actor, CARD_VERBS.leaveConfirm, data);
    expect(json(done)).toContain('You have left Reverse Mentoring 2026');
    expect(again).toEqual(done);
    expect(calls).toEqual(['leave p-1']);
  });

  it('tells someone in no program that there is nothing to pause or leave', async () => {
    const loop = handlers(fakeMembership().port);
    const stranger = { tenantId: tenant, userId: userId('someone-else') };
    expect(await loop.command(stranger, 'leave')).toMatch(/not in a mentoring program/);
    expect(await loop.cardAction({ ...stranger, teamsUserId: '29:x' }, CARD_VERBS.leaveConfirm, { programId: 'p-1', submissionId: 'x' })).toMatchObject({
      type: 'application/vnd.microsoft.activity.message',
    });
  });
});
