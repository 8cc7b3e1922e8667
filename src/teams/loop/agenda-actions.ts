/**
 * The agenda card's Universal Actions: add an item to the pair's backlog (checked, stored once
 * per click), and refresh / show (the agenda again, for whoever clicked). Who acts comes from the
 * activity; the card's ids only say which session, and the actor must be one of its people.
 */
import { randomUUID } from 'node:crypto';
import { sessionId as toSessionId } from '../../core/sessions/session.ts';
import { MAX_AGENDA_ITEM } from '../cards/agenda-card.ts';
import { CARD_VERBS } from '../cards/card-verbs.ts';
import { agendaCardFor } from './agenda-view.ts';
import type { CardActor } from './feedback-actions.ts';
import { cardResponse, messageResponse, type LoopInvokeResponse } from './invoke-response.ts';
import type { LoopPorts, LoopSession } from './ports.ts';

/** The verbs this file answers. */
export const AGENDA_VERBS: ReadonlySet<string> = new Set([CARD_VERBS.agendaAdd, CARD_VERBS.agendaRefresh, CARD_VERBS.agendaShow]);

const NOT_YOURS = 'This agenda belongs to another pair: only the people of that session can use it.';
const UNKNOWN = 'I could not find that session any more. It may have been cancelled.';

/** A fresh idempotency key for the card's next "add": each rendering adds at most one item. */
const nextSubmission = (found: LoopSession, actor: CardActor): string => `agenda:${found.session.id}:${actor.userId}:${randomUUID()}`;

/** Answers one agenda verb for `actor`. */
export async function handleAgendaAction(ports: LoopPorts, actor: CardActor, verb: string, data: Record<string, unknown>): Promise<LoopInvokeResponse> {
  const id = typeof data['sessionId'] === 'string' ? toSessionId(data['sessionId']) : undefined;
  const found = id === undefined ? undefined : await ports.sessions.find(actor.tenantId, id, { withTrack: true });
  if (found === undefined) return messageResponse(UNKNOWN);
  if (!found.session.people.includes(actor.userId)) return messageResponse(NOT_YOURS);
  const backlog = ports.backlog;
  const render = async (extra: { added?: string; error?: { message: string; value: string }; submissionId?: string } = {}) =>
    cardResponse(
      agendaCardFor(found, actor.userId, backlog === undefined ? [] : await backlog.list(actor.tenantId, found.session.pairId), {
        submissionId: extra.submissionId ?? nextSubmission(found, actor),
        readerTeamsId: actor.teamsUserId,
        ...(extra.added === undefined ? {} : { added: extra.added }),
        ...(extra.error === undefined ? {} : { error: extra.error }),
      }),
    );

  if (verb !== CARD_VERBS.agendaAdd) return render();
  if (backlog === undefined) return messageResponse('Adding to the agenda is not available here yet: add it in My mentoring.');

  const typedText = typeof data['agendaItem'] === 'string' ? data['agendaItem'] : '';
  const text = typedText.trim();
  const submissionId = typeof data['submissionId'] === 'string' && data['submissionId'] !== '' ? data['submissionId'] : undefined;
  // Refusals keep the card's key: the corrected retry is still that one click's item.
  const problem =
    text === '' ? 'Type something to add.' : text.length > MAX_AGENDA_ITEM ? `Keep it to ${MAX_AGENDA_ITEM} characters (this is ${text.length}).` : undefined;
  if (problem !== undefined) return render({ error: { message: problem, value: typedText.slice(0, MAX_AGENDA_ITEM) }, ...(submissionId === undefined ? {} : { submissionId }) });
  if (submissionId === undefined) return messageResponse('This agenda card is out of date. Open the latest one and try again.');

  // The key is scoped by the clicker, so a forwarded card cannot overwrite another person's item.
  const result = await backlog.add(actor.tenantId, {
    pairId: found.session.pairId,
    id: `${actor.userId}/${submissionId}`,
    text,
    link: null,
    addedBy: actor.userId,
    addedAt: ports.now(),
  });
  return render({ added: result.item.text });
}
