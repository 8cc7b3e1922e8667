import { describe, expect, it } from 'vitest';
import { canEdit, feedbackClosesAt } from '../../../src/core/feedback/edit-window.ts';
import { feedbackKey, type FeedbackSubmission } from '../../../src/core/feedback/feedback.ts';
import { recordFeedback } from '../../../src/core/feedback/record.ts';
import { DAY_MS, epochMs, HOUR_MS } from '../../../src/core/time.ts';
import { A, B, session } from './fixtures.ts';

const s1 = session(1);
const s2 = session(2);
const target = { sessionId: s1.id, pairId: s1.pairId, authorId: A, sessionEnd: s1.end };
const answers: FeedbackSubmission = { happened: 'held', rating: 4, learned: 'l', taught: 't', action: 'a', privateNote: '', shareWithPartner: false };
const soon = epochMs(s1.end + HOUR_MS);

describe('feedback key', () => {
  it('is one per session and author', () => {
    expect(feedbackKey(s1.id, A)).toBe(feedbackKey(s1.id, A));
    expect(feedbackKey(s1.id, A)).not.toBe(feedbackKey(s1.id, B));
    expect(feedbackKey(s1.id, A)).not.toBe(feedbackKey(s2.id, A));
  });
});

describe('edit window', () => {
  it('is open until the next session starts', () => {
    expect(canEdit({ sessionEnd: s1.end }, s2.start, epochMs(s2.start - 1))).toBe(true);
    expect(canEdit({ sessionEnd: s1.end }, s2.start, s2.start)).toBe(false);
  });

  it('stays open 14 days after the last session', () => {
    expect(feedbackClosesAt(s1.end, null)).toBe(s1.end + 14 * DAY_MS);
    expect(canEdit({ sessionEnd: s1.end }, null, epochMs(s1.end + 14 * DAY_MS - 1))).toBe(true);
    expect(canEdit({ sessionEnd: s1.end }, null, epochMs(s1.end + 14 * DAY_MS))).toBe(false);
  });
});

describe('recordFeedback: idempotent submissions', () => {
  it('creates the record under the session-and-author key', () => {
    const first = recordFeedback(undefined, target, answers, s2.start, soon);
    expect(first).toMatchObject({ kind: 'created', feedback: { key: feedbackKey(s1.id, A), revision: 1, submittedAt: soon, rating: 4 } });
  });

  it('stores nothing for a second click or a retry with the same answers', () => {
    const { feedback } = recordFeedback(undefined, target, answers, s2.start, soon);
    const again = recordFeedback(feedback!, target, { ...answers }, s2.start, epochMs(soon + 5000));
    expect(again).toEqual({ kind: 'unchanged', feedback });
  });

  it('updates the same record when the answers change before the next session', () => {
    const { feedback } = recordFeedback(undefined, target, answers, s2.start, soon);
    const later = epochMs(soon + DAY_MS);
    const edit = recordFeedback(feedback!, target, { ...answers, rating: 5 }, s2.start, later);
    expect(edit).toMatchObject({ kind: 'updated', feedback: { key: feedback!.key, rating: 5, revision: 2, submittedAt: soon, updatedAt: later } });
  });

  it('refuses a change once the next session has started, and a first answer after that too', () => {
    const { feedback } = recordFeedback(undefined, target, answers, s2.start, soon);
    expect(recordFeedback(feedback!, target, { ...answers, rating: 1 }, s2.start, s2.start)).toEqual({ kind: 'closed', feedback });
    expect(recordFeedback(undefined, target, answers, s2.start, s2.start)).toEqual({ kind: 'closed', feedback: null });
    // A retry of what is already stored is still fine after the window: nothing changes.
    expect(recordFeedback(feedback!, target, answers, s2.start, s2.start).kind).toBe('unchanged');
  });

  it('refuses a stored record of another key', () => {
    const { feedback } = recordFeedback(undefined, target, answers, s2.start, soon);
    expect(() => recordFeedback(feedback!, { ...target, authorId: B }, answers, s2.start, soon)).toThrow(/is not the record/);
  });
});
