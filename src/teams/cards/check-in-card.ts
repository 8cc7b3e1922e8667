/**
 * The private check-in after two sessions in a row did not take place. Both sides get the same
 * neutral words: it never says or hints who did not come — a missed session is the pair's, and
 * in reverse mentoring the junior must never read as blamed or blaming.
 */
import type { AdaptiveCard } from '@microsoft/teams.cards';
import type { PairId } from '../../core/sessions/session.ts';
import { namesOf, typed } from './card-text.ts';
import { CARD_VERBS, type CheckInAnswerData, type CheckInChoice } from './card-verbs.ts';
import { card, execute, heading, paragraph, subtle, type CardPerson } from './card-parts.ts';

export type CheckInCardView =
  | {
      readonly kind: 'ask';
      readonly pairId: PairId;
      readonly reader: CardPerson;
      readonly partners: readonly CardPerson[];
      /** The `MissedStreak` key: every answer to this check-in is stored once under it. */
      readonly streakKey: string;
    }
  | { readonly kind: 'answered'; readonly reader: CardPerson; readonly choice: CheckInChoice };

const CHOICES: readonly { choice: CheckInChoice; title: string; answer: string }[] = [
  { choice: 'keep', title: 'Keep our time', answer: 'Your sessions stay as they are. See you at the next one.' },
  { choice: 'reschedule', title: 'Find a better time', answer: 'I will look for a time that suits both calendars and send it to both of you.' },
  { choice: 'pause', title: 'Take a break', answer: 'Tell me until when: type pause until and a date, or pause for 2 weeks.' },
  { choice: 'contact', title: 'Talk to the program team', answer: 'The program team will get in touch with you directly.' },
  {
    choice: 'new-partner',
    title: 'Ask for a new partner',
    answer: 'The program team will find you a new partner. Nobody is asked for a reason, and nobody is blamed.',
  },
];

/** The check-in question, or the reply to an answer. */
export function checkInCard(view: CheckInCardView): AdaptiveCard {
  const name = typed(view.reader.name, 120);
  if (view.kind === 'answered') {
    const answer = CHOICES.find((c) => c.choice === view.choice)?.answer ?? 'Thank you.';
    return card('Thanks for letting me know.', heading(`Thanks, ${name}`), paragraph(typed(answer)));
  }
  const partners = namesOf(view.partners.map((p) => p.name));
  return card(
    'How is mentoring going?',
    heading('How is mentoring going?'),
    paragraph(`Hi ${name}, your last two sessions with ${partners} did not go ahead as planned. That happens: calendars fill up and priorities shift.`),
    paragraph('What would help most?'),
    subtle(
      `This message is only for you. Your answer goes to the program team, not to ${partners}. The program team knows your pair's last two sessions did not take place, so they can help — not who said what.`,
    ),
  ).withActions(
    ...CHOICES.map((c) => {
      const data: CheckInAnswerData = { pairId: view.pairId, submissionId: view.streakKey, choice: c.choice };
      return execute(c.title, CARD_VERBS.checkInAnswer, data);
    }),
  );
}
