import { describe, expect, it } from 'vitest';
import { ianaZone, epochMs, type EpochMs } from '../../../src/core/time.ts';
import { epochToLocal } from '../../../src/core/time/zones.ts';
import { CARD_VERBS } from '../../../src/teams/cards/card-verbs.ts';
import { introductionCard, type IntroductionCardView, type LocalMoment } from '../../../src/teams/cards/introduction-card.ts';
import { actions, allText, byId, expectExecuteActions, inputs, validCard } from './card-walk.ts';
import { martin, martinEscaped, PAIR, priya, START } from './fixtures.ts';

/** An instant on someone's calendar in `zone`. */
const on = (at: EpochMs, zone: string): LocalMoment => ({ ...epochToLocal(at, ianaZone(zone)), zone: ianaZone(zone) });

const JOIN = 'https://teams.microsoft.com/l/meetup-join/abc';
// START is Tuesday 3 March 2026, 10:00 UTC: 10:00 in London, 15:30 in Kolkata.
const view: IntroductionCardView = {
  pairId: PAIR,
  programName: 'Upward_2026',
  reader: { ...priya, role: 'mentor' },
  partners: [
    { ...martin, role: 'mentee', jobTitle: 'VP Sales', department: 'EMEA', canTeach: ['Negotiation'], wantsToLearn: ['GenAI [tools]'] },
  ],
  reasons: ['Priya teaches GenAI tools, which Martin wants to learn', 'Working hours overlap 4 h (<b>)'],
  series: {
    cadence: 'biweekly',
    durationMinutes: 45,
    sessionCount: 6,
    first: on(START, 'Europe/London'),
    regular: on(START, 'Europe/London'),
    partnersRegular: [on(START, 'Asia/Kolkata')],
    movedFrom: null,
    joinUrl: JOIN,
  },
  prepare: ['Bring one *tool* you use daily'],
  tabUrl: 'https://upward.example/tab/',
};

/** The series' facts (the FactSet that holds "First session"), by title. */
const facts = (card: Record<string, any>): Record<string, string> =>
  Object.fromEntries(
    (card['body'] as any[])
      .filter((e) => e.type === 'FactSet' && e.facts.some((f: any) => f.title === 'First session'))
      .flatMap((e) => e.facts.map((f: any) => [f.title, f.value])),
  );

describe('introduction card', () => {
  it('says who the partner is, why they were paired and what to prepare, all escaped', () => {
    const card = validCard(introductionCard(view));
    const text = allText(card);
    expect(text).toContain(`Meet your partner: ${martinEscaped}`);
    expect(text).toContain(`you will mentor ${martinEscaped}`);
    expect(text).toContain('Upward\\_2026');
    expect(text).toContain('GenAI \\[tools\\]');
    expect(text).toContain('- Priya teaches GenAI tools, which Martin wants to learn');
    expect(text).toContain('Working hours overlap 4 h \\(\\<b\\>\\)');
    expect(text).toContain('- Bring one \\*tool\\* you use daily');
    expect(inputs(card)).toEqual([]);
  });

  it('shows the booked series on the reader\'s own clock with the partner\'s beside it, the first date and the number of sessions', () => {
    const card = validCard(introductionCard(view));
    expect(byId(card, 'series')?.['text']).toBe(`**Every other Tuesday at 10:00** your time (London); 15:30 for ${martinEscaped} (Kolkata).`);
    expect(facts(card)).toEqual({ 'First session': 'Tuesday 3 March 2026', Sessions: '6 sessions of 45 minutes' });
    expect(allText(card)).not.toContain('still looking');
  });

  it('names the partner\'s weekday when their clock is already on another day, and escapes zone names', () => {
    // 01:00 UTC: Monday 17:00 in Los Angeles, already Tuesday 10:00 in Tokyo.
    const at = epochMs(Date.UTC(2026, 2, 3, 1, 0));
    const card = validCard(
      introductionCard({
        ...view,
        series: { ...view.series!, cadence: 'weekly', regular: on(at, 'America/Los_Angeles'), first: on(at, 'America/Los_Angeles'), partnersRegular: [on(at, 'Asia/Tokyo')] },
      }),
    );
    expect(byId(card, 'series')?.['text']).toBe(`**Every Monday at 17:00** your time (Los Angeles); Tuesday 10:00 for ${martinEscaped} (Tokyo).`);
    const escaped = validCard(introductionCard({ ...view, series: { ...view.series!, partnersRegular: [on(START, 'America/Port-au-Prince')] } }));
    expect(byId(escaped, 'series')?.['text']).toContain('(Port\\-au\\-Prince)');
  });

  it('says from when a series whose rest was moved keeps its new time', () => {
    // Tuesday 7 April 2026, 13:00 UTC: 14:00 in London (summer time), 18:30 in Kolkata.
    const later = epochMs(START + 35 * 86_400_000 + 3 * 3_600_000);
    const card = validCard(
      introductionCard({ ...view, series: { ...view.series!, cadence: 'monthly', regular: on(later, 'Europe/London'), partnersRegular: [on(later, 'Asia/Kolkata')], movedFrom: on(later, 'Europe/London') } }),
    );
    expect(byId(card, 'series')?.['text']).toBe(`**Once a month on a Tuesday at 14:00** your time (London); 18:30 for ${martinEscaped} (Kolkata).`);
    expect(facts(card)).toMatchObject({ 'First session': 'Tuesday 3 March 2026', 'At this time from': 'Tuesday 7 April 2026' });
  });

  it('offers join, a different time and the tab, and refreshes for both people', () => {
    const card = validCard(introductionCard(view));
    const [reschedule] = expectExecuteActions(card, Object.values(CARD_VERBS));
    expect(reschedule).toMatchObject({ verb: CARD_VERBS.seriesReschedule, data: { pairId: PAIR } });
    expect(actions(card).map((a) => a['title'])).toEqual(['Join in Teams', 'Need a different time?', 'Open My mentoring']);
    expect(actions(card)[0]!['url']).toBe(JOIN);
    expect(card['refresh']).toMatchObject({ action: { verb: CARD_VERBS.introductionRefresh, data: { pairId: PAIR } }, userIds: ['29:priya', '29:martin'] });
  });

  it('books without a join link yet: the series shows, no join button', () => {
    const card = validCard(introductionCard({ ...view, series: { ...view.series!, joinUrl: null } }));
    expect(byId(card, 'series')?.['text']).toContain('Every other Tuesday at 10:00');
    expect(actions(card).map((a) => a['title'])).toEqual(['Need a different time?', 'Open My mentoring']);
  });

  it('reads from the senior side too, and says so when no time is booked yet', () => {
    const card = validCard(
      introductionCard({ ...view, reader: { ...martin, role: 'mentee' }, partners: [{ ...view.partners[0]!, ...priya, role: 'mentor' }], series: null }),
    );
    const text = allText(card);
    expect(text).toContain('Meet your partner: Priya');
    expect(text).toContain('Priya will mentor you');
    expect(byId(card, 'series')?.['text']).toContain('still looking for a time');
    expect(actions(card).map((a) => a['title'])).toEqual(['Open My mentoring']);
    expect(card['refresh']['userIds']).toEqual(['29:martin', '29:priya']);
  });

  it('says the meetings were cancelled: no time, no join link, nothing to prepare for a first session', () => {
    const card = validCard(introductionCard({ ...view, series: null, seriesCancelled: true }));
    expect(byId(card, 'series')?.['text']).toContain('Your meetings were cancelled');
    const text = allText(card);
    expect(text).not.toContain('still looking for a time');
    expect(text).not.toContain('Before your first session');
    expect(actions(card).map((a) => a['title'])).toEqual(['Open My mentoring']);
    expect(JSON.stringify(card)).not.toContain(JOIN);
  });
});
