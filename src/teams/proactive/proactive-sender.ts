import type { Logger } from 'pino';
import { badInput } from '../../core/errors.ts';
import type { TenantId, UserId } from '../../core/ids.ts';
import { epochMs, MINUTE_MS } from '../../core/time.ts';
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

/**
 * How old another sender's claim on a message must be before this one takes it over: the claim
 * of a sender that died mid-send. Ten minutes is well past the longest a live sender holds one —
 * it starts no attempt after `CLAIM_STALE_AFTER_MS / 2` (the default retry budget, 2 minutes of
 * waits plus six connector calls of at most 30 s each, fits in those 5 minutes), and its last
 * call then has 5 more minutes to answer — so a live sender's claim is never taken from it. And
 * it is short enough that the timed job retrying after a crash (its attempt expires after 5
 * minutes, retries come every 2) reaches the message within its retries.
 *
 * Taking over is a choice between twice and never. A sender that dies after Teams accepted the
 * message but before it recorded it leaves a claim and no record; whoever takes the stale claim
 * over sends again, and that person gets the card twice. A claim that never expired would
 * instead lose the message for good after any crash mid-send — including the far likelier
 * crashes before the connector call (the claim is held through pacing and retries, the accepted-
 * but-unrecorded window is one database write). Upward takes over: a rare duplicate agenda is a
 * nuisance, a missing one is a session without an agenda and a feedback request that never comes.
 */
export const CLAIM_STALE_AFTER_MS = 10 * MINUTE_MS;

/** Sends proactive messages through the Bot Connector within Teams' limits. */
export interface ProactiveSender {
  /**
   * Sends every message, paced per conversation and per tenant, retrying 412/429/502/503/504 and
   * lost connections within the retry budget (honouring Retry-After). A person who blocked the
   * bot (403) is marked blocked and the batch goes on. Each message is claimed in the store
   * before it is sent, so of several senders on one database (app instances, a timed job and an
   * admin's "send it now") only one delivers it; the others answer `in-progress`, or
   * `already-sent` once it is recorded. Throws only when the store fails.
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
  /** Default CLAIM_STALE_AFTER_MS; no attempt starts after holding a claim half this long. */
  readonly claimStaleAfterMs?: number;
}

const realClock: SenderClock = { now: () => Date.now(), sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) };

type Delivery<T> = { ok: true; value: T; attempts: number } | { ok: false; failure: ConnectorFailure; attempts: number };

export function createProactiveSender(options: ProactiveSenderOptions): ProactiveSender {
  const clock = options.clock ?? realClock;
  const random = options.random ?? Math.random;
  const policy = options.retry ?? DEFAULT_RETRY_POLICY;
  const pacer = new SendPacer(options.limits ?? TEAMS_SEND_LIMITS, clock);
  const log = options.log.child({ component: 'proactive' });
  const staleAfterMs = options.claimStaleAfterMs ?? CLAIM_STALE_AFTER_MS;

  /**
   * One connector call, paced and retried within the budget; with `startBy` (a claim's hold
   * limit), no attempt starts after it, so the claim cannot go stale while this still sends.
   */
  const deliver = async <T>(
    tenantId: TenantId,
    conversationId: string,
    call: () => Promise<T>,
    tally: { retries: number; throttled: number },
    startBy?: number,
  ): Promise<Delivery<T>> => {
    let attempts = 0;
    let waitedMs = 0;
    for (;;) {
      const slot = await pacer.acquire(tenantId, conversationId);
      if (startBy !== undefined && clock.now() > startBy) {
        slot.done();
        const failure = new ConnectorFailure(undefined, 'claim-expiring', 'held the send claim too long (pacing and retries); left for a later try');
        return { ok: false, failure, attempts };
      }
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

  const alreadySent = (message: ProactiveMessage, record: SentRecord): SendOutcome => ({
    status: 'already-sent',
    userId: message.userId,
    key: message.key,
    activityId: record.activityId,
    conversationId: record.conversationId,
  });

  const sendOne = async (tenantId: TenantId, message: ProactiveMessage, prior: SentRecord | undefined, tally: { retries: number; throttled: number }): Promise<SendOutcome> => {
    const { userId, key } = message;
    if (prior) return alreadySent(message, prior);
    const reference = await options.references.get(tenantId, userId);
    if (!reference) return { status: 'unreachable', userId, key, reason: 'no-reference' };
    if (reference.blockedAt !== undefined) return { status: 'unreachable', userId, key, reason: 'blocked-earlier' };

    const claim = await options.sent.claim(tenantId, key, userId, staleAfterMs);
    if (!claim.claimed) return { status: 'in-progress', userId, key, claimedAt: claim.claimedAt };
    const heldSince = clock.now();
    // Kept only when the message went out but could not be recorded: it then goes stale and is
    // sent again (see CLAIM_STALE_AFTER_MS), rather than freed for an immediate second send.
    let keepClaim = false;
    try {
      // Checked again under the claim: another sender may have sent, recorded and released it
      // since the batch looked (a record always commits before its sender's release).
      const earlier = await options.sent.find(tenantId, key, userId);
      if (earlier) return alreadySent(message, earlier);
      if (claim.reclaimed) log.warn({ tenantId, userId, key }, 'took over a stale send claim (a sender died mid-send); if it died after Teams took the message, the person gets it twice');

      const send = () => options.connector.send(reference.serviceUrl, reference.conversationId, message.activity);
      const result = await deliver(tenantId, reference.conversationId, send, tally, heldSince + staleAfterMs / 2);
      if (result.ok) {
        keepClaim = true;
        await options.sent.record(tenantId, { messageKey: key, userId, activityId: result.value.id, conversationId: reference.conversationId, sentAt: epochMs(clock.now()) });
        keepClaim = false;
        return { status: 'sent', userId, key, activityId: result.value.id, conversationId: reference.conversationId, attempts: result.attempts };
      }
      return await undelivered(tenantId, message, result.failure, result.attempts);
    } finally {
      // A failed or blocked send frees the message for a later try (the job's retry, the person
      // unblocking), as before there were claims.
      if (!keepClaim) await options.sent.release(tenantId, key, userId, claim.claimId);
    }
  };

  const undelivered = async (tenantId: TenantId, message: ProactiveMessage, failure: ConnectorFailure, attempts: number): Promise<SendOutcome> => {
    const { userId, key } = message;
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
