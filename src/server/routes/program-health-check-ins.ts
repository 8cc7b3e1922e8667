/**
 * Pairs whose last two sessions in a row did not take place, and so were sent the private
 * check-in (src/engagement plans it from the same rule: the core's `missedStreaks`), with what
 * the program team may know of the answers: how many of the pair answered and which answers were
 * given — never who gave which, and never to anyone but the program's admins. Pure: rows in.
 */
import { missedStreaks } from '../../core/feedback/missed-streaks.ts';
import type { Happened } from '../../core/feedback/feedback.ts';
import type { UserId } from '../../core/ids.ts';
import { withOutcomes } from '../../core/sessions/outcome.ts';
import { pairId as toPairId, sessionId as toSessionId, type Session } from '../../core/sessions/session.ts';
import { epochMs } from '../../core/time.ts';

/** One person's "did it happen" on one session: the only part of feedback read here. */
export interface SessionReport {
  readonly pairId: string;
  readonly sessionId: string;
  /** When the session was scheduled to end (UTC epoch ms); orders a pair's sessions. */
  readonly sessionEnd: number;
  readonly happened: Happened;
}

/** One stored check-in answer. */
export interface CheckInReply {
  readonly pairId: string;
  readonly streakKey: string;
  readonly userId: string;
  readonly choice: string;
}

/** A pair's latest check-in and what the program team may know of its answers. */
export interface PairCheckIn {
  readonly pairId: string;
  /** The core's `MissedStreak` key the check-in was sent under. */
  readonly streakKey: string;
  /** When the second missed session in a row was scheduled to end (UTC epoch ms). */
  readonly since: number;
  /** How many of the pair's people answered. */
  readonly answered: number;
  /** The answers given, each once, in no particular person's order. */
  readonly choices: readonly string[];
}

/** The latest check-in of every pair that has one. */
export function pairCheckIns(reports: readonly SessionReport[], replies: readonly CheckInReply[]): PairCheckIn[] {
  const sessions = new Map<string, Session>();
  for (const r of reports) {
    if (!sessions.has(r.sessionId)) {
      const at = epochMs(r.sessionEnd);
      sessions.set(r.sessionId, { id: toSessionId(r.sessionId), pairId: toPairId(r.pairId), index: 0, start: at, end: at, people: [] as UserId[] });
    }
  }
  const outcomes = withOutcomes([...sessions.values()], reports.map((r) => ({ sessionId: toSessionId(r.sessionId), happened: r.happened })));
  const latest = new Map<string, { key: string; since: number }>();
  for (const streak of missedStreaks(outcomes)) {
    const since = sessions.get(streak.sessionIds[1] ?? streak.sessionIds[0]!)!.end;
    const known = latest.get(streak.pairId);
    if (known === undefined || since > known.since) latest.set(streak.pairId, { key: streak.key, since });
  }
  return [...latest].map(([pairId, { key, since }]) => {
    const mine = replies.filter((r) => r.pairId === pairId && r.streakKey === key);
    return {
      pairId,
      streakKey: key,
      since,
      answered: new Set(mine.map((r) => r.userId.toLowerCase())).size,
      choices: [...new Set(mine.map((r) => r.choice))].sort(),
    };
  });
}
