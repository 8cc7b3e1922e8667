import { describe, expect, it } from 'vitest';
import { missedStreaks } from '../../../src/core/feedback/missed-streaks.ts';
import { dueReminders, feedbackRequestTime } from '../../../src/core/feedback/reminders.ts';
import { pairId, sessionId, type SessionOutcome } from '../../../src/core/sessions/session.ts';
import { withOutcomes } from '../../../src/core/sessions/outcome.ts';
import { pairProgress } from '../../../src/core/sessions/progress.ts';
import { DAY_MS, epochMs, MINUTE_MS } from '../../../src/core/time.ts';
import { A, B, feedback, session } from './fixtures.ts';

describe('feedback request and reminders', () => {
  const s1 = session(1);
  const s2 = session(2);

  it('asks for feedback shortly after the scheduled end', () => {
    expect(feedbackRequestTime(s1)).toBe(s1.end + 10 * MINUTE_MS);
  });

  it('reminds only people without feedback, only from 2 days after the end until the next session', () => {
    const feedbacks = [feedback(s1, A)];
    expect(dueReminders([s1, s2], feedbacks, epochMs(s1.end + 2 * DAY_MS - 1))).toEqual([]);
    const due = dueReminders([s1, s2], feedbacks, epochMs(s1.end + 2 * DAY_MS));
    expect(due).toEqual([{ key: `feedback-reminder:${s1.id}:${B}`, sessionId: s1.id, pairId: s1.pairId, userId: B, closesAt: s2.start }]);
    expect(dueReminders([s1, s2], feedbacks, epochMs(s2.start))).toEqual([]);
  });

  it('reminds both when neither answered, skips cancelled sessions and ones already sent', () => {
    const now = epochMs(s1.end + 3 * DAY_MS);
    expect(dueReminders([s1, s2], [], now).map((r) => r.userId)).toEqual([A, B]);
    expect(dueReminders([{ ...s1, cancelled: true }, s2], [], now)).toEqual([]);
    expect(dueReminders([s1, s2], [], now, new Set([`feedback-reminder:${s1.id}:${A}`])).map((r) => r.userId)).toEqual([B]);
  });

  it('keeps the last session open 14 days and ignores a cancelled next session', () => {
    const last = session(6);
    expect(dueReminders([last], [], epochMs(last.end + 13 * DAY_MS))).toHaveLength(2);
    expect(dueReminders([last], [], epochMs(last.end + 14 * DAY_MS))).toEqual([]);
    const cancelledNext = { ...s2, cancelled: true };
    expect(dueReminders([s1, cancelledNext], [], epochMs(s2.start + DAY_MS))[0]!.closesAt).toBe(s1.end + 14 * DAY_MS);
  });
});

describe('session outcomes and progress', () => {
  it('derives outcomes from feedback, believing a held over a no-show', () => {
    const [s1, s2, s3, s4, s5] = [1, 2, 3, 4, 5].map((i) => session(i));
    const outcomes = withOutcomes(
      [s1!, s2!, s3!, s4!, { ...s5!, cancelled: true }],
      [
        feedback(s1!, A, { happened: 'held' }),
        feedback(s1!, B, { happened: 'no-show' }),
        feedback(s2!, A, { happened: 'no-show' }),
        feedback(s3!, B, { happened: 'rescheduled' }),
      ],
    ).map((s) => s.outcome);
    expect(outcomes).toEqual(['held', 'missed', 'rescheduled', 'unknown', 'cancelled']);
    expect(pairProgress(outcomes.map((outcome) => ({ outcome })))).toEqual({ held: 1, total: 4 });
  });
});

describe('missedStreaks', () => {
  const series = (outcomes: SessionOutcome[], pair = 'pair-1') =>
    outcomes.map((outcome, i) => ({ ...session(i + 1), id: sessionId(`${pair}-s${i + 1}`), pairId: pairId(pair), outcome }));

  it('flags two missed in a row: a check-in to each side and one admin flag', () => {
    const streaks = missedStreaks(series(['held', 'missed', 'missed']));
    expect(streaks).toHaveLength(1);
    const [streak] = streaks;
    expect(streak!.sessionIds).toEqual(['pair-1-s2', 'pair-1-s3']);
    expect(streak!.checkIns.map((c) => c.userId)).toEqual([A, B]);
    expect(new Set(streak!.checkIns.map((c) => c.key)).size).toBe(2);
    expect(streak!.adminFlag).toEqual({ key: `${streak!.key}:admin`, pairId: 'pair-1', reason: 'missed-sessions-in-a-row', sessionIds: ['pair-1-s2', 'pair-1-s3'] });
  });

  it('does not flag one miss, or misses split by a held session', () => {
    expect(missedStreaks(series(['missed', 'held', 'missed', 'held']))).toEqual([]);
    expect(missedStreaks(series(['held', 'missed']))).toEqual([]);
  });

  it('looks through rescheduled, cancelled and unanswered sessions', () => {
    expect(missedStreaks(series(['missed', 'rescheduled', 'unknown', 'cancelled', 'missed']))).toHaveLength(1);
  });

  it('keeps one key while a run grows, so check-ins go out once per run', () => {
    const [two] = missedStreaks(series(['missed', 'missed']));
    const [four] = missedStreaks(series(['missed', 'missed', 'missed', 'missed']));
    expect(four!.key).toBe(two!.key);
    expect(four!.sessionIds).toHaveLength(4);
    expect(missedStreaks(series(['missed', 'missed', 'held', 'missed', 'missed'])).map((s) => s.key)).toHaveLength(2);
  });

  it('keeps pairs apart and sorts each pair by time', () => {
    const [p1a, p1b] = series(['missed', 'held'], 'p1');
    const [p2a, p2b] = series(['missed', 'held'], 'p2');
    // Interleaved, the two pairs' first sessions would look like two misses in a row.
    expect(missedStreaks([p1a!, p2a!, p1b!, p2b!])).toEqual([]);
    const [p3a, p3b] = series(['missed', 'missed'], 'p3');
    expect(missedStreaks([p1a!, p3a!, p2a!, p1b!, p3b!, p2b!]).map((s) => s.pairId)).toEqual(['p3']);
    const shuffled = series(['missed', 'held', 'missed', 'missed']).reverse();
    expect(missedStreaks(shuffled).map((s) => s.sessionIds)).toEqual([['pair-1-s3', 'pair-1-s4']]);
  });
});
