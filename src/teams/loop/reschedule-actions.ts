/**
 * "Reschedule this one" from the agenda and next-session cards: the clicker gets up to three
 * times both people are free, and choosing one moves the session through the scheduling service.
 * Without that service, or when calendars cannot be read, the card points to the tab's Sessions
 * section. Who acts comes from the activity; the actor must be one of the session's people.
 */
import { UpwardError } from '../../core/errors.ts';
import { sessionId as toSessionId } from '../../core/sessions/session.ts';
import { epochMs } from '../../core/time.ts';
import { CARD_VERBS } from '../cards/card-verbs.ts';
import { CARD_ALTERNATIVES, rescheduleCard } from '../cards/reschedule-card.ts';
import type { CardActor } from './feedback-actions.ts';
import { cardResponse, messageResponse, type LoopInvokeResponse } from './invoke-response.ts';
import type { LoopPorts } from './ports.ts';

/** The verbs this file answers. */
export const RESCHEDULE_VERBS: ReadonlySet<string> = new Set([CARD_VERBS.sessionReschedule, CARD_VERBS.sessionRescheduleChoose]);

const NOT_YOURS = 'This session belongs to another pair: only its people can move it.';
const UNKNOWN = 'I could not find that session any more. It may have been cancelled.';

/** Answers one reschedule verb for `actor`; `tabUrl` is the fallback when no Sessions link is configured. */
export async function handleRescheduleAction(
  ports: LoopPorts,
  tabUrl: string,
  actor: CardActor,
  verb: string,
  data: Record<string, unknown>,
): Promise<LoopInvokeResponse> {
  const id = typeof data['sessionId'] === 'string' ? toSessionId(data['sessionId']) : undefined;
  const found = id === undefined ? undefined : await ports.sessions.find(actor.tenantId, id);
  if (found === undefined) return messageResponse(UNKNOWN);
  if (!found.session.people.includes(actor.userId)) return messageResponse(NOT_YOURS);
  const { session } = found;
  const base = { sessionId: session.id, pairId: session.pairId, index: session.index, start: session.start, sessionsUrl: ports.sessionsTabUrl ?? tabUrl };
  const port = ports.reschedule;
  if (port === undefined) return cardResponse(rescheduleCard({ ...base, kind: 'tab', reason: 'Pick a new time in My mentoring, where you can see both calendars.' }));
  if (session.start <= ports.now()) return messageResponse('This session has already started, so it cannot be moved.');

  try {
    if (verb === CARD_VERBS.sessionRescheduleChoose) {
      const start = typeof data['start'] === 'string' ? Date.parse(data['start']) : Number.NaN;
      if (!Number.isFinite(start)) return messageResponse('That choice is out of date. Ask for new times with "Reschedule this one".');
      // A repeated click after the move finds the session already there: show the same result.
      if (start === session.start) return cardResponse(rescheduleCard({ ...base, kind: 'moved', to: session.start }));
      const moved = await port.moveTo(actor.tenantId, actor.userId, session.id, epochMs(start));
      return cardResponse(rescheduleCard({ ...base, kind: 'moved', to: moved.start }));
    }
    const alternatives = await port.alternatives(actor.tenantId, actor.userId, session.id);
    return cardResponse(rescheduleCard({ ...base, kind: 'choose', alternatives: alternatives.slice(0, CARD_ALTERNATIVES) }));
  } catch (error) {
    // A coded refusal (busy by now, calendars unreadable) is for the person; anything else is a bug.
    if (error instanceof UpwardError) return cardResponse(rescheduleCard({ ...base, kind: 'tab', reason: `${error.message} Pick another time in My mentoring.` }));
    throw error;
  }
}
