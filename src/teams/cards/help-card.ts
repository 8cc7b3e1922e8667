/** The answer to "help": what the chat understands, with buttons for the same commands. */
import { Fact, FactSet, OpenUrlAction, type AdaptiveCard } from '@microsoft/teams.cards';
import { CARD_VERBS } from './card-verbs.ts';
import { card, execute, heading, paragraph, subtle } from './card-parts.ts';

export interface HelpCardView {
  /** Link to the personal tab. */
  readonly tabUrl: string;
}

/** Every command with an example; the wording is forgiving, so examples, not a syntax. */
export function helpCard(view: HelpCardView): AdaptiveCard {
  return card(
    'What I can do: help, next, pause until a date, leave.',
    heading('What I can do'),
    paragraph('Type any of these in our chat; the wording does not have to be exact.'),
    new FactSet(
      new Fact('help', 'This list'),
      new Fact('next', 'Your next session: when, the agenda and the join link'),
      new Fact('pause until 3 March', 'A break: sessions before that date are cancelled for both of you'),
      new Fact('pause for 2 weeks', 'The same, counted from today'),
      new Fact('leave', 'Leave the program, no fault and no reason needed (I ask you to confirm first)'),
    ),
    subtle('I also send you an introduction when you are paired, an agenda the day before each session and a short feedback card after it.'),
  ).withActions(
    execute('Next session', CARD_VERBS.commandNext, { command: 'next' }),
    execute('Take a break', CARD_VERBS.commandPause, { command: 'pause' }),
    execute('Leave the program', CARD_VERBS.commandLeave, { command: 'leave' }),
    new OpenUrlAction(view.tabUrl, { title: 'Open My mentoring' }),
  );
}
