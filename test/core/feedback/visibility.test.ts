import { describe, expect, it } from 'vitest';
import { aggregateRatings } from '../../../src/core/feedback/aggregate.ts';
import { FEEDBACK_FIELDS } from '../../../src/core/feedback/feedback.ts';
import { viewerOf, visibleTo, type FeedbackViewer } from '../../../src/core/feedback/visibility.ts';
import { userId } from '../../../src/core/ids.ts';
import { A, B, feedback, session } from './fixtures.ts';

const unshared = feedback(session(1), A);
const shared = feedback(session(1), A, { shareWithPartner: true });
const ids = { key: unshared.key, sessionId: unshared.sessionId, pairId: unshared.pairId, authorId: A };

describe('visibleTo: who sees what of one person’s feedback', () => {
  it.each<[string, typeof unshared, FeedbackViewer, object | null]>([
    ['author, not shared', unshared, 'author', { ...ids, ...pick(unshared) }],
    ['author, shared', shared, 'author', { ...ids, ...pick(shared) }],
    ['partner, not shared', unshared, 'partner', null],
    ['partner, shared', shared, 'partner', { ...ids, learned: 'learned text', taught: 'taught text' }],
    ['admin, not shared', unshared, 'admin', null],
    ['admin, shared', shared, 'admin', null],
    ['manager, not shared', unshared, 'manager', null],
    ['manager, shared', shared, 'manager', null],
  ])('%s', (_name, record, viewer, expected) => {
    expect(visibleTo(record, viewer)).toEqual(expected);
  });

  it('never shows the partner the rating, the private note, the action or whether the author said they came', () => {
    const seen = visibleTo(feedback(session(1), A, { shareWithPartner: true, happened: 'no-show', rating: null }), 'partner');
    expect(seen).not.toHaveProperty('rating');
    expect(seen).not.toHaveProperty('privateNote');
    expect(seen).not.toHaveProperty('action');
    expect(seen).not.toHaveProperty('happened');
    expect(seen).not.toHaveProperty('shareWithPartner');
  });

  it('shows the partner nothing when the shared answers are empty', () => {
    expect(visibleTo(feedback(session(1), A, { shareWithPartner: true, learned: '', taught: '' }), 'partner')).toBeNull();
  });

  it('tells the author from the partner from anyone else', () => {
    expect(viewerOf(unshared, A, [A, B])).toBe('author');
    expect(viewerOf(unshared, B, [A, B])).toBe('partner');
    expect(viewerOf(unshared, userId('u-admin'), [A, B])).toBeUndefined();
    expect(viewerOf(unshared, B, [B, userId('u-other')])).toBeUndefined();
  });
});

describe('aggregateRatings', () => {
  const rated = (n: number, rating: 1 | 2 | 3 | 4 | 5, s = 1) => feedback(session(s), userId(`u-${n}`), { rating });

  it('shows nothing for fewer than 5 distinct people, however many ratings', () => {
    const four = [1, 2, 3, 4].flatMap((n) => [rated(n, 5, 1), rated(n, 4, 2), rated(n, 3, 3)]);
    expect(four).toHaveLength(12);
    expect(aggregateRatings(four)).toBeNull();
  });

  it('averages 5 or more people', () => {
    const five = [rated(1, 5), rated(2, 4), rated(3, 4), rated(4, 3), rated(5, 1), rated(5, 2, 2)];
    expect(aggregateRatings(five)).toEqual({ people: 5, ratings: 6, average: 3.2, distribution: [1, 1, 1, 2, 1] });
  });

  it('never lowers the bar below 5, but may raise it', () => {
    const three = [rated(1, 5), rated(2, 4), rated(3, 4)];
    expect(aggregateRatings(three, 2)).toBeNull();
    expect(aggregateRatings(three, 0)).toBeNull();
    const six = [1, 2, 3, 4, 5, 6].map((n) => rated(n, 4));
    expect(aggregateRatings(six, 7)).toBeNull();
    expect(aggregateRatings(six, 6)).toMatchObject({ people: 6, average: 4 });
  });

  it('counts only held sessions with a rating', () => {
    const list = [1, 2, 3, 4].map((n) => rated(n, 4));
    list.push(feedback(session(1), userId('u-5'), { happened: 'no-show', rating: null }));
    expect(aggregateRatings(list)).toBeNull();
  });
});

function pick(record: typeof unshared): object {
  return Object.fromEntries(FEEDBACK_FIELDS.map((f) => [f, record[f]]));
}
