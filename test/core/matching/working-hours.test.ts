import { describe, expect, it } from 'vitest';
import { MINUTES_PER_WEEK, type WeeklyInterval } from '../../../src/core/programs/working-week.ts';
import { intersectTimelines, longestSharedMinutes, longestSharedStretch, workingTimeline } from '../../../src/core/matching/working-hours.ts';
import { officeHours } from './fixtures.ts';

const H = 60;
const DAY = 24 * H;

describe('longest shared stretch of working hours', () => {
  it('is the overlap of one working day, not the weekly total', () => {
    // London 09–17 and Kolkata (UTC+5:30) 09–17 overlap 09:00–11:30 UTC each weekday.
    expect(longestSharedMinutes(officeHours(0), officeHours(5.5))).toBe(2 * H + 30);
  });

  it('is zero when hours never meet', () => {
    expect(longestSharedMinutes(officeHours(-5), officeHours(9))).toBe(0);
  });

  it('counts an overlap that runs across midnight UTC as one stretch', () => {
    // San Francisco 09–17 is 17:00–01:00 UTC; Tokyo 09–17 is 00:00–08:00 UTC: one hour.
    expect(longestSharedMinutes(officeHours(-8), officeHours(9))).toBe(60);
  });

  it('joins a stretch that crosses Sunday→Monday midnight UTC, sent as two pieces', () => {
    const nightShift: WeeklyInterval[] = [[MINUTES_PER_WEEK - 2 * H, MINUTES_PER_WEEK], [0, 3 * H]];
    const other: WeeklyInterval[] = [[MINUTES_PER_WEEK - 1 * H, MINUTES_PER_WEEK], [0, 1 * H]];
    expect(longestSharedMinutes(nightShift, other)).toBe(2 * H);
  });

  it('treats touching and overlapping intervals as one stretch, in any order', () => {
    const split: WeeklyInterval[] = [[DAY + 12 * H, DAY + 17 * H], [DAY + 9 * H, DAY + 12 * H], [DAY + 10 * H, DAY + 11 * H]];
    expect(longestSharedMinutes(split, [[DAY, 2 * DAY]])).toBe(8 * H);
    expect(Array.from(workingTimeline(split))).toEqual([DAY + 9 * H, DAY + 17 * H, DAY + 9 * H + MINUTES_PER_WEEK, DAY + 17 * H + MINUTES_PER_WEEK]);
  });

  it('is capped at one week for people who always work', () => {
    const always: WeeklyInterval[] = [[0, MINUTES_PER_WEEK]];
    expect(longestSharedMinutes(always, always)).toBe(MINUTES_PER_WEEK);
  });

  it('finds the longer of two overlaps on different days', () => {
    const a: WeeklyInterval[] = [[0, 2 * H], [DAY, DAY + 5 * H]];
    const b: WeeklyInterval[] = [[H, 3 * H], [DAY + H, DAY + 4 * H]];
    expect(longestSharedMinutes(a, b)).toBe(3 * H);
  });

  it('intersects three people', () => {
    const three = intersectTimelines(workingTimeline(officeHours(0)), workingTimeline(officeHours(2)));
    // 09–17 UTC ∩ 07–15 UTC ∩ 03:30–11:30 UTC = 09:00–11:30.
    expect(longestSharedStretch(three, workingTimeline(officeHours(5.5)))).toBe(150);
  });
});
