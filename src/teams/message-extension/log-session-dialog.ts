/** The "Log a session" dialog: a session held outside the booked series, and feedback on it. */
import { ChoiceSetInput, DateInput, SubmitAction, TextInput, ToggleInput, type AdaptiveCard, type IAdaptiveCard } from '@microsoft/teams.cards';
import { MAX_FEEDBACK_TEXT } from '../../core/feedback/schema.ts';
import { audienceLine, card, errorLine, heading, paragraph, subtle } from '../cards/card-parts.ts';
import { namesOf, typed } from '../cards/card-text.ts';
import { pairTitle } from './agenda-dialog.ts';
import type { PairChoice } from './ports.ts';

/** Lengths offered for a logged session, in minutes. */
export const LOGGED_MINUTES = [15, 30, 45, 60, 90] as const;

export interface LogSessionValues {
  readonly pairId?: string;
  readonly date?: string;
  readonly minutes?: string;
  readonly rating?: string;
  readonly learned?: string;
  readonly taught?: string;
  readonly action?: string;
  readonly privateNote?: string;
  readonly shareWithPartner?: boolean;
}

export interface LogSessionView {
  readonly pairs: readonly PairChoice[];
  /** Today, `YYYY-MM-DD` (UTC): the latest date the picker allows. */
  readonly today: string;
  readonly submissionId: string;
  readonly values: LogSessionValues;
  /** Errors by input id. */
  readonly errors: ReadonlyMap<string, string>;
}

const TEXTS = [
  { id: 'learned', label: 'What I learned', audience: 'you, and your partner if you share it.' },
  { id: 'taught', label: 'What I taught', audience: 'you, and your partner if you share it.' },
  { id: 'action', label: "One action I'll take", audience: 'only you (it comes back on your next agenda).' },
  { id: 'privateNote', label: 'Private note', audience: 'only you.' },
] as const;

export function logSessionCard(view: LogSessionView): AdaptiveCard {
  const body: IAdaptiveCard['body'] = [heading('Log a session'), subtle('For a session you held outside your booked series.')];
  const error = (id: string): void => {
    const message = view.errors.get(id);
    if (message !== undefined) body.push(errorLine(id, typed(message, 300)));
  };
  const { values } = view;
  if (view.pairs.length > 1) {
    const choice = new ChoiceSetInput(...view.pairs.map((p) => ({ title: pairTitle(p), value: p.pairId })))
      .withId('pairId')
      .withLabel('Who did you meet?')
      .withIsRequired(true)
      .withErrorMessage('Choose a pair.');
    if (values.pairId !== undefined && view.pairs.some((p) => p.pairId === values.pairId)) choice.withValue(values.pairId);
    body.push(choice, audienceLine('pairId', 'you and the pair you choose.'));
  } else {
    body.push(paragraph(`With ${namesOf(view.pairs[0]?.partnerNames ?? [])}`));
  }
  error('pairId');
  const date = new DateInput({ id: 'date', label: 'When was it?', isRequired: true, errorMessage: 'Pick the day.' }).withMax(view.today);
  if (values.date) date.withValue(values.date);
  body.push(date);
  error('date');
  body.push(audienceLine('date', 'you and your partner; the program team counts sessions held.'));
  const minutes = new ChoiceSetInput(...LOGGED_MINUTES.map((m) => ({ title: `${m} minutes`, value: String(m) })))
    .withId('minutes')
    .withLabel('How long?')
    .withIsRequired(true)
    .withErrorMessage('Choose a length.')
    .withValue(LOGGED_MINUTES.some((m) => String(m) === values.minutes) ? values.minutes! : '30');
  body.push(minutes);
  error('minutes');
  body.push(audienceLine('minutes', 'you and your partner; the program team counts sessions held.'));
  const rating = new ChoiceSetInput(...[1, 2, 3, 4, 5].map((n) => ({ title: String(n), value: String(n) })))
    .withId('rating')
    .withLabel('How useful was it for you? (1–5)')
    .withStyle('expanded')
    .withIsRequired(true)
    .withErrorMessage('Choose 1 to 5.');
  if (values.rating !== undefined && /^[1-5]$/.test(values.rating)) rating.withValue(values.rating);
  body.push(rating);
  error('rating');
  body.push(audienceLine('rating', 'you; the program team sees ratings only in groups of 5 or more.'));
  for (const text of TEXTS) {
    const input = new TextInput({ id: text.id, label: text.label, isMultiline: true, maxLength: MAX_FEEDBACK_TEXT });
    const value = values[text.id];
    if (value) input.withValue(value);
    body.push(input);
    error(text.id);
    body.push(audienceLine(text.id, text.audience));
  }
  body.push(
    new ToggleInput('Share what I learned and taught with my partner', {
      id: 'shareWithPartner',
      value: values.shareWithPartner === true ? 'true' : 'false',
      valueOn: 'true',
      valueOff: 'false',
      wrap: true,
    }),
    audienceLine('shareWithPartner', 'you and your partner, if you turn it on.'),
  );
  const data: Record<string, string> = { submissionId: view.submissionId };
  if (view.pairs.length === 1) data['pairId'] = view.pairs[0]!.pairId;
  return card('Log a session', ...body).withActions(new SubmitAction({ title: 'Log the session', data }));
}

/** The confirmation after logging. */
export function sessionLoggedCard(pair: PairChoice, date: string, minutes: number, duplicate: boolean): AdaptiveCard {
  const headline = duplicate ? 'This session was already logged' : 'Session logged';
  return card(
    headline,
    heading(headline),
    paragraph(`${minutes} minutes with ${namesOf(pair.partnerNames)} on ${typed(date, 10)}.`),
    subtle('Thank you. It counts towards your pair\u2019s progress.'),
  );
}
