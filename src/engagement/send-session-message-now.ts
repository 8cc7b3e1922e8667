/**
 * A program admin's "send this session's message now": the agenda, the feedback card or the
 * reminder of one session of one pair, at once, e.g. to re-send an agenda someone lost. It goes
 * through the same composition and sender as the timed job, under the same message key, so the
 * person never gets it twice: a message already sent is reported as such, and the timed job finds
 * it sent and sends nothing. Only the timing rules are skipped (see `composeSessionMessage`).
 * Who may ask (the program's own admins) is the caller's check.
 */
import type { Kysely } from 'kysely';
import { notFound, UpwardError } from '../core/errors.ts';
import type { TenantId, UserId } from '../core/ids.ts';
import { bookingRepository } from '../store/bookings.ts';
import { pairingId, pairingRepository } from '../store/pairings.ts';
import type { Database } from '../store/schema.ts';
import type { LoopSession } from '../teams/loop/ports.ts';
import type { ProactiveSender, SendOutcome } from '../teams/proactive/index.ts';
import { isLive, sessionsOfBooking } from './booking-sessions.ts';
import { loopSessionOf } from './loop-sessions.ts';
import { composeSessionMessage, type MessageRefusal } from './session-message-content.ts';
import { messageKey } from './session-messages-job.ts';

/** The messages an admin can send on demand (check-ins stay the planner's own). */
export const SEND_NOW_KINDS = ['agenda', 'feedback', 'feedback-reminder'] as const;
export type SendNowKind = (typeof SEND_NOW_KINDS)[number];

export interface SendNowRequest {
  readonly programId: string;
  /** The pairing's id (as `GET /programs/:id/pairings` lists it). */
  readonly pairId: string;
  /** The session's number as its cards show it ("session 2 of 8"): 1 is the pair's first. */
  readonly session: number;
  readonly kind: SendNowKind;
  /** One person of the pair (user id or mailbox); both people when absent. */
  readonly user?: string;
}

/** What happened for one person. */
export interface SendNowPerson {
  readonly userId: string;
  readonly name: string;
  /**
   * `in-progress`: another request or the timed job is sending it right now — not sent here, and
   * not known to have arrived yet (asking again shortly answers `already-sent`, or sends it if that
   * sender failed).
   */
  readonly status: 'sent' | 'already-sent' | 'in-progress' | 'not-sent';
  /** Why nothing was sent (with `not-sent`), e.g. `answered`, `no-reference`, `blocked`. */
  readonly reason?: string;
  readonly message?: string;
}

export interface SendNowResult {
  /**
   * `sent` when someone got it now; else `in-progress` when someone's is being sent right now by
   * another sender; `already-sent` when everyone asked for had it before.
   */
  readonly status: 'sent' | 'already-sent' | 'in-progress';
  readonly kind: SendNowKind;
  readonly session: { readonly id: string; readonly number: number; readonly count: number; readonly start: string; readonly end: string };
  readonly people: readonly SendNowPerson[];
}

export interface SendNowDeps {
  readonly db: Kysely<Database>;
  readonly sender: ProactiveSender;
  readonly now: () => number;
}

const conflict = (message: string): UpwardError => new UpwardError('conflict', message);

/** The "send it now" service; `send` throws `not_found`, `conflict` or `upstream` with a sentence for the admin. */
export function sessionMessageNow(deps: SendNowDeps): { send(tenantId: TenantId, request: SendNowRequest): Promise<SendNowResult> } {
  return {
    async send(tenantId, request) {
      const bare = await sessionOfPair(deps.db, tenantId, request);
      const { booking, found } = bare;
      const { session } = found;
      const targets = request.user === undefined ? found.people : [personOf(found, request.user, booking.organiser, booking.attendee)];
      if (session.cancelled) throw conflict(`Session ${session.index} of this pair is cancelled; nothing was sent`);

      const people: SendNowPerson[] = [];
      for (const person of targets) {
        const userId = person.userId as UserId;
        const key = messageKey(request.kind, session.id, userId);
        const composed = await composeSessionMessage(deps.db, booking, found, { kind: request.kind, userId, key }, deps.now());
        if ('refused' in composed) {
          people.push(refusedPerson(person, session.index, composed.refused));
          continue;
        }
        // The sender claims the key in the store before sending, so a timed job or another admin
        // sending it at the same moment, in this instance or another, cannot deliver it twice.
        people.push(sentPerson(person, await deps.sender.send(tenantId, { userId, key, activity: composed.activity })));
      }

      const delivered = people.filter((p) => p.status !== 'not-sent');
      if (delivered.length === 0) {
        const failed = people.find((p) => p.reason === 'failed');
        const message = people.map((p) => p.message).join('; ');
        throw failed === undefined ? conflict(message) : new UpwardError('upstream', message);
      }
      return {
        status: delivered.some((p) => p.status === 'sent') ? 'sent' : delivered.some((p) => p.status === 'in-progress') ? 'in-progress' : 'already-sent',
        kind: request.kind,
        session: {
          id: session.id,
          number: session.index,
          count: found.count,
          start: new Date(session.start).toISOString(),
          end: new Date(session.end).toISOString(),
        },
        people,
      };
    },
  };
}

/** The pair's booked session `request.session`, or `not_found` / `conflict` saying what is missing. */
async function sessionOfPair(db: Kysely<Database>, tenantId: TenantId, request: SendNowRequest) {
  const pairing = await pairingRepository(db).get(tenantId, pairingId(request.pairId));
  // Another program's pair is reported like a missing one: the admin asked about this program.
  if (pairing === undefined || pairing.programId !== request.programId) throw notFound(`Program ${request.programId} has no pair ${request.pairId}`);
  if (pairing.endedAt !== null) throw conflict(`Pair ${request.pairId} has ended; nothing was sent`);
  const booking = await bookingRepository(db).getByPair(tenantId, request.programId, request.pairId, pairing.cycle);
  if (booking?.state === 'cancelled') throw conflict(`The meetings of pair ${request.pairId} are cancelled; nothing was sent`);
  if (booking === undefined || !isLive(booking)) {
    throw notFound(`Pair ${request.pairId} has no booked sessions yet; book them with \`schedule run ${request.programId}\``);
  }
  const sessions = sessionsOfBooking(booking);
  const chosen = sessions[request.session - 1];
  if (chosen === undefined) throw notFound(`Pair ${request.pairId} has sessions 1 to ${sessions.length}; there is no session ${request.session}`);
  return { booking, found: loopSessionOf(booking, chosen.id) as LoopSession };
}

/** The person of the pair named by id or mailbox (without case), or `conflict`: they are not in it. */
function personOf(found: LoopSession, given: string, ...mailboxes: readonly { userId: string; mailbox: string }[]) {
  const wanted = given.trim().toLowerCase();
  const byMailbox = mailboxes.find((m) => m.mailbox.toLowerCase() === wanted)?.userId.toLowerCase();
  const person = found.people.find((p) => p.userId.toLowerCase() === wanted || p.userId.toLowerCase() === byMailbox);
  if (person === undefined) throw conflict(`${given} is not in this pair (${found.people.map((p) => p.name).join(' and ')}); nothing was sent`);
  return person;
}

function refusedPerson(person: { userId: string; name: string }, index: number, refusal: MessageRefusal): SendNowPerson {
  const why: Record<MessageRefusal['reason'], string> = {
    'not-in-pair': `${person.name} is not in this pair`,
    cancelled: `session ${index} is cancelled`,
    closed: `feedback on session ${index} closed at ${refusal.reason === 'closed' ? new Date(refusal.closesAt).toISOString() : ''}`,
    answered: `${person.name} has already given feedback on session ${index}`,
    moved: `session ${index} has moved`,
    'not-due': `the message is not due`,
  };
  return { userId: person.userId, name: person.name, status: 'not-sent', reason: refusal.reason, message: `${why[refusal.reason]}; nothing was sent to ${person.name}` };
}

function sentPerson(person: { userId: string; name: string }, outcome: SendOutcome): SendNowPerson {
  const base = { userId: person.userId, name: person.name };
  switch (outcome.status) {
    case 'sent':
    case 'already-sent':
      return { ...base, status: outcome.status };
    case 'in-progress':
      return {
        ...base,
        status: 'in-progress',
        message: `${person.name} is being sent this message right now by another request or the timed message; not sent again. Ask again in a minute to see whether it arrived`,
      };
    case 'unreachable':
      return {
        ...base,
        status: 'not-sent',
        reason: outcome.reason,
        message:
          outcome.reason === 'no-reference'
            ? `Upward cannot reach ${person.name} in Teams yet (the app is not installed for them); nothing was sent`
            : `${person.name} has blocked or removed Upward in Teams; nothing was sent`,
      };
    case 'blocked':
      return { ...base, status: 'not-sent', reason: 'blocked', message: `${person.name} has blocked or removed Upward in Teams; nothing was sent` };
    case 'failed':
      return { ...base, status: 'not-sent', reason: 'failed', message: `Teams did not take the message for ${person.name} (${outcome.code}); try again later` };
  }
}
