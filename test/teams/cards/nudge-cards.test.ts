import { describe, expect, it } from 'vitest';
import { feedbackKey } from '../../../src/core/feedback/feedback.ts';
import { epochMs } from '../../../src/core/time.ts';
import { CARD_VERBS, CHECK_IN_CHOICES } from '../../../src/teams/cards/card-verbs.ts';
import { checkInCard } from '../../../src/teams/cards/check-in-card.ts';
import { feedbackReminderCard } from '../../../src/teams/cards/feedback-reminder-card.ts';
import { actions, allText, expectExecuteActions, inputs, validCard } from './card-walk.ts';
import { martin, martinEscaped, PAIR, priya, priyaReads, SESSION, START } from './fixtures.ts';

describe('feedback reminder card', () => {
  it('names the session and partner, says until when, and opens the form for this person', () => {
    const card = validCard(
      feedbackReminderCard({
        readers: priyaReads,
        session: { sessionId: SESSION, pairId: PAIR, index: 3, count: 6, start: START },
        closesAt: epochMs(Date.UTC(2026, 2, 17, 10)),
      }),
    );
    const text = allText(card);
    expect(text).toContain(`Two minutes on session 3 with ${martinEscaped}?`);
    expect(text).toContain('{{DATE(2026-03-17T10:00:00Z, SHORT)}}');
    expect(text).toContain('This is the only reminder.');
    expect(inputs(card)).toEqual([]);
    const [open] = expectExecuteActions(card, Object.values(CARD_VERBS));
    expect(open).toMatchObject({ verb: CARD_VERBS.feedbackOpen, data: { sessionId: SESSION, pairId: PAIR, submissionId: feedbackKey(SESSION, priya.userId) } });
  });

  it('sent ahead of the session (by a program admin), speaks of it as coming, not past', () => {
    const view = { readers: priyaReads, session: { sessionId: SESSION, pairId: PAIR, index: 3, count: 6, start: START }, closesAt: epochMs(Date.UTC(2026, 2, 17, 10)) };
    expect(allText(validCard(feedbackReminderCard({ ...view, upcoming: true })))).toContain('It is on ');
    expect(allText(validCard(feedbackReminderCard({ ...view, upcoming: true })))).not.toContain('It was on ');
    expect(allText(validCard(feedbackReminderCard(view)))).toContain('It was on ');
  });
});

describe('check-in card', () => {
  const ask = (reader: typeof priya, partner: typeof priya) =>
    validCard(checkInCard({ kind: 'ask', pairId: PAIR, reader, partners: [partner], streakKey: 'missed-streak:pair-1:s2' }));

  it('is private and neutral: both sides read the same words, and nothing says who did not come', () => {
    const toPriya = allText(ask(priya, martin));
    const toMartin = allText(ask(martin, priya));
    const neutral = (text: string, reader: string, partner: string) => text.split(reader).join('READER').split(partner).join('PARTNER');
    expect(neutral(toPriya, 'Priya', martinEscaped)).toBe(neutral(toMartin, martinEscaped, 'Priya'));
    for (const text of [toPriya, toMartin]) {
      expect(text).toMatch(/only for you/);
      expect(text).not.toMatch(/miss|no-show|no show|didn't come|did not come|absent|didn't show|did not show|stood .* up|your fault|forgot/i);
    }
    expect(toPriya).toContain(`not to ${martinEscaped}`);
  });

  it('offers each answer as an Action.Execute carrying the pair and the streak key', () => {
    const card = ask(priya, martin);
    const answers = expectExecuteActions(card, Object.values(CARD_VERBS));
    expect(answers.map((a) => a['data']['choice'])).toEqual([...CHECK_IN_CHOICES]);
    for (const answer of answers) {
      expect(answer).toMatchObject({ verb: CARD_VERBS.checkInAnswer, data: { pairId: PAIR, submissionId: 'missed-streak:pair-1:s2' } });
    }
    expect(inputs(card)).toEqual([]);
  });

  it('answers each choice in words and escapes the name', () => {
    for (const choice of CHECK_IN_CHOICES) {
      const card = validCard(checkInCard({ kind: 'answered', reader: martin, choice }));
      expect(allText(card)).toContain(`Thanks, ${martinEscaped}`);
      expect(actions(card)).toEqual([]);
    }
  });
});
