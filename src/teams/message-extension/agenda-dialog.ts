/** The "Add to our agenda" dialog and its confirmation. */
import { ChoiceSetInput, OpenUrlAction, SubmitAction, TextInput, type AdaptiveCard, type IAdaptiveCard } from '@microsoft/teams.cards';
import { MAX_AGENDA_ITEM } from '../cards/agenda-card.ts';
import { audienceLine, card, errorLine, heading, paragraph, subtle } from '../cards/card-parts.ts';
import { namesOf, typed } from '../cards/card-text.ts';
import type { PairChoice } from './ports.ts';

/** What the dialog carries back besides its inputs. */
export interface AgendaDialogData {
  readonly messageId: string;
  readonly link: string | null;
}

export interface AgendaDialogView extends AgendaDialogData {
  readonly text: string;
  readonly pairs: readonly PairChoice[];
  readonly selectedPairId?: string;
  readonly error?: { readonly field: 'agendaItem' | 'pairId'; readonly message: string };
}

/** How a pair reads in a choice: "Ada Obi (Reverse mentoring 2026)". Plain text: choice titles are not markdown. */
export const pairTitle = (pair: PairChoice): string => `${pair.partnerNames.join(' and ')} (${pair.programName})`;

export function agendaDialogCard(view: AgendaDialogView): AdaptiveCard {
  const body: IAdaptiveCard['body'] = [heading('Add to our agenda')];
  if (view.pairs.length > 1) {
    const choice = new ChoiceSetInput(...view.pairs.map((p) => ({ title: pairTitle(p), value: p.pairId })))
      .withId('pairId')
      .withLabel('Which pair is it for?')
      .withIsRequired(true)
      .withErrorMessage('Choose a pair.');
    if (view.selectedPairId !== undefined && view.pairs.some((p) => p.pairId === view.selectedPairId)) choice.withValue(view.selectedPairId);
    body.push(choice, audienceLine('pairId', 'you and the pair you choose.'));
    if (view.error?.field === 'pairId') body.push(errorLine('pairId', typed(view.error.message, 300)));
  }
  const input = new TextInput({ id: 'agendaItem', label: 'What to talk about', isMultiline: true, maxLength: MAX_AGENDA_ITEM }).withValue(
    view.text.slice(0, MAX_AGENDA_ITEM),
  );
  body.push(input);
  if (view.error?.field === 'agendaItem') body.push(errorLine('agendaItem', typed(view.error.message, 300)));
  const partners = view.pairs.length === 1 ? namesOf(view.pairs[0]!.partnerNames) : 'your partner';
  body.push(audienceLine('agendaItem', `you and ${partners}: it goes on your shared backlog.`));
  if (view.link !== null) body.push(subtle('A link to the message is kept with it.'));
  const data: Record<string, string> = { messageId: view.messageId, link: view.link ?? '' };
  if (view.pairs.length === 1) data['pairId'] = view.pairs[0]!.pairId;
  return card('Add to our agenda', ...body).withActions(new SubmitAction({ title: 'Add to our agenda', data }));
}

/** The confirmation after adding (or finding it already there). */
export function agendaAddedCard(text: string, pair: PairChoice, added: boolean, link: string | null): AdaptiveCard {
  const partners = namesOf(pair.partnerNames);
  const headline = added ? `Added to your agenda with ${partners}` : `Already on your agenda with ${partners}`;
  const result = card(headline, heading(headline), paragraph(typed(text, MAX_AGENDA_ITEM), 'agendaItem-added'), subtle('It will be on the agenda of your next session.'));
  return link === null ? result : result.withActions(new OpenUrlAction(link, { title: 'Open the message' }));
}
