/**
 * "Add to our agenda" on a message: the dialog shows the message text (editable) and, for
 * someone in more than one pair, which pair; submitting adds it to that pair's backlog once.
 * The pair is checked against the caller's own running pairs: a card's data is never trusted.
 */
import { createHash } from 'node:crypto';
import type { MessagingExtensionAction, MessagingExtensionActionResponse } from '@microsoft/teams.api';
import type { EpochMs } from '../../core/time.ts';
import { MAX_AGENDA_ITEM } from '../cards/agenda-card.ts';
import { agendaAddedCard, agendaDialogCard, type AgendaDialogView } from './agenda-dialog.ts';
import type { Caller } from './invoke-context.ts';
import { linkOf, plainTextOf } from './message-text.ts';
import type { BacklogPort, PairsPort } from './ports.ts';
import { dialog, dialogMessage } from './responses.ts';

const TITLE = 'Add to our agenda';
const NO_PAIR = 'You are not in a running pair, so there is no shared agenda to add to yet.';

/** fetchTask: the dialog, or why there is none. */
export async function openAddToAgenda(action: MessagingExtensionAction, caller: Caller, pairs: PairsPort): Promise<MessagingExtensionActionResponse> {
  const text = plainTextOf(action.messagePayload);
  if (text === '') return dialogMessage('This message has no text to add. Pick a message with words in it.');
  const mine = await pairs.runningPairsOf(caller.tenant, caller.person);
  if (mine.length === 0) return dialogMessage(NO_PAIR);
  const messageId = action.messagePayload?.id ?? '';
  return dialog(TITLE, agendaDialogCard({ text, pairs: mine, messageId, link: linkOf(action.messagePayload) }));
}

/** submitAction: validates, stores once, confirms. Bad input re-opens the dialog with the error. */
export async function submitAddToAgenda(
  action: MessagingExtensionAction,
  caller: Caller,
  ports: { readonly pairs: PairsPort; readonly backlog: BacklogPort },
  now: EpochMs,
): Promise<MessagingExtensionActionResponse> {
  const data = (typeof action.data === 'object' && action.data !== null ? action.data : {}) as Record<string, unknown>;
  const str = (key: string): string => (typeof data[key] === 'string' ? (data[key] as string) : '');
  const text = str('agendaItem').replace(/\r\n?/g, '\n').trim();
  const messageId = str('messageId');
  const link = linkOf({ linkToMessage: str('link') || undefined });
  const mine = await ports.pairs.runningPairsOf(caller.tenant, caller.person);
  if (mine.length === 0) return dialogMessage(NO_PAIR);
  const again = (error: AgendaDialogView['error']): MessagingExtensionActionResponse =>
    dialog(TITLE, agendaDialogCard({ text, pairs: mine, messageId, link, selectedPairId: str('pairId'), error }));

  if (text === '') return again({ field: 'agendaItem', message: 'Type something to talk about: the text is empty.' });
  if (text.length > MAX_AGENDA_ITEM) {
    return again({ field: 'agendaItem', message: `That is ${text.length} characters; an agenda item holds at most ${MAX_AGENDA_ITEM}. Shorten it.` });
  }
  const pair = mine.find((p) => p.pairId === str('pairId'));
  if (pair === undefined) return again({ field: 'pairId', message: 'Choose one of your pairs.' });

  // The same message added twice is one item; without a message id, the same text is.
  const id = messageId !== '' ? `message:${messageId}` : `text:${createHash('sha256').update(text).digest('hex').slice(0, 32)}`;
  const { added } = await ports.backlog.add(caller.tenant, { pairId: pair.pairId, id, text, link, addedBy: caller.person, addedAt: now });
  return dialog(TITLE, agendaAddedCard(text, pair, added, link));
}
