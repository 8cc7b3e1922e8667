/**
 * Answers to the private check-in after two missed sessions in a row: stored once per person and
 * check-in, acknowledged on the person's own card, and never shown to the partner (the program
 * team sees counts). Who answers comes from the activity and must be one of the pair's people.
 */
import { sessionId as toSessionId } from '../../core/sessions/session.ts';
import { CARD_VERBS, CHECK_IN_CHOICES, type CheckInChoice } from '../cards/card-verbs.ts';
import { checkInCard } from '../cards/check-in-card.ts';
import { readersOf } from './card-people.ts';
import type { CardActor } from './feedback-actions.ts';
import { cardResponse, messageResponse, type LoopInvokeResponse } from './invoke-response.ts';
import type { LoopPorts } from './ports.ts';

/** The verbs this file answers. */
export const CHECK_IN_VERBS: ReadonlySet<string> = new Set([CARD_VERBS.checkInAnswer]);

const UNKNOWN = 'This check-in is out of date or not for you. If something is wrong, tell the program team in My mentoring.';
const isChoice = (value: unknown): value is CheckInChoice => typeof value === 'string' && (CHECK_IN_CHOICES as readonly string[]).includes(value);

/** Answers a check-in click for `actor`. */
export async function handleCheckInAction(ports: LoopPorts, actor: CardActor, _verb: string, data: Record<string, unknown>): Promise<LoopInvokeResponse> {
  const pair = typeof data['pairId'] === 'string' ? data['pairId'] : '';
  const streakKey = typeof data['submissionId'] === 'string' ? data['submissionId'] : '';
  const choice = data['choice'];
  if (!isChoice(choice)) return messageResponse('Please pick one of the answers on the card.');
  // The key is the core's `missed-streak:<pairId>:<sessionId>`: it names the session that
  // completed the streak, through which the actor's membership of the pair is checked.
  const prefix = `missed-streak:${pair}:`;
  if (pair === '' || !streakKey.startsWith(prefix)) return messageResponse(UNKNOWN);
  const found = await ports.sessions.find(actor.tenantId, toSessionId(streakKey.slice(prefix.length)));
  if (found === undefined || found.session.pairId !== pair || !found.session.people.includes(actor.userId)) return messageResponse(UNKNOWN);

  const reader = readersOf(found.people, actor.userId, actor.teamsUserId).reader;
  if (ports.checkIns === undefined) return messageResponse('Thank you. To tell the program team what would help, open My mentoring.');
  const stored = await ports.checkIns.record(actor.tenantId, {
    streakKey,
    userId: actor.userId,
    programId: found.programId ?? '',
    pairId: pair,
    choice,
    answeredAt: ports.now(),
  });
  // A second click shows the answer that was kept, so the card never claims something unsaved.
  const kept = isChoice(stored.answer.choice) ? stored.answer.choice : choice;
  return cardResponse(checkInCard({ kind: 'answered', reader, choice: kept }));
}
