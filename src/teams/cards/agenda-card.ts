/**
 * The agenda before a session: where the pair is in its series, the track's topic, their own
 * backlog, two reflection questions and the reader's open actions from last time, with a join
 * button and "add to agenda" / "reschedule this one". Per reader: action items are private.
 */
import { OpenUrlAction, TextInput, type AdaptiveCard, type IAdaptiveCard } from '@microsoft/teams.cards';
import { actionsVisibleTo } from '../../core/sessions/action-items.ts';
import type { Agenda } from '../../core/sessions/agenda.ts';
import type { SessionId } from '../../core/sessions/session.ts';
import type { EpochMs } from '../../core/time.ts';
import { cardDateTime, namesOf, plural, typed } from './card-text.ts';
import { CARD_VERBS, type AgendaAddData, type SessionActionData } from './card-verbs.ts';
import {
  audienceLine,
  bullets,
  card,
  errorLine,
  execute,
  heading,
  paragraph,
  refreshFor,
  subheading,
  subtle,
  type CardReaders,
} from './card-parts.ts';

/** The longest backlog item the card accepts. */
export const MAX_AGENDA_ITEM = 500;

export interface AgendaCardView {
  readonly readers: CardReaders;
  readonly sessionId: SessionId;
  readonly start: EpochMs;
  readonly end: EpochMs;
  readonly joinUrl: string | null;
  /** From `agendaFor`; action items are filtered here for the reader. */
  readonly agenda: Agenda;
  /** Idempotency key of the next "add to agenda": a retry of the same click adds nothing. */
  readonly submissionId: string;
  /** The item just added, to confirm it. */
  readonly added?: string;
  /** Why the last "add" was refused, with what was typed. */
  readonly error?: { readonly message: string; readonly value: string };
}

/** The agenda card for `view.readers.reader`. */
export function agendaCard(view: AgendaCardView): AdaptiveCard {
  const { agenda, readers } = view;
  const partners = namesOf(readers.partners.map((p) => p.name));
  const minutes = Math.round((view.end - view.start) / 60_000);
  const body: IAdaptiveCard['body'] = [
    heading(`Session ${agenda.sessionIndex} of ${agenda.sessionCount} with ${partners}`),
    paragraph(`${cardDateTime(view.start)}, ${minutes} minutes.`),
  ];
  if (agenda.topic !== null) {
    const track = agenda.trackName !== null && agenda.trackName !== agenda.topic ? ` (${typed(agenda.trackName, 120)})` : '';
    body.push(subheading('Topic'), paragraph(`${typed(agenda.topic, 300)}${track}`, 'topic'));
  }
  body.push(subheading('From your backlog'));
  if (agenda.backlog.length === 0) body.push(subtle('Nothing yet. Add something below.'));
  else body.push(bullets(agenda.backlog.map((item) => typed(item.text, MAX_AGENDA_ITEM))));
  if (agenda.moreBacklog > 0) body.push(subtle(`${plural(agenda.moreBacklog, 'more item')} in My mentoring.`));

  body.push(subheading('Two questions to reflect on'), bullets(agenda.reflectionQuestions.map((q) => typed(q, 300))));

  const mine = actionsVisibleTo(agenda.openActions, readers.reader.userId);
  if (mine.length > 0) {
    body.push(
      subheading('Your open actions from last time'),
      bullets(mine.map((item) => typed(item.text, 500))),
      subtle(mine.every((item) => !item.sharedWithPair) ? 'Only you see your actions.' : `You and ${partners} see shared actions.`),
    );
  }

  if (view.added !== undefined) body.push(paragraph(`Added to your agenda: ${typed(view.added, MAX_AGENDA_ITEM)}`, 'agendaItem-added'));
  const input = new TextInput({
    id: 'agendaItem',
    label: 'Add something to talk about',
    placeholder: 'A question, a tool to try, a topic…',
    maxLength: MAX_AGENDA_ITEM,
  });
  if (view.error !== undefined && view.error.value !== '') input.withValue(view.error.value);
  body.push(input);
  if (view.error !== undefined) body.push(errorLine('agendaItem', typed(view.error.message, 300)));
  body.push(audienceLine('agendaItem', `you and ${partners}: it goes on your shared backlog.`));

  const ids: SessionActionData = { sessionId: view.sessionId, pairId: agenda.pairId };
  const add: AgendaAddData = { ...ids, submissionId: view.submissionId };
  const actions = [];
  if (view.joinUrl) actions.push(new OpenUrlAction(view.joinUrl, { title: 'Join' }));
  actions.push(execute('Add to agenda', CARD_VERBS.agendaAdd, add, 'auto'));
  actions.push(execute('Reschedule this one', CARD_VERBS.sessionReschedule, ids));
  return card(`Agenda for session ${agenda.sessionIndex} of ${agenda.sessionCount}`, ...body)
    .withRefresh(refreshFor(CARD_VERBS.agendaRefresh, ids, readers))
    .withActions(...actions);
}
