import { describe, expect, it } from 'vitest';
import {
  checkAvailability,
  checkCapacity,
  checkManagementChain,
  checkNotExcluded,
  checkNotMetBefore,
  checkRoles,
  checkSeniorityGap,
  checkWorkingHoursOverlap,
} from '../../../src/core/matching/hard-constraints.ts';
import { checkNotRejected, whyNotPaired } from '../../../src/core/matching/pair-rules.ts';
import { userId } from '../../../src/core/ids.ts';
import { epochMs } from '../../../src/core/time.ts';
import { makeProgram, NOW, officeHours, person } from './fixtures.ts';

const priya = person({ id: 'priya', name: 'Priya', role: 'mentor', level: 2 });
const martin = person({ id: 'martin', name: 'Martin', role: 'mentee', level: 7 });
const context = { program: makeProgram(), enrolments: [priya, martin], history: [], now: NOW };

describe('each hard constraint', () => {
  it('roles: a mentor with a mentee only', () => {
    expect(checkRoles(priya, martin)).toEqual({ ok: true });
    expect(checkRoles(martin, priya)).toMatchObject({ ok: false, rule: 'roles', reason: 'Martin is enrolled as a mentee, not a mentor' });
    expect(checkRoles(priya, priya)).toMatchObject({ ok: false, rule: 'roles' });
  });

  it('availability: not paused, not left', () => {
    expect(checkAvailability(priya, NOW)).toEqual({ ok: true });
    const paused = person({ id: 'p', name: 'Pat', role: 'mentor', pausedUntil: Date.UTC(2025, 2, 1) });
    expect(checkAvailability(paused, NOW)).toEqual({ ok: false, rule: 'availability', reason: 'Pat is paused until 2025-03-01' });
    expect(checkAvailability(paused, epochMs(Date.UTC(2025, 2, 1)))).toEqual({ ok: true });
    const left = person({ id: 'l', name: 'Lee', role: 'mentor', left: { at: NOW, reason: 'busy' } });
    expect(checkAvailability(left, NOW)).toEqual({ ok: false, rule: 'availability', reason: 'Lee has left the program' });
  });

  it('management chain: either direction, at any depth', () => {
    const report = person({ id: 'r', name: 'Riya', role: 'mentor', managerChain: ['lead', 'martin', 'ceo'] });
    expect(checkManagementChain(report, martin)).toEqual({
      ok: false,
      rule: 'management_chain',
      reason: "Martin is in Riya's management chain",
    });
    const boss = person({ id: 'b', name: 'Bea', role: 'mentee', managerChain: [] });
    const underBoss = person({ id: 'u', name: 'Uma', role: 'mentor', managerChain: ['x', 'b'] });
    expect(checkManagementChain(boss, underBoss)).toMatchObject({ ok: false, reason: "Bea is in Uma's management chain" });
    const sibling = person({ id: 's', name: 'Sam', role: 'mentor', managerChain: ['lead'] });
    expect(checkManagementChain(sibling, martin)).toEqual({ ok: true });
  });

  it('seniority gap: strictly junior by at least the program gap', () => {
    const peer = person({ id: 'peer', name: 'Pia', role: 'mentee', level: 2 });
    expect(checkSeniorityGap(priya, peer, 0)).toMatchObject({ ok: false, rule: 'seniority_gap' });
    const twoUp = person({ id: 'two', name: 'Tom', role: 'mentee', level: 4 });
    expect(checkSeniorityGap(priya, twoUp, 2)).toEqual({ ok: true });
    expect(checkSeniorityGap(priya, twoUp, 3)).toEqual({
      ok: false,
      rule: 'seniority_gap',
      reason: 'Tom (level 4) is not senior enough to Priya (level 2): the program needs a gap of at least 3 levels',
    });
  });

  it('working hours: a contiguous stretch at least one session long', () => {
    const sf = person({ id: 'sf', name: 'Sol', role: 'mentee', hours: officeHours(-5) });
    const tokyo = person({ id: 'tk', name: 'Taro', role: 'mentor', hours: officeHours(9) });
    expect(checkWorkingHoursOverlap(tokyo, sf, 30)).toEqual({
      ok: false,
      rule: 'working_hours',
      reason: 'Taro and Sol share no working hours; a session needs 30 min',
    });
    const delhi = person({ id: 'dl', name: 'Dev', role: 'mentor', hours: officeHours(5.5, 9, 17) });
    const london = person({ id: 'ln', name: 'Lou', role: 'mentee', hours: officeHours(0, 10, 18) });
    // Delhi 09–17 is 03:30–11:30 UTC; with London 10–18 that leaves 90 min, enough for 60.
    expect(checkWorkingHoursOverlap(delhi, london, 60)).toEqual({ ok: true });
    const shortLondon = person({ id: 'sl', name: 'Sue', role: 'mentee', hours: officeHours(0, 11, 18) });
    expect(checkWorkingHoursOverlap(delhi, shortLondon, 45)).toEqual({
      ok: false,
      rule: 'working_hours',
      reason: 'Dev and Sue share at most 30 min of working hours in a row; a session needs 45 min',
    });
  });

  it('met before: any earlier cycle of this program', () => {
    const history = [{ mentorId: userId('priya'), menteeId: userId('martin'), cycle: 1 }];
    expect(checkNotMetBefore(priya, martin, history)).toEqual({
      ok: false,
      rule: 'met_before',
      reason: 'Priya and Martin were already paired in cycle 1 of this program',
    });
    expect(checkNotMetBefore(priya, martin, [])).toEqual({ ok: true });
  });

  it('capacity: room for one more partner', () => {
    expect(checkCapacity(martin, 1, 2)).toEqual({ ok: true });
    expect(checkCapacity(martin, 2, 2)).toEqual({ ok: false, rule: 'capacity', reason: "Martin already has 2 partners, the program's maximum" });
  });

  it('exclusions: either way round, with a reason that names no preference', () => {
    const shy = person({ id: 'shy', name: 'Shy', role: 'mentor', doNotPairWith: ['martin'] });
    expect(checkNotExcluded(shy, martin)).toEqual({
      ok: false,
      rule: 'not_available',
      reason: 'Shy and Martin are not available to be paired together',
    });
    expect(checkNotExcluded(martin, shy)).toEqual({
      ok: false,
      rule: 'not_available',
      reason: 'Martin and Shy are not available to be paired together',
    });
    expect(checkNotExcluded(priya, martin)).toEqual({ ok: true });
  });

  it('rejected in review', () => {
    expect(checkNotRejected(priya, martin, [{ mentorId: userId('priya'), menteeId: userId('martin') }])).toMatchObject({
      ok: false,
      rule: 'rejected_in_review',
    });
  });
});

describe('whyNotPaired', () => {
  it('is ok for a pair that breaks no rule', () => {
    expect(whyNotPaired(priya, martin, context)).toEqual({ ok: true });
  });

  it('reports another broken rule before a private exclusion', () => {
    const excludedAndChained = person({ id: 'x', name: 'Xen', role: 'mentor', managerChain: ['martin'], doNotPairWith: ['martin'] });
    expect(whyNotPaired(excludedAndChained, martin, context)).toMatchObject({ rule: 'management_chain' });
    const onlyExcluded = person({ id: 'y', name: 'Yan', role: 'mentor', doNotPairWith: ['martin'] });
    expect(whyNotPaired(onlyExcluded, martin, context)).toMatchObject({ rule: 'not_available' });
  });

  it('checks capacity when told how many partners people have', () => {
    expect(whyNotPaired(priya, martin, context, { partnersOf: (p) => (p.userId === 'martin' ? 1 : 0) })).toMatchObject({
      rule: 'capacity',
    });
  });
});
