/** A stored explanation as the API shows it: places written under a renamed zone's old name come out under the current one. */
import { describe, expect, it } from 'vitest';
import { storedExplanation } from '../../src/scheduling/stored-explanation.ts';
import type { StoredPlan } from '../../src/store/bookings.ts';

const planSaying = (explanation: string) => ({ explanation }) as StoredPlan;

describe('storedExplanation', () => {
  it('names each bracketed place by its current name, with or without a note after it', () => {
    expect(storedExplanation(planSaying('Every Tuesday at 10:30 (London) / 16:00 (Calcutta), 45 minutes, 6 sessions from 3 Mar to 19 May; all 6 free for both')))
      .toBe('Every Tuesday at 10:30 (London) / 16:00 (Kolkata), 45 minutes, 6 sessions from 3 Mar to 19 May; all 6 free for both');
    expect(storedExplanation(planSaying('Every other Monday at 09:00 (Saigon) / 03:00 or 04:00 (Kiev, as clocks change), 30 minutes, 1 session on 2 Mar; free for both')))
      .toBe('Every other Monday at 09:00 (Ho Chi Minh) / 03:00 or 04:00 (Kyiv, as clocks change), 30 minutes, 1 session on 2 Mar; free for both');
  });

  it('leaves an explanation that names no renamed place unchanged, and a plan without one empty', () => {
    const current = 'Every Tuesday at 10:30 (London) / 16:00 (Kolkata), 45 minutes, 6 sessions from 3 Mar to 19 May; all 6 free for both';
    expect(storedExplanation(planSaying(current))).toBe(current);
    expect(storedExplanation(null)).toBeNull();
    expect(storedExplanation({} as StoredPlan)).toBeNull();
  });
});
