/** The one reminder a person gets when they have not given feedback two days after a session. */
import type { AdaptiveCard } from '@microsoft/teams.cards';
import { feedbackKey } from '../../core/feedback/feedback.ts';
import type { EpochMs } from '../../core/time.ts';
import { cardDate, cardDateTime, namesOf } from './card-text.ts';
import { CARD_VERBS, type FeedbackActionData } from './card-verbs.ts';
import { card, execute, heading, paragraph, subtle, type CardReaders } from './card-parts.ts';
import type { FeedbackSessionView } from './feedback-card.ts';

export interface FeedbackReminderCardView {
  readonly readers: CardReaders;
  readonly session: FeedbackSessionView;
  /** Feedback is accepted until then (from `FeedbackReminder.closesAt`). */
  readonly closesAt: EpochMs;
  /** True while the session has not ended yet (a program admin sent the reminder ahead of time). */
  readonly upcoming?: boolean;
}

/** A gentle nudge with one button that opens the feedback form. */
export function feedbackReminderCard(view: FeedbackReminderCardView): AdaptiveCard {
  const { session, readers } = view;
  const partners = namesOf(readers.partners.map((p) => p.name));
  const data: FeedbackActionData = {
    sessionId: session.sessionId,
    pairId: session.pairId,
    submissionId: feedbackKey(session.sessionId, readers.reader.userId),
  };
  return card(
    `Two minutes on session ${session.index} of ${session.count}?`,
    heading(`Two minutes on session ${session.index} with ${partners}?`),
    paragraph(
      view.upcoming === true
        ? `It is on ${cardDate(session.start)}: once you have met, writing down what you learned is how it sticks — and most answers are for you alone; each question says who will see it.`
        : `It was on ${cardDate(session.start)}. Writing down what you learned is how it sticks — and most answers are for you alone; each question says who will see it.`,
    ),
    subtle(`Open until ${cardDateTime(view.closesAt)}. This is the only reminder.`),
  ).withActions(execute('Give feedback', CARD_VERBS.feedbackOpen, data));
}
