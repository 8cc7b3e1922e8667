import { describe, expect, it } from 'vitest';
import { CARD_VERBS } from '../../../src/teams/cards/card-verbs.ts';
import { introductionCard, type IntroductionCardView } from '../../../src/teams/cards/introduction-card.ts';
import { actions, allText, expectExecuteActions, inputs, validCard } from './card-walk.ts';
import { martin, martinEscaped, PAIR, priya, START } from './fixtures.ts';

const view: IntroductionCardView = {
  pairId: PAIR,
  programName: 'Upward_2026',
  reader: { ...priya, role: 'mentor' },
  partners: [
    { ...martin, role: 'mentee', jobTitle: 'VP Sales', department: 'EMEA', canTeach: ['Negotiation'], wantsToLearn: ['GenAI [tools]'] },
  ],
  reasons: ['Priya teaches GenAI tools, which Martin wants to learn', 'Working hours overlap 4 h (<b>)'],
  series: { cadence: 'biweekly', durationMinutes: 45, sessionCount: 6, firstStart: START, joinUrl: 'https://teams.microsoft.com/l/meetup-join/abc' },
  prepare: ['Bring one *tool* you use daily'],
  tabUrl: 'https://upward.example/tab/',
};

describe('introduction card', () => {
  it('says who the partner is, why they were paired, the series and what to prepare, all escaped', () => {
    const card = validCard(introductionCard(view));
    const text = allText(card);
    expect(text).toContain(`Meet your partner: ${martinEscaped}`);
    expect(text).toContain(`you will mentor ${martinEscaped}`);
    expect(text).toContain('Upward\\_2026');
    expect(text).toContain('GenAI \\[tools\\]');
    expect(text).toContain('- Priya teaches GenAI tools, which Martin wants to learn');
    expect(text).toContain('Working hours overlap 4 h \\(\\<b\\>\\)');
    expect(text).toContain('Every two weeks, 45 minutes, 6 sessions. First one: {{DATE(2026-03-03T10:00:00Z, SHORT)}}');
    expect(text).toContain('- Bring one \\*tool\\* you use daily');
    expect(inputs(card)).toEqual([]);
  });

  it('offers join, a different time and the tab, and refreshes for both people', () => {
    const card = validCard(introductionCard(view));
    const [reschedule] = expectExecuteActions(card, Object.values(CARD_VERBS));
    expect(reschedule).toMatchObject({ verb: CARD_VERBS.seriesReschedule, data: { pairId: PAIR } });
    expect(actions(card).map((a) => a['title'])).toEqual(['Join the first session', 'Need a different time?', 'Open My mentoring']);
    expect(actions(card)[0]!['url']).toBe(view.series!.joinUrl);
    expect(card['refresh']).toMatchObject({ action: { verb: CARD_VERBS.introductionRefresh, data: { pairId: PAIR } }, userIds: ['29:priya', '29:martin'] });
  });

  it('reads from the senior side too, and says so when no time is booked yet', () => {
    const card = validCard(
      introductionCard({ ...view, reader: { ...martin, role: 'mentee' }, partners: [{ ...view.partners[0]!, ...priya, role: 'mentor' }], series: null }),
    );
    const text = allText(card);
    expect(text).toContain('Meet your partner: Priya');
    expect(text).toContain('Priya will mentor you');
    expect(text).toContain('still looking for a time');
    expect(actions(card).map((a) => a['title'])).toEqual(['Open My mentoring']);
    expect(card['refresh']['userIds']).toEqual(['29:martin', '29:priya']);
  });
});
