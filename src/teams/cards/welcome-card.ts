import { AdaptiveCard, OpenUrlAction, TextBlock } from '@microsoft/teams.cards';
import { escapeCardText } from './card-text.ts';

export { escapeCardText };

export interface WelcomeCardInput {
  /** The person's display name as the directory or Teams gives it (typed by people: treated as text). */
  readonly givenName: string | undefined;
  /** Deep link or URL of the personal tab. */
  readonly tabUrl: string;
}

/**
 * The first message after Upward is installed for a person: what it does and where to start.
 * Names are set as plain TextBlock text; Adaptive Cards render TextBlock markdown, so the name is
 * escaped to keep `*`, `_`, `[` and friends literal.
 */
export function welcomeCard(input: WelcomeCardInput): AdaptiveCard {
  const greeting = input.givenName ? `Welcome to Upward, ${escapeCardText(input.givenName)}!` : 'Welcome to Upward!';
  return new AdaptiveCard(
    new TextBlock(greeting, { size: 'Large', weight: 'Bolder', wrap: true, style: 'heading' }),
    new TextBlock(
      'Upward runs reverse mentoring: junior colleagues mentor senior leaders on new tools and culture, and learn leadership back.',
      { wrap: true },
    ),
    new TextBlock(
      'Here I will introduce you to your partner, book your sessions in both calendars, send an agenda the day before each session, and ask two minutes of feedback after it.',
      { wrap: true },
    ),
    new TextBlock('Type **help** at any time to see what I can do.', { wrap: true, isSubtle: true }),
  )
    .withVersion('1.5')
    .withActions(new OpenUrlAction(input.tabUrl, { title: 'Open My mentoring' }));
}

