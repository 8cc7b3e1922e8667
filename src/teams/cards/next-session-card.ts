/** The answer to "next": the reader's next session, or why there is none. */
import { OpenUrlAction, type AdaptiveCard } from '@microsoft/teams.cards';
import type { PairId, SessionId } from '../../core/sessions/session.ts';
import type { EpochMs } from '../../core/time.ts';
import type { LocalDate } from '../../core/time/local-date.ts';
import { cardDateTime, localDateText, namesOf, typed } from './card-text.ts';
import { CARD_VERBS, type SessionActionData } from './card-verbs.ts';
import { card, execute, heading, paragraph, subtle, type CardPerson } from './card-parts.ts';

export type NextSessionCardView =
  | {
      readonly kind: 'scheduled';
      readonly partners: readonly CardPerson[];
      readonly sessionId: SessionId;
      readonly pairId: PairId;
      readonly index: number;
      readonly count: number;
      readonly start: EpochMs;
      readonly end: EpochMs;
      readonly joinUrl: string | null;
      readonly topic: string | null;
    }
  | { readonly kind: 'none'; readonly reason: 'not-paired' | 'not-booked' | 'finished'; readonly tabUrl: string }
  | { readonly kind: 'paused'; readonly until: LocalDate; readonly tabUrl: string };

const NONE_TEXT = {
  'not-paired': 'You are not paired yet. I will introduce you as soon as the program team publishes the pairs.',
  'not-booked': 'You are paired, and I am still looking for a time that is free in both calendars.',
  finished: 'Your series is complete. Well done! The program team will be in touch about what comes next.',
} as const;

/** The next-session card. */
export function nextSessionCard(view: NextSessionCardView): AdaptiveCard {
  if (view.kind === 'none') {
    return card(NONE_TEXT[view.reason], heading('No session coming up'), paragraph(NONE_TEXT[view.reason])).withActions(
      new OpenUrlAction(view.tabUrl, { title: 'Open My mentoring' }),
    );
  }
  if (view.kind === 'paused') {
    const text = `You are taking a break. Sessions start again on ${localDateText(view.until)}.`;
    return card(text, heading('On a break'), paragraph(text)).withActions(new OpenUrlAction(view.tabUrl, { title: 'Open My mentoring' }));
  }
  const partners = namesOf(view.partners.map((p) => p.name));
  const minutes = Math.round((view.end - view.start) / 60_000);
  const ids: SessionActionData = { sessionId: view.sessionId, pairId: view.pairId };
  const actions = [];
  if (view.joinUrl) actions.push(new OpenUrlAction(view.joinUrl, { title: 'Join' }));
  actions.push(execute('Show the agenda', CARD_VERBS.agendaShow, ids), execute('Reschedule this one', CARD_VERBS.sessionReschedule, ids));
  return card(
    `Next: session ${view.index} of ${view.count}`,
    heading(`Next: session ${view.index} of ${view.count} with ${partners}`),
    paragraph(`${cardDateTime(view.start)}, ${minutes} minutes.`),
    ...(view.topic === null ? [] : [paragraph(`Topic: ${typed(view.topic, 300)}`)]),
    subtle('Times show in your own time zone.'),
  ).withActions(...actions);
}
