/**
 * The mentoring loop at run time, for the composition root: its jobs registered on the queue,
 * program events turned into jobs, and the store adapters the bot's loop handlers take.
 */
import type { Logger } from 'pino';
import type { TenantId, UserId } from '../core/ids.ts';
import { epochMs } from '../core/time.ts';
import type { JobQueue } from '../jobs/job-queue.ts';
import type { ProgramEvent } from '../programs/events.ts';
import { agendaBacklogRepository } from '../store/agenda-backlog.ts';
import { checkInRepository } from '../store/check-ins.ts';
import { feedbackRepository } from '../store/feedback.ts';
import type { Store } from '../store/store.ts';
import type { LoopPorts, MembershipPort, SessionReschedulePort } from '../teams/loop/ports.ts';
import type { PersonInstaller, ProactiveSender } from '../teams/proactive/index.ts';
import { catchUpIntroductions, registerIntroductions, scheduleIntroductions } from './introductions-job.ts';
import { registerIntroductionOnInstall, scheduleIntroductionOnInstall } from './introduction-on-install.ts';
import { introductionPort } from './introduction-views.ts';
import { registerIntroductionUpdates } from './introduction-updates-job.ts';
import { keyedLock } from './keyed-lock.ts';
import { bookingSessionPort } from './loop-sessions.ts';
import { sessionMessageNow, type SendNowRequest, type SendNowResult } from './send-session-message-now.ts';
import { registerSessionMessages } from './session-messages-job.ts';

export interface Engagement {
  /** The publish port's consumer: `pairs.published` schedules the introductions. */
  onProgramEvent(event: ProgramEvent): Promise<void>;
  /**
   * The bot's install port: Upward was (re)installed for the person (`installId` names the
   * install, e.g. the activity's id); sends them the introductions they missed meanwhile.
   */
  onInstalled(tenantId: TenantId, userId: UserId, installId: string): Promise<void>;
  /** Schedules what a crash may have left unscheduled; call after `queue.start()`. */
  catchUp(): Promise<void>;
  /** Store adapters for the bot's loop handlers. */
  readonly loopPorts: LoopPorts;
  /** A program admin's "send this session's message now" (the caller checks they run the program). */
  readonly sessionMessages: { send(tenantId: TenantId, request: SendNowRequest): Promise<SendNowResult> };
}

export interface EngagementOptions {
  readonly store: Store;
  readonly queue: JobQueue;
  readonly sender: ProactiveSender;
  readonly installer: PersonInstaller;
  readonly tabUrl: string;
  readonly log: Logger;
  readonly now?: () => number;
}

/**
 * Registers the loop's jobs; call before `queue.start()`. Scheduling's `onBooked` port is
 * `introductionUpdatesOnBooking(queue)` (introduction-updates-job.ts), whose job this registers.
 */
export async function startEngagement(options: EngagementOptions): Promise<Engagement> {
  const now = options.now ?? Date.now;
  const deps = { db: options.store.db, queue: options.queue, sender: options.sender, installer: options.installer, tabUrl: options.tabUrl, log: options.log };
  // Introductions and their updates once a series is booked take turns per tenant in this process.
  const introductions = keyedLock();
  await registerIntroductions({ ...deps, lock: introductions, now });
  await registerIntroductionUpdates(options.queue, { ...deps, lock: introductions, now });
  await registerIntroductionOnInstall(options.queue, { ...deps, lock: introductions, now });
  // The timed jobs and "send it now" need no lock between them: the sender claims each message
  // key in the store, which holds across app instances too.
  const sessionMessages = await registerSessionMessages({ ...deps, now });
  return {
    async onProgramEvent(event) {
      if (event.type === 'pairs.published') await scheduleIntroductions(options.queue, event);
    },
    async onInstalled(tenantId, userId, installId) {
      await scheduleIntroductionOnInstall(options.queue, tenantId, userId, installId, epochMs(now()));
    },
    async catchUp() {
      // A failed catch-up must not stop Upward from starting: the next start tries again.
      try {
        await catchUpIntroductions(deps, now());
        await sessionMessages.planAll();
      } catch (error) {
        options.log.error({ err: error }, 'could not catch up on introductions and session messages');
      }
    },
    loopPorts: loopPortsOver(options.store, now),
    sessionMessages: sessionMessageNow({ db: options.store.db, sender: options.sender, now }),
  };
}

/**
 * The bot loop's ports over the store (needs no queue, so the bot can be built before it).
 * `moving` wires "Reschedule this one" (see `sessionReschedulePort`); without it the card points to the tab.
 */
export function loopPortsOver(
  store: Store,
  now: () => number = Date.now,
  membership?: MembershipPort,
  tabUrl?: string,
  moving?: { readonly reschedule?: SessionReschedulePort; readonly sessionsTabUrl?: string },
): LoopPorts {
  return {
    ...(moving?.reschedule === undefined ? {} : { reschedule: moving.reschedule }),
    ...(moving?.sessionsTabUrl === undefined ? {} : { sessionsTabUrl: moving.sessionsTabUrl }),
    sessions: bookingSessionPort(store.db),
    ...(tabUrl === undefined ? {} : { introductions: introductionPort(store.db, tabUrl) }),
    feedback: feedbackRepository(store.db),
    backlog: agendaBacklogRepository(store.db),
    checkIns: checkInRepository(store.db),
    ...(membership === undefined ? {} : { membership }),
    now: () => epochMs(now()),
  };
}

