import type { Logger } from 'pino';
import { badInput } from '../../core/errors.ts';
import type { TenantId, UserId } from '../../core/ids.ts';
import { epochMs } from '../../core/time.ts';
import { ConnectorFailure } from './connector-failure.ts';
import type { BotConnector, ReferencePort, SenderClock, SentMessagePort, SentRecord } from './ports.ts';
import type { ProactiveActivity } from './proactive-activity.ts';
import { DEFAULT_RETRY_POLICY, retryDelay, type RetryPolicy } from './retry-policy.ts';
import { runPool } from './run-pool.ts';
import { countOutcomes, type SendOutcome, type SendReport, type UpdateOutcome } from './send-outcome.ts';
import { SendPacer, TEAMS_SEND_LIMITS, type PaceLimits } from './send-pacer.ts';

/** One proactive message for one person. */
export interface ProactiveMessage {
  readonly userId: UserId;
  /**
   * Idempotency key chosen by the caller, e.g. `agenda:<session id>`: a person is sent a key at
   * most once, so a job that is retried after a crash skips everyone it already reached.
   */
  readonly key: string;
  readonly activity: ProactiveActivity;
}

/** Sends proactive messages through the Bot Connector within Teams' limits. */
export interface ProactiveSender {
  /**
   * Sends every message, paced per conversation and per tenant, retrying 412/429/502/503/504 and
   * lost connections within the retry budget (honouring Retry-After). A person who blocked the
   * bot (403) is marked blocked and the batch goes on. Throws only when the store fails.
   */
  sendAll(tenantId: TenantId, messages: readonly ProactiveMessage[]): Promise<SendReport>;
  send(tenantId: TenantId, message: ProactiveMessage): Promise<SendOutcome>;
  /** Replaces the card sent to the person under `key` (e.g. after they answered it). */
  update(tenantId: TenantId, userId: UserId, key: string, activity: ProactiveActivity): Promise<UpdateOutcome>;
}

export interface ProactiveSenderOptions {
  readonly references: ReferencePort;
  readonly sent: SentMessagePort;
  readonly connector: BotConnector;
  readonly log: Logger;
  /** Default: Teams' limits (TEAMS_SEND_LIMITS). */
  readonly limits?: PaceLimits;
  readonly retry?: RetryPolicy;
  /** Messages in flight at once; the pacer, not this, sets the rate. Default 16. */
  readonly concurrency?: number;
  readonly clock?: SenderClock;
  readonly random?: () => number;
}

const realClock: SenderClock = { now: () => Date.now(), sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) };

type Delivery<T> = { ok: true; value: T; attempts: number } | { ok: false; failure: ConnectorFailure; attempts: number };

export function createProactiveSender(options: ProactiveSenderOptions): ProactiveSender {
  const clock = options.clock ?? realClock;
  const random = options.random ?? Math.random;
  const policy = options.retry ?? DEFAULT_RETRY_POLICY;
  const pacer = new SendPacer(options.limits ?? TEAMS_SEND_LIMITS, clock);
  const log = options.log.child({ component: 'proactive' });

  /** One connector call, paced and retried within the budget. */
  const deliver = async <T>(tenantId: TenantId, conversationId: string, call: () => Promise<T>, tally: { retries: number; throttled: number }): Promise<Delivery<T>> => {
    let attempts = 0;
    let waitedMs = 0;
    for (;;) {
      const slot = await pacer.acquire(tenantId, conversationId);
      attempts++;
      try {
        return { ok: true, value: await call(), attempts };
      } catch (error) {
        slot.done();
        const failure = error instanceof ConnectorFailure ? error : new ConnectorFailure(undefined, 'unknown', String(error));
        if (failure.status === 429) tally.throttled++;
        if (!failure.retryable || attempts >= policy.maxAttempts) return { ok: false, failure, attempts };
        const delay = retryDelay(policy, attempts, failure.retryAfterMs, random);
        if (waitedMs + delay > policy.maxWaitMs) return { ok: false, failure, attempts };
        waitedMs += delay;
        tally.retries++;
        // A 429 silences the whole conversation for the time asked; other errors only wait here.
        if (failure.status === 429) pacer.holdConversation(tenantId, conversationId, clock.now() + delay);
        else await clock.sleep(delay);
      } finally {
        slot.done();
      }
    }
  };

  const blockedNow = async (tenantId: TenantId, userId: UserId, failure: ConnectorFailure): Promise<void> => {
    await options.references.markBlocked(tenantId, userId, epochMs(clock.now()));
    log.info({ tenantId, userId, code: failure.code, subCode: failure.subCode }, 'person unreachable by the bot (blocked or removed it); marked blocked');
  };

  const sendOne = async (tenantId: TenantId, message: ProactiveMessage, prior: SentRecord | undefined, tally: { retries: number; throttled: number }): Promise<SendOutcome> => {
    const { userId, key } = message;
    if (prior) return { status: 'already-sent', userId, key, activityId: prior.activityId, conversationId: prior.conversationId };
    const reference = await options.references.get(tenantId, userId);
    if (!reference) return { status: 'unreachable', userId, key, reason: 'no-reference' };
    if (reference.blockedAt !== undefined) return { status: 'unreachable', userId, key, reason: 'blocked-earlier' };
    const result = await deliver(tenantId, reference.conversationId, () => options.connector.send(reference.serviceUrl, reference.conversationId, message.activity), tally);
    if (result.ok) {
      await options.sent.record(tenantId, { messageKey: key, userId, activityId: result.value.id, conversationId: reference.conversationId, sentAt: epochMs(clock.now()) });
      return { status: 'sent', userId, key, activityId: result.value.id, conversationId: reference.conversationId, attempts: result.attempts };
    }
    const { failure, attempts } = result;
    if (failure.personUnreachable) {
      await blockedNow(tenantId, userId, failure);
      return { status: 'blocked', userId, key, code: failure.subCode ?? failure.code, attempts };
    }
    log.warn({ tenantId, userId, key, status: failure.status, code: failure.code, attempts }, 'proactive message not delivered');
    return { status: 'failed', userId, key, code: failure.code, message: failure.message, httpStatus: failure.status, attempts };
  };

  const sender: ProactiveSender = {
    async sendAll(tenantId, messages) {
      const started = clock.now();
      const seen = new Set<string>();
      for (const m of messages) {
        const id = `${m.key}\u0000${m.userId}`;
        if (seen.has(id)) throw badInput(`the batch sends "${m.key}" to ${m.userId} twice`);
        seen.add(id);
      }
      // Who already has which key: one lookup per key instead of one per person.
      const prior = new Map<string, ReadonlyMap<UserId, SentRecord>>();
      for (const key of new Set(messages.map((m) => m.key))) {
        prior.set(key, await options.sent.findMany(tenantId, key, messages.filter((m) => m.key === key).map((m) => m.userId)));
      }
      const tally = { retries: 0, throttled: 0 };
      const outcomes: SendOutcome[] = new Array(messages.length);
      await runPool(messages.length, options.concurrency ?? 16, async (i) => {
        const message = messages[i]!;
        outcomes[i] = await sendOne(tenantId, message, prior.get(message.key)?.get(message.userId), tally);
      });
      const report: SendReport = { outcomes, counts: countOutcomes(outcomes), retries: tally.retries, throttled: tally.throttled, durationMs: clock.now() - started };
      log.info({ tenantId, messages: messages.length, ...report.counts, retries: report.retries, throttled: report.throttled, durationMs: report.durationMs }, 'proactive batch done');
      return report;
    },

    async send(tenantId, message) {
      return (await sender.sendAll(tenantId, [message])).outcomes[0]!;
    },

    async update(tenantId, userId, key, activity) {
      const record = await options.sent.find(tenantId, key, userId);
      if (!record) return { status: 'not-sent' };
      const reference = await options.references.get(tenantId, userId);
      if (!reference) return { status: 'unreachable', reason: 'no-reference' };
      if (reference.blockedAt !== undefined) return { status: 'unreachable', reason: 'blocked-earlier' };
      const tally = { retries: 0, throttled: 0 };
      const result = await deliver(
        tenantId,
        record.conversationId,
        () => options.connector.update(reference.serviceUrl, record.conversationId, record.activityId, activity),
        tally,
      );
      if (result.ok) return { status: 'updated', activityId: record.activityId, attempts: result.attempts };
      if (result.failure.personUnreachable) {
        await blockedNow(tenantId, userId, result.failure);
        return { status: 'blocked', code: result.failure.subCode ?? result.failure.code };
      }
      return { status: 'failed', code: result.failure.code, message: result.failure.message, httpStatus: result.failure.status, attempts: result.attempts };
    },
  };
  return sender;
}
