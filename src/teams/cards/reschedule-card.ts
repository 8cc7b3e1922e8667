/**
 * "Reschedule this one": up to three times both people are free, each a button that moves the
 * session there; the tab's Sessions section for anything else. The reader's own card; a partner
 * learns of a move from the calendar update, as with any moved meeting.
 */
import { OpenUrlAction, type AdaptiveCard } from '@microsoft/teams.cards';
import type { PairId, SessionId } from '../../core/sessions/session.ts';
import type { EpochMs } from '../../core/time.ts';
import { cardDateTime, typed } from './card-text.ts';
import { CARD_VERBS, type RescheduleChooseData } from './card-verbs.ts';
import { card, execute, heading, paragraph, subtle } from './card-parts.ts';

/** How many alternatives the card offers: a choice on a phone screen, not a calendar. */
export const CARD_ALTERNATIVES = 3;

interface RescheduleBase {
  readonly sessionId: SessionId;
  readonly pairId: PairId;
  readonly index: number;
  readonly start: EpochMs;
  /** The tab's Sessions section. */
  readonly sessionsUrl: string;
}

export type RescheduleCardView =
  | (RescheduleBase & { readonly kind: 'choose'; readonly alternatives: readonly { start: EpochMs; end: EpochMs }[] })
  | (RescheduleBase & { readonly kind: 'moved'; readonly to: EpochMs })
  /** No times here: the reason (none free, the bot cannot read calendars) and the tab link. */
  | (RescheduleBase & { readonly kind: 'tab'; readonly reason: string });

const openTab = (url: string) => new OpenUrlAction(url, { title: 'Open Sessions in My mentoring' });

/** The reschedule card of one session. */
export function rescheduleCard(view: RescheduleCardView): AdaptiveCard {
  const title = `Move session ${view.index}`;
  const now = paragraph(`It is on ${cardDateTime(view.start)}.`);
  switch (view.kind) {
    case 'moved':
      return card(`Session ${view.index} moved`, heading(`Session ${view.index} moved`), paragraph(`It is now on ${cardDateTime(view.to)}. Both calendars are updated.`, 'moved')).withActions(
        openTab(view.sessionsUrl),
      );
    case 'tab':
      return card(title, heading(title), now, paragraph(typed(view.reason, 300), 'reason')).withActions(openTab(view.sessionsUrl));
    case 'choose': {
      const offered = view.alternatives.slice(0, CARD_ALTERNATIVES);
      if (offered.length === 0) {
        return rescheduleCard({ ...view, kind: 'tab', reason: 'No free time near this one suits you both. See more options in My mentoring.' });
      }
      // Teams formats DATE()/TIME() in text blocks only, not button titles: number the times.
      const lines = offered.map((slot, i) => paragraph(`${i + 1}. ${cardDateTime(slot.start)}`, `alternative-${i + 1}`));
      const actions = offered.map((slot, i) => {
        const data: RescheduleChooseData = { sessionId: view.sessionId, pairId: view.pairId, start: new Date(slot.start).toISOString() };
        return execute(`Move to ${i + 1}`, CARD_VERBS.sessionRescheduleChoose, data);
      });
      return card(title, heading(title), now, paragraph('You are both free at:'), ...lines, subtle('Choosing one moves the meeting in both calendars.')).withActions(
        ...actions,
        openTab(view.sessionsUrl),
      );
    }
  }
}
