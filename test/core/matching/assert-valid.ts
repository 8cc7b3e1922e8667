/** Shared check for matching tests: what must hold for every proposal, whatever the input. */
import { expect } from 'vitest';
import type { MatchingContext } from '../../../src/core/matching/context.ts';
import { whyNotPaired } from '../../../src/core/matching/pair-rules.ts';
import type { Proposal } from '../../../src/core/matching/proposal.ts';

/** Every hard rule holds, capacity is respected, nobody is paired twice with the same person. */
export function assertValid(proposal: Proposal, context: MatchingContext): void {
  const byId = new Map(context.enrolments.map((e) => [e.userId, e]));
  const partners = new Map<string, number>();
  const seen = new Set<string>();
  for (const pair of proposal.pairs) {
    const key = `${pair.mentorId}|${pair.menteeId}`;
    expect(seen.has(key)).toBe(false);
    seen.add(key);
    const check = whyNotPaired(byId.get(pair.mentorId)!, byId.get(pair.menteeId)!, context, { rejected: proposal.rejected });
    expect(check).toEqual({ ok: true });
    for (const id of [pair.mentorId, pair.menteeId, ...(pair.coMentorId ? [pair.coMentorId] : [])]) {
      partners.set(id, (partners.get(id) ?? 0) + 1);
    }
  }
  for (const count of partners.values()) expect(count).toBeLessThanOrEqual(context.program.capacityPerPerson);
  // Nobody who is still in the program is dropped silently.
  for (const enrolment of context.enrolments) {
    if (enrolment.left !== null) continue;
    const paired = partners.has(enrolment.userId);
    const listed = proposal.unmatched.filter((u) => u.userId === enrolment.userId);
    expect(paired || listed.length === 1).toBe(true);
    if (!paired) expect(listed[0]!.reason.length).toBeGreaterThan(10);
  }
}

