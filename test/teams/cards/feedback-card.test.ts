import { describe, expect, it } from 'vitest';
import { feedbackKey } from '../../../src/core/feedback/feedback.ts';
import { feedbackFormValues, validateFeedback } from '../../../src/core/feedback/schema.ts';
import { epochMs } from '../../../src/core/time.ts';
import { CARD_VERBS } from '../../../src/teams/cards/card-verbs.ts';
import { feedbackCard, type FeedbackSessionView } from '../../../src/teams/cards/feedback-card.ts';
import { actions, allText, byId, elements, expectAudienceForEveryInput, expectExecuteActions, inputs, validCard } from './card-walk.ts';
import { martin, martinEscaped, PAIR, priya, priyaReads, SESSION, START } from './fixtures.ts';

const session: FeedbackSessionView = { sessionId: SESSION, pairId: PAIR, index: 3, count: 6, start: START };
const closesAt = epochMs(Date.UTC(2026, 2, 10, 10));
const verbs = Object.values(CARD_VERBS);

describe('feedback card: form', () => {
  const form = validCard(feedbackCard({ kind: 'form', readers: priyaReads, session, closesAt }));

  it('sent ahead of the session (by a program admin), says to answer once the pair has met; after it, does not', () => {
    const ahead = validCard(feedbackCard({ kind: 'form', readers: priyaReads, session, closesAt, upcoming: true }));
    expect(allText(ahead)).toContain('answer once you have met');
    expect(allText(ahead)).toContain('How did session 3 of 6 go?');
    expect(allText(form)).not.toContain('answer once you have met');
  });

  it('asks the six questions and the share toggle, each input once', () => {
    expect(inputs(form).map((i) => [i['id'], i['type']])).toEqual([
      ['happened', 'Input.ChoiceSet'],
      ['rating', 'Input.ChoiceSet'],
      ['learned', 'Input.Text'],
      ['taught', 'Input.Text'],
      ['action', 'Input.Text'],
      ['privateNote', 'Input.Text'],
      ['shareWithPartner', 'Input.Toggle'],
    ]);
    expect(byId(form, 'happened')!['choices'].map((c: { value: string }) => c.value)).toEqual(['held', 'no-show', 'rescheduled']);
    expect(byId(form, 'rating')!['choices'].map((c: { value: string }) => c.value)).toEqual(['1', '2', '3', '4', '5']);
    for (const id of ['learned', 'taught', 'action', 'privateNote']) {
      expect(byId(form, id)).toMatchObject({ isMultiline: true, maxLength: 2000 });
    }
    expect(byId(form, 'shareWithPartner')).toMatchObject({ value: 'false', valueOn: 'true', valueOff: 'false' });
  });

  it('says under every field exactly who will see it', () => {
    expectAudienceForEveryInput(form);
    const who = (id: string) => String(byId(form, `${id}-audience`)!['text']);
    expect(who('rating')).toContain('only you');
    expect(who('rating')).toContain('average rating of groups of 5 or more people');
    expect(who('rating')).toContain(`Never ${martinEscaped}`);
    expect(who('learned')).toContain(`and ${martinEscaped} if you turn on sharing`);
    expect(who('taught')).toContain(`and ${martinEscaped} if you turn on sharing`);
    expect(who('action')).toBe(`Who sees this: only you. Never ${martinEscaped}.`);
    expect(who('privateNote')).toBe(`Who sees this: only you. Never ${martinEscaped}.`);
    expect(who('happened')).toContain('only how many sessions took place');
    expect(who('shareWithPartner')).toContain('Off: your answers stay yours');
  });

  it('submits with Action.Execute carrying the session, the pair and the idempotency key, and refreshes per person', () => {
    const [submit] = expectExecuteActions(form, verbs);
    expect(submit).toMatchObject({
      verb: CARD_VERBS.feedbackSubmit,
      associatedInputs: 'auto',
      data: { sessionId: SESSION, pairId: PAIR, submissionId: feedbackKey(SESSION, priya.userId) },
    });
    expect(form['refresh']).toEqual({
      action: { type: 'Action.Execute', verb: CARD_VERBS.feedbackRefresh, data: submit!['data'] },
      userIds: ['29:priya', '29:martin'],
    });
  });

  it('escapes the partner name everywhere it appears and keeps the DATE function intact', () => {
    const text = allText(form);
    expect(text).not.toContain('*Boss*');
    expect(text).not.toContain('<b>');
    expect(text).toContain(martinEscaped);
    expect(text).toContain('{{DATE(2026-03-03T10:00:00Z, SHORT)}} at {{TIME(2026-03-03T10:00:00Z)}}');
  });
});

describe('feedback card: error view', () => {
  const raw = {
    sessionId: SESSION,
    happened: 'held',
    rating: '',
    learned: 'x'.repeat(2001),
    taught: '<b>hi</b> *there*',
    action: '',
    privateNote: 'note',
    shareWithPartner: 'true',
  };
  const result = validateFeedback(raw);
  if (result.ok) throw new Error('expected errors');
  const card = validCard(feedbackCard({ kind: 'form', readers: priyaReads, session, closesAt, values: feedbackFormValues(raw), errors: result.errors }));
  const body = elements(card);
  const indexOf = (id: string) => body.findIndex((e) => e['id'] === id);

  it('puts each error right under its own field, in the attention colour', () => {
    expect(result.errors.map((e) => e.field)).toEqual(['rating', 'learned']);
    for (const field of ['rating', 'learned']) {
      const error = byId(card, `${field}-error`)!;
      expect(error['color']).toBe('Attention');
      expect(indexOf(`${field}-error`)).toBe(indexOf(field) + 1);
    }
    expect(byId(card, 'taught-error')).toBeUndefined();
    expect(byId(card, 'happened-error')).toBeUndefined();
    expect(String(byId(card, 'rating-error')!['text'])).toContain('Rating');
    expect(String(byId(card, 'learned-error')!['text'])).toContain('What I learned');
    expect(byId(card, 'form-error')!['text']).toBe('Please check 2 answers marked below.');
  });

  it('gives back what the person typed, as plain input values', () => {
    expect(byId(card, 'happened')!['value']).toBe('held');
    expect(byId(card, 'taught')!['value']).toBe('<b>hi</b> *there*');
    expect(byId(card, 'learned')!['value']).toBe('x'.repeat(2001));
    expect(byId(card, 'privateNote')!['value']).toBe('note');
    expect(byId(card, 'shareWithPartner')!['value']).toBe('true');
    expect(byId(card, 'rating')!['value']).toBeUndefined();
    expectAudienceForEveryInput(card);
  });

  it('does not preselect a value the choices do not offer', () => {
    const odd = validCard(feedbackCard({ kind: 'form', readers: priyaReads, session, closesAt, values: { rating: '7', happened: 'maybe' } }));
    expect(byId(odd, 'rating')!['value']).toBeUndefined();
    expect(byId(odd, 'happened')!['value']).toBeUndefined();
  });
});

describe('feedback card: thank-you view', () => {
  const feedback = {
    happened: 'held' as const,
    rating: 4 as const,
    learned: 'Prompting **well** [link](http://x) <script>',
    taught: 'How budgets work',
    action: '1. Try it',
    privateNote: '',
    shareWithPartner: false,
  };

  it('thanks, shows the pair progress and echoes the answers escaped', () => {
    const card = validCard(
      feedbackCard({ kind: 'thanks', readers: priyaReads, session, feedback, progress: { held: 4, total: 6 }, editableUntil: closesAt }),
    );
    expect(inputs(card)).toEqual([]);
    expect(String(byId(card, 'progress')!['text'])).toBe('**4 of 6 sessions held** so far.');
    const text = allText(card);
    expect(text).toContain('Prompting \\*\\*well\\*\\* \\[link\\]\\(http://x\\) \\<script\\>');
    expect(text).toContain('1\\. Try it');
    expect(text).not.toContain('Private note');
    expect(text).toContain('Only you see this summary and your answers.');
    const [edit] = expectExecuteActions(card, verbs);
    expect(edit).toMatchObject({ verb: CARD_VERBS.feedbackEdit, data: { sessionId: SESSION, pairId: PAIR, submissionId: feedbackKey(SESSION, priya.userId) } });
    expect(card['refresh']['userIds']).toEqual(['29:priya', '29:martin']);
  });

  it('says what the partner can read when the author shared, and offers no edit once closed', () => {
    const card = validCard(
      feedbackCard({
        kind: 'thanks',
        readers: priyaReads,
        session,
        feedback: { ...feedback, shareWithPartner: true },
        progress: { held: 1, total: 1 },
        editableUntil: null,
      }),
    );
    expect(allText(card)).toContain(`${martinEscaped} can read your "learned" and "taught" answers; nothing else.`);
    expect(allText(card)).toContain('1 of 1 session held');
    expect(allText(card)).toContain('Feedback on this session is closed.');
    expect(actions(card)).toEqual([]);
  });

  it('renders for the partner from their own side', () => {
    const card = validCard(
      feedbackCard({
        kind: 'form',
        readers: { reader: martin, partners: [priya] },
        session,
        closesAt,
      }),
    );
    expect(actions(card)[0]!['data']['submissionId']).toBe(feedbackKey(SESSION, martin.userId));
    expect(String(byId(card, 'learned-audience')!['text'])).toContain('and Priya if you turn on sharing');
  });
});
