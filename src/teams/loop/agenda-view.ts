/** The agenda card of one session for one of its people: shared by the timed send and the card's actions. */
import type { AdaptiveCard } from '@microsoft/teams.cards';
import type { UserId } from '../../core/ids.ts';
import { agendaFor, type BacklogItem } from '../../core/sessions/agenda.ts';
import { agendaCard, type AgendaCardView } from '../cards/agenda-card.ts';
import { readersOf } from './card-people.ts';
import type { LoopSession } from './ports.ts';

/**
 * The agenda card of `found` for `reader`, with the pair's open `backlog` and the topic of this
 * session from the pair's track (`found.track`); without a track the agenda has no topic.
 */
export function agendaCardFor(
  found: LoopSession,
  reader: UserId,
  backlog: readonly BacklogItem[],
  options: { submissionId: string; readerTeamsId?: string; added?: string; error?: AgendaCardView['error'] },
): AdaptiveCard {
  const { session } = found;
  const agenda = agendaFor({ id: session.pairId, sessionCount: Math.max(found.count, session.index) }, session.index, found.track ?? null, backlog, []);
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
