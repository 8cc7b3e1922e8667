/**
 * What one session message says, or why it must not go out: shared by the timed job and a program
 * admin's "send it now", so both send the same card under the same rules. A timed message also
 * waits for its time (the planned start still holds, a reminder is due); an explicit one skips
 * only those timing rules — a cancelled session, someone outside the pair, a closed feedback
 * window or (for the reminder) someone who already answered still stop it.
 */
import type { Kysely } from 'kysely';
import { feedbackClosesAt } from '../core/feedback/edit-window.ts';
import { dueReminders } from '../core/feedback/reminders.ts';
import type { UserId } from '../core/ids.ts';
import { epochMs, type EpochMs } from '../core/time.ts';
import { agendaBacklogRepository } from '../store/agenda-backlog.ts';
import type { BookingRecord } from '../store/bookings.ts';
import { feedbackRepository } from '../store/feedback.ts';
import type { Database } from '../store/schema.ts';
import { checkInCard } from '../teams/cards/check-in-card.ts';
import { feedbackCard } from '../teams/cards/feedback-card.ts';
import { feedbackReminderCard } from '../teams/cards/feedback-reminder-card.ts';
import { agendaCardFor } from '../teams/loop/agenda-view.ts';
import { readersOf } from '../teams/loop/card-people.ts';
import type { LoopSession } from '../teams/loop/ports.ts';
import { cardActivity, type ProactiveActivity } from '../teams/proactive/index.ts';
import { withCardContext } from './session-context.ts';

export type SessionMessageKind = 'agenda' | 'feedback' | 'feedback-reminder' | 'check-in';

/** Why a message is not sent. The first four hold for any send; the last two only for timed ones. */
export type MessageRefusal =
  | { readonly reason: 'not-in-pair' }
  | { readonly reason: 'cancelled' }
  | { readonly reason: 'closed'; readonly closesAt: EpochMs }
  | { readonly reason: 'answered' }
  | { readonly reason: 'moved' }
  | { readonly reason: 'not-due' };

export interface SessionMessageRequest {
  readonly kind: SessionMessageKind;
  readonly userId: UserId;
  /** The message key (`messageKey(...)`): also the card's idempotency base. */
  readonly key: string;
  /** The session start the timed message was planned for; absent for an explicit send, which has no time of its own. */
  readonly plannedStart?: number;
}

export type ComposedMessage = { readonly activity: ProactiveActivity } | { readonly refused: MessageRefusal };

/** The message for `request` about the session `bare` of `booking` at `now`, or why it is not sent. */
export async function composeSessionMessage(db: Kysely<Database>, booking: BookingRecord, bare: LoopSession, request: SessionMessageRequest, now: number): Promise<ComposedMessage> {
  const { kind, userId, key } = request;
  const timed = request.plannedStart !== undefined;
  if (!bare.session.people.includes(userId)) return { refused: { reason: 'not-in-pair' } };
  if (kind !== 'check-in' && bare.session.cancelled) return { refused: { reason: 'cancelled' } };
  if (timed && kind !== 'check-in' && bare.session.start !== request.plannedStart) return { refused: { reason: 'moved' } };
  const found = await withCardContext(db, booking, bare, { track: kind === 'agenda' });
  const { session } = found;
  const tenantId = booking.tenantId;
  const readers = readersOf(found.people, userId);
  const view = { sessionId: session.id, pairId: session.pairId, index: session.index, count: found.count, start: session.start };
  const closesAt = feedbackClosesAt(session.end, found.nextStart);
  // Only an explicit send can go out before the session ended; its card then says so.
  const upcoming = now < session.end;
  switch (kind) {
    case 'agenda': {
      const backlog = await agendaBacklogRepository(db).list(tenantId, session.pairId);
      return { activity: cardActivity(agendaCardFor(found, userId, backlog, { submissionId: `${key}:add` }), `Agenda for session ${session.index}`) };
    }
    case 'feedback':
      if (now >= closesAt) return { refused: { reason: 'closed', closesAt } };
      return { activity: cardActivity(feedbackCard({ kind: 'form', readers, session: view, closesAt, upcoming }), `How did session ${session.index} go?`) };
    case 'feedback-reminder': {
      const feedback = await feedbackRepository(db).listForPair(tenantId, session.pairId);
      if (timed) {
        const due = dueReminders([...found.pairSessions], feedback, epochMs(now)).find((r) => r.sessionId === session.id && r.userId === userId);
        if (due === undefined) return { refused: { reason: 'not-due' } };
      } else {
        if (feedback.some((f) => f.sessionId === session.id && f.authorId === userId)) return { refused: { reason: 'answered' } };
        if (now >= closesAt) return { refused: { reason: 'closed', closesAt } };
      }
      return { activity: cardActivity(feedbackReminderCard({ readers, session: view, closesAt, upcoming }), `Two minutes of feedback on session ${session.index}?`) };
    }
    case 'check-in':
      return {
        activity: cardActivity(
          checkInCard({ kind: 'ask', pairId: session.pairId, reader: readers.reader, partners: readers.partners, streakKey: key.replace(/:check-in:.*$/, '') }),
          'A quick check-in',
        ),
      };
  }
}
