/** The agenda card of one session for one of its people: shared by the timed send and the card's actions. */
import type { AdaptiveCard } from '@microsoft/teams.cards';
import type { UserId } from '../../core/ids.ts';
import { agendaFor, type BacklogItem } from '../../core/sessions/agenda.ts';
import { agendaCard, type AgendaCardView } from '../cards/agenda-card.ts';
import { readersOf } from './card-people.ts';
import type { LoopSession } from './ports.ts';

/**
 * The agenda card of `found` for `reader`, with the pair's open `backlog`. Without a program
 * track (not stored with the booking yet) the agenda has no topic, as the timed send does.
 */
export function agendaCardFor(
  found: LoopSession,
  reader: UserId,
  backlog: readonly BacklogItem[],
  options: { submissionId: string; readerTeamsId?: string; added?: string; error?: AgendaCardView['error'] },
): AdaptiveCard {
  const { session } = found;
  const agenda = agendaFor({ id: session.pairId, sessionCount: Math.max(found.count, session.index) }, session.index, null, backlog, []);
  return agendaCard({
    readers: readersOf(found.people, reader, options.readerTeamsId),
    sessionId: session.id,
    start: session.start,
    end: session.end,
    joinUrl: found.joinUrl ?? null,
    agenda,
    submissionId: options.submissionId,
    ...(options.added === undefined ? {} : { added: options.added }),
    ...(options.error === undefined ? {} : { error: options.error }),
  });
}
