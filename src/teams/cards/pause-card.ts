/** "pause": ask until when, confirm what it changes, and say it is done. */
import { DateInput, type AdaptiveCard, type IAdaptiveCard } from '@microsoft/teams.cards';
import { MAX_PAUSE_DAYS } from '../../core/sessions/commands.ts';
import { addDays, formatLocalDate, type LocalDate } from '../../core/time/local-date.ts';
import { localDateText, namesOf, plural, typed } from './card-text.ts';
import { CARD_VERBS, type PauseConfirmData } from './card-verbs.ts';
import { audienceLine, card, errorLine, execute, heading, paragraph, subtle, type CardPerson } from './card-parts.ts';

export type PauseCardView =
  | {
      readonly kind: 'ask';
      /** The reader's today: the earliest date offered is tomorrow. */
      readonly today: LocalDate;
      readonly partners: readonly CardPerson[];
      readonly submissionId: string;
      /** Why the last date was refused (e.g. from `parseCommand`), and what was typed. */
      readonly error?: string;
      readonly value?: string;
    }
  | {
      readonly kind: 'confirm';
      readonly until: LocalDate;
      readonly partners: readonly CardPerson[];
      /** Sessions before `until` that the pause cancels. */
      readonly sessionsCancelled: number;
      readonly submissionId: string;
    }
  | { readonly kind: 'done'; readonly until: LocalDate; readonly partners: readonly CardPerson[] }
  | { readonly kind: 'cancelled' };

/** The pause card in the step `view.kind` asks for. */
export function pauseCard(view: PauseCardView): AdaptiveCard {
  if (view.kind === 'cancelled') {
    return card('No break, then.', paragraph('No break, then. Your sessions stay as they are.'));
  }
  const partners = namesOf(view.partners.map((p) => p.name));
  if (view.kind === 'done') {
    const until = localDateText(view.until);
    return card(
      `Paused until ${until}.`,
      heading(`Enjoy your break`),
      paragraph(`Your sessions start again on ${until}. ${partners} ${view.partners.length > 1 ? 'know' : 'knows'} you are taking a break until then, not why.`),
      subtle('Type next any time to see when you meet again.'),
    );
  }
  if (view.kind === 'confirm') {
    const until = localDateText(view.until);
    const data: PauseConfirmData = { submissionId: view.submissionId, until: formatLocalDate(view.until) };
    const cancelled =
      view.sessionsCancelled === 0
        ? 'No session falls before then.'
        : `${plural(view.sessionsCancelled, 'session')} with ${partners} before then will be cancelled in both calendars.`;
    return card(
      `Pause until ${until}?`,
      heading(`Pause until ${until}?`),
      paragraph(`${cancelled} ${partners} will see that you are taking a break until ${until} — not why.`),
    ).withActions(execute('Yes, pause', CARD_VERBS.pauseConfirm, data), execute('Never mind', CARD_VERBS.pauseCancel, {}));
  }
  const input = new DateInput({
    id: 'pauseUntil',
    label: 'Back on',
    isRequired: true,
    errorMessage: 'Pick the date your sessions start again.',
    min: formatLocalDate(addDays(view.today, 1)),
    max: formatLocalDate(addDays(view.today, MAX_PAUSE_DAYS)),
  });
  if (view.value !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(view.value)) input.withValue(view.value);
  const body: IAdaptiveCard['body'] = [
    heading('Take a break'),
    paragraph('Until when? Sessions before that date are cancelled for both of you, and start again on the date you pick.'),
    input,
  ];
  if (view.error !== undefined) body.push(errorLine('pauseUntil', typed(view.error, 400)));
  body.push(audienceLine('pauseUntil', `${partners} and the program team see the date you are back — never a reason.`));
  const data: PauseConfirmData = { submissionId: view.submissionId };
  return card('Take a break: until when?', ...body).withActions(
    execute('Pause', CARD_VERBS.pauseConfirm, data, 'auto'),
    execute('Never mind', CARD_VERBS.pauseCancel, {}),
  );
}
