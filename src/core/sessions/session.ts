/**
 * One meeting of a pair, as the session rules see it. Values only: the store and the calendar
 * are elsewhere; every rule here takes sessions (and `now`) as arguments.
 */
import type { Brand, UserId } from '../ids.ts';
import type { EpochMs } from '../time.ts';

/** Upward's id of one pair (not a directory id, so it gets its own brand). */
export type PairId = Brand<string, 'PairId'>;
/** Upward's id of one session of a pair's series. */
export type SessionId = Brand<string, 'SessionId'>;

export const pairId = (value: string): PairId => value as PairId;
export const sessionId = (value: string): SessionId => value as SessionId;

/**
 * How a session went, as far as Upward knows: `held`; `missed` (someone said it did not happen
 * because a side did not come); `rescheduled` (moved, so neither held nor missed); `cancelled`
 * (taken out of the series, e.g. by a pause); `unknown` (nobody has said yet).
 */
export const SESSION_OUTCOMES = ['held', 'missed', 'rescheduled', 'cancelled', 'unknown'] as const;
export type SessionOutcome = (typeof SESSION_OUTCOMES)[number];

export interface Session {
  readonly id: SessionId;
  readonly pairId: PairId;
  /** 1 for the pair's first session. */
  readonly index: number;
  /** Scheduled start and end, UTC epoch ms. */
  readonly start: EpochMs;
  readonly end: EpochMs;
  /** Everyone in the pair (two people, three for a trio). */
  readonly people: readonly UserId[];
  /** True once the session was taken out of the series (pause, exit, cancellation). */
  readonly cancelled?: boolean;
}

/** A session with what is known about how it went (see `withOutcomes`). */
export interface SessionWithOutcome extends Session {
  readonly outcome: SessionOutcome;
}

/** Sessions grouped by pair, each group sorted by start (then index), input order otherwise kept. */
export function sessionsByPair<S extends Session>(sessions: readonly S[]): Map<PairId, S[]> {
  const byPair = new Map<PairId, S[]>();
  for (const session of sessions) {
    const list = byPair.get(session.pairId);
    if (list) list.push(session);
    else byPair.set(session.pairId, [session]);
  }
  for (const list of byPair.values()) list.sort((a, b) => a.start - b.start || a.index - b.index);
  return byPair;
}

/** The first session of the same pair that starts after `session` and is not cancelled, if any. */
export function nextSessionOf<S extends Session>(session: Session, samePair: readonly S[]): S | undefined {
  let best: S | undefined;
  for (const other of samePair) {
    if (other.pairId !== session.pairId || other.id === session.id || other.cancelled) continue;
    if (other.start <= session.start) continue;
    if (best === undefined || other.start < best.start) best = other;
  }
  return best;
}
