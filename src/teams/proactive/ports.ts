import type { TenantId, UserId } from '../../core/ids.ts';
import type { EpochMs } from '../../core/time.ts';
import type { ProactiveActivity } from './proactive-activity.ts';

/** Where the bot can reach a person (their stored conversation reference), as the sender needs it. */
export interface ProactiveReference {
  readonly userId: UserId;
  readonly conversationId: string;
  readonly serviceUrl: string;
  /** Set once the person blocked or removed the bot: nothing more is sent until they write to it. */
  readonly blockedAt: EpochMs | undefined;
}

/** The stored conversation references (the store's conversation-reference repository fits). */
export interface ReferencePort {
  get(tenantId: TenantId, userId: UserId): Promise<ProactiveReference | undefined>;
  markBlocked(tenantId: TenantId, userId: UserId, at: EpochMs): Promise<boolean>;
}

/** A message already sent to a person under a key. */
export interface SentRecord {
  readonly activityId: string;
  readonly conversationId: string;
}

/** A claim attempt's answer (see `SentMessagePort.claim`). */
export type SendClaim =
  | { readonly claimed: true; readonly claimId: string; readonly reclaimed: boolean }
  | { readonly claimed: false; readonly claimedAt: EpochMs };

/**
 * The log of sent messages that makes sends idempotent per key and person, with the claims that
 * keep two senders (two app instances, a timed job and an admin's "send it now") from sending one
 * message at the same moment. The store's sent-messages repository fits.
 */
export interface SentMessagePort {
  find(tenantId: TenantId, messageKey: string, userId: UserId): Promise<SentRecord | undefined>;
  findMany(tenantId: TenantId, messageKey: string, userIds: readonly UserId[]): Promise<ReadonlyMap<UserId, SentRecord>>;
  record(
    tenantId: TenantId,
    sent: { messageKey: string; userId: UserId; activityId: string; conversationId: string; sentAt: EpochMs },
  ): Promise<boolean>;
  /**
   * Claims sending `messageKey` to the person, durably and atomically across every instance on
   * the database, unless another sender holds a claim younger than `staleAfterMs`.
   */
  claim(tenantId: TenantId, messageKey: string, userId: UserId, staleAfterMs: number): Promise<SendClaim>;
  /** Gives a claim up (false when it was taken over meanwhile and is no longer the caller's). */
  release(tenantId: TenantId, messageKey: string, userId: UserId, claimId: string): Promise<boolean>;
}

/**
 * The Bot Connector at a conversation's serviceUrl. Failures are thrown as `ConnectorFailure`
 * (./connector-failure.ts) so that the sender can tell throttling from a blocked person.
 */
export interface BotConnector {
  send(serviceUrl: string, conversationId: string, activity: ProactiveActivity): Promise<{ readonly id: string }>;
  update(serviceUrl: string, conversationId: string, activityId: string, activity: ProactiveActivity): Promise<void>;
}

/** Time as the sender sees it (tests pass a fake clock). */
export interface SenderClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}
