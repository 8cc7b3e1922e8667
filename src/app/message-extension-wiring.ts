/**
 * The message extension's ports (src/teams/message-extension/ports.ts) over the store: small
 * composition-level adapters, one per port. Nothing here decides what a person may see beyond
 * what the ports promise: profiles go out only through the core's `publicProfile`.
 */
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { feedbackKey } from '../core/feedback/feedback.ts';
import type { TenantId, UserId } from '../core/ids.ts';
import { publicProfile } from '../core/programs/enrolment.ts';
import { agendaFor } from '../core/sessions/agenda.ts';
import { pairId as toPairId, sessionId as toSessionId } from '../core/sessions/session.ts';
import { epochMs, ianaZone, MINUTE_MS, type EpochMs } from '../core/time.ts';
import { epochToLocal } from '../core/time/zones.ts';
import { isLive, sessionsOfBooking } from '../engagement/booking-sessions.ts';
import { loopSessionOf } from '../engagement/loop-sessions.ts';
import { withCardContext } from '../engagement/session-context.ts';
import { agendaBacklogRepository } from '../store/agenda-backlog.ts';
import { bookingRepository } from '../store/bookings.ts';
import { enrolmentRepository } from '../store/enrolments.ts';
import { feedbackRepository } from '../store/feedback.ts';
import { pairingRepository } from '../store/pairings.ts';
import { programRepository } from '../store/programs.ts';
import type { Database } from '../store/schema.ts';
import { readersOf } from '../teams/loop/card-people.ts';
import {
  teachSearch,
  type EnrolledProfilesPort,
  type MessageExtensionDeps,
  type NextSessionPort,
  type PairChoice,
  type PairsPort,
  type SessionLogPort,
} from '../teams/message-extension/index.ts';

/** Every enrolment of every program of the tenant, as public profiles (never `doNotPairWith`). */
export function enrolledProfilesOver(db: Kysely<Database>): EnrolledProfilesPort {
  return {
    async listPublicProfiles(tenantId) {
      const enrolments = enrolmentRepository(db);
      const programs = await programRepository(db).list(tenantId);
      const lists = await Promise.all(programs.map((p) => enrolments.listForProgram(tenantId, p.id)));
      return lists.flat().map(publicProfile);
    },
  };
}

/** The person's running pairings, named by program and partners. */
export function runningPairsOver(db: Kysely<Database>): PairsPort {
  return {
    async runningPairsOf(tenantId, userId) {
      const pairings = await pairingRepository(db).listForUser(tenantId, userId, { runningOnly: true });
      const enrolments = enrolmentRepository(db);
      const programs = programRepository(db);
      const choices: PairChoice[] = [];
      for (const pairing of pairings) {
        const others = [pairing.mentorId, pairing.menteeId, pairing.coMentorId].filter((id): id is UserId => id !== null && id !== userId);
        const partnerNames = await Promise.all(
          others.map(async (id) => (await enrolments.get(tenantId, pairing.programId, id))?.profile.displayName ?? 'your partner'),
        );
        const program = await programs.get(tenantId, pairing.programId);
        choices.push({ pairId: toPairId(pairing.id), programName: program?.name ?? 'Mentoring', partnerNames });
      }
      return choices;
    },
  };
}

/**
 * The person's next session as its agenda (booked series, the pair's backlog, `agendaFor`), or
 * why there is none: on a break (every current enrolment paused), not paired, not booked yet, or
 * the series is over. The topic is the session's in the pair's track plan (see `pairTrack`).
 */
export function nextSessionOver(db: Kysely<Database>, tabUrl: string): NextSessionPort {
  return {
    async forPerson(tenantId, userId, now) {
      const current = (await enrolmentRepository(db).listForUser(tenantId, userId)).filter((e) => e.left === null);
      const pausedUntil = current.length > 0 && current.every((e) => e.pausedUntil !== null && e.pausedUntil > now)
        ? Math.min(...current.map((e) => e.pausedUntil!))
        : undefined;
      if (pausedUntil !== undefined) {
        const zone = current[0]?.profile.timeZone ?? ianaZone('UTC');
        return { kind: 'paused', until: epochToLocal(epochMs(pausedUntil), zone).date, tabUrl };
      }
      const bookings = (await bookingRepository(db).listForUser(tenantId, userId)).filter(isLive);
      let best: { booking: (typeof bookings)[number]; start: number; id: ReturnType<typeof toSessionId> } | undefined;
      for (const booking of bookings) {
        const next = sessionsOfBooking(booking).find((s) => !s.cancelled && s.end > now);
        if (next !== undefined && (best === undefined || next.start < best.start)) best = { booking, start: next.start, id: next.id };
      }
      if (best === undefined) {
        if (bookings.length > 0) return { kind: 'none', reason: 'finished', tabUrl };
        const paired = (await pairingRepository(db).listForUser(tenantId, userId, { runningOnly: true })).length > 0;
        return { kind: 'none', reason: paired ? 'not-booked' : 'not-paired', tabUrl };
      }
      const found = await withCardContext(db, best.booking, loopSessionOf(best.booking, best.id)!, { track: true });
      const { session } = found;
      const backlog = await agendaBacklogRepository(db).list(tenantId, session.pairId);
      const agenda = agendaFor({ id: session.pairId, sessionCount: Math.max(found.count, session.index) }, session.index, found.track ?? null, backlog, []);
      const joinUrl = best.booking.series.find((s) => s.joinUrl !== null)?.joinUrl ?? best.booking.joinUrl;
      return {
        kind: 'agenda',
        view: {
          readers: readersOf(found.people, userId),
          sessionId: session.id,
          start: session.start,
          end: session.end,
          joinUrl,
          agenda,
          // One key per reader and session: "add" from this card twice is one backlog item.
          submissionId: `me-agenda:${session.id}:${userId}`,
        },
      };
    },
  };
}

/** The session id a logged (unbooked) session's feedback is stored under. */
export const loggedSessionId = (id: string) => toSessionId(`logged:${id}`);

/**
 * A logged session is stored as held-session feedback in the feedback table, under the session id
 * `logged:<submission id>`. Its start time is not asked for, so it is taken as the start of the
 * picked day (UTC) and `sessionEnd` is that plus its minutes: the length stays recoverable.
 */
export function sessionLogOver(db: Kysely<Database>): SessionLogPort {
  const feedback = feedbackRepository(db);
  return {
    async record(tenantId, logged) {
      const session = loggedSessionId(logged.id);
      if ((await feedback.get(tenantId, session, logged.authorId)) !== undefined) return 'duplicate';
      const dayStart = Date.parse(`${logged.date}T00:00:00Z`);
      await feedback.insert(tenantId, {
        ...logged.feedback,
        key: feedbackKey(session, logged.authorId),
        sessionId: session,
        pairId: logged.pairId,
        authorId: logged.authorId,
        sessionEnd: epochMs(dayStart + logged.minutes * MINUTE_MS),
        submittedAt: logged.loggedAt,
        updatedAt: logged.loggedAt,
        revision: 1,
      });
      return 'recorded';
    },
  };
}

export interface MessageExtensionWiringOptions {
  readonly db: Kysely<Database>;
  readonly log: Logger;
  readonly defaultTenantId: string;
  readonly tabUrl: string;
  readonly now?: () => number;
}

/** Everything `registerMessageExtension` needs, over the store. */
export function messageExtensionDeps(options: MessageExtensionWiringOptions): MessageExtensionDeps & { invalidate(tenantId: TenantId): void } {
  const now = (): EpochMs => epochMs((options.now ?? Date.now)());
  const search = teachSearch(enrolledProfilesOver(options.db), now);
  return {
    log: options.log,
    defaultTenantId: options.defaultTenantId,
    now,
    tabUrl: options.tabUrl,
    search,
    pairs: runningPairsOver(options.db),
    backlog: agendaBacklogRepository(options.db),
    nextSession: nextSessionOver(options.db, options.tabUrl),
    sessionLog: sessionLogOver(options.db),
    invalidate: (tenantId) => search.invalidate(tenantId),
  };
}
