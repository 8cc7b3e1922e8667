/**
 * Two missed sessions in a row: a private check-in to each side and a flag for the program team.
 * Nobody is told who missed: a missed session is the pair's, not one person's fault.
 */
import type { UserId } from '../ids.ts';
import { sessionsByPair, type PairId, type SessionId, type SessionWithOutcome } from '../sessions/session.ts';

/** Missed sessions in a row that call for a check-in. */
export const MISSED_STREAK_LENGTH = 2;

export interface CheckIn {
  /** Exactly-once key of the job that sends it. */
  readonly key: string;
  readonly pairId: PairId;
  readonly userId: UserId;
}

export interface AdminFlag {
  readonly key: string;
  readonly pairId: PairId;
  readonly reason: 'missed-sessions-in-a-row';
  /** The missed sessions; never who said what about them. */
  readonly sessionIds: readonly SessionId[];
}

export interface MissedStreak {
  /** Stable for the whole run: it is named after the session that made the run reach two. */
  readonly key: string;
  readonly pairId: PairId;
  readonly sessionIds: readonly SessionId[];
  /** One for each person in the pair, the same for both. */
  readonly checkIns: readonly CheckIn[];
  readonly adminFlag: AdminFlag;
}

/**
 * Every run of `MISSED_STREAK_LENGTH` or more consecutive missed sessions of a pair. Held sessions
 * end a run; rescheduled, cancelled and unknown ones (nobody answered yet) neither count nor end
 * it, since they say nothing about whether the pair meets. A run that grows keeps its key, so it
 * causes one round of check-ins, not one per further miss.
 */
export function missedStreaks(sessions: readonly SessionWithOutcome[]): MissedStreak[] {
  const streaks: MissedStreak[] = [];
  for (const [pairId, pairSessions] of sessionsByPair(sessions)) {
    let run: SessionWithOutcome[] = [];
    const close = (): void => {
      if (run.length >= MISSED_STREAK_LENGTH) streaks.push(streakOf(pairId, run));
      run = [];
    };
    for (const session of pairSessions) {
      if (session.outcome === 'missed') run.push(session);
      else if (session.outcome === 'held') close();
    }
    close();
  }
  return streaks;
}

function streakOf(pairId: PairId, run: readonly SessionWithOutcome[]): MissedStreak {
  const trigger = run[MISSED_STREAK_LENGTH - 1]!;
  const key = `missed-streak:${pairId}:${trigger.id}`;
  const people = [...new Set(run.flatMap((session) => session.people))];
  const sessionIds = run.map((session) => session.id);
  return {
    key,
    pairId,
    sessionIds,
    checkIns: people.map((userId) => ({ key: `${key}:check-in:${userId}`, pairId, userId })),
    adminFlag: { key: `${key}:admin`, pairId, reason: 'missed-sessions-in-a-row', sessionIds },
  };
}
