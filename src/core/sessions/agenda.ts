/**
 * The agenda a pair gets before each session: where they are in the series, the track's topic
 * for this session, their own backlog, two reflection questions and last session's open actions.
 */
import { badInput } from '../errors.ts';
import type { UserId } from '../ids.ts';
import type { EpochMs } from '../time.ts';
import type { ActionItem } from './action-items.ts';
import { DEFAULT_REFLECTION_QUESTIONS } from './reflection-questions.ts';
import type { PairId } from './session.ts';

/** A topic track of a program with its session-by-session plan. */
export interface Track {
  readonly name: string;
  /** Topic of session 1, 2, …; a series longer than the plan starts the plan again. */
  readonly sessionTopics: readonly string[];
  /** The track's own reflection questions; fewer than two means the defaults are used. */
  readonly reflectionQuestions: readonly string[];
}

/** Something a pair wants to cover, added by either side (shared with the pair by nature). */
export interface BacklogItem {
  readonly id: string;
  readonly text: string;
  readonly addedBy: UserId;
  readonly addedAt: EpochMs;
  readonly done: boolean;
}

export interface AgendaPair {
  readonly id: PairId;
  /** Sessions in the series (the N of "session n of N"). */
  readonly sessionCount: number;
}

export interface Agenda {
  readonly pairId: PairId;
  /** 1-based. */
  readonly sessionIndex: number;
  readonly sessionCount: number;
  readonly trackName: string | null;
  /** The track's topic for this session; `null` without a track. */
  readonly topic: string | null;
  /** Open backlog items, oldest first, at most `AGENDA_BACKLOG_LIMIT`. */
  readonly backlog: readonly BacklogItem[];
  /** Open backlog items left off the agenda. */
  readonly moreBacklog: number;
  readonly reflectionQuestions: readonly [string, string];
  /** Last session's open action items of everyone; filter with `actionsVisibleTo` per viewer. */
  readonly openActions: readonly ActionItem[];
}

/** Backlog items one agenda shows: a 45-minute session does not cover more. */
export const AGENDA_BACKLOG_LIMIT = 5;

/**
 * Builds the agenda of session `sessionIndex` (1-based). Deterministic: the same inputs always
 * give the same topic and questions, so a card re-rendered on refresh does not change under the
 * reader. Questions rotate by two each session from an offset taken from the pair id, so pairs in
 * one cohort do not all get the same two on the same week.
 * @throws UpwardError `bad_input` when `sessionIndex` is not within 1…`sessionCount`.
 */
export function agendaFor(
  pair: AgendaPair,
  sessionIndex: number,
  track: Track | null,
  backlog: readonly BacklogItem[],
  lastActions: readonly ActionItem[],
): Agenda {
  if (!Number.isInteger(sessionIndex) || sessionIndex < 1 || sessionIndex > pair.sessionCount) {
    throw badInput(`Session ${sessionIndex} is not in a series of ${pair.sessionCount}`, [
      { field: 'sessionIndex', message: `must be a whole number from 1 to ${pair.sessionCount}` },
    ]);
  }
  const open = backlog
    .filter((item) => !item.done)
    .map((item, position) => ({ item, position }))
    .sort((a, b) => a.item.addedAt - b.item.addedAt || a.position - b.position)
    .map(({ item }) => item);
  return {
    pairId: pair.id,
    sessionIndex,
    sessionCount: pair.sessionCount,
    trackName: track?.name ?? null,
    topic: sessionTopic(track, sessionIndex),
    backlog: open.slice(0, AGENDA_BACKLOG_LIMIT),
    moreBacklog: Math.max(0, open.length - AGENDA_BACKLOG_LIMIT),
    reflectionQuestions: pickQuestions(pair.id, sessionIndex, track),
    openActions: lastActions.filter((item) => !item.done),
  };
}

/**
 * The topic of session `sessionIndex` (1-based) of `track`: the plan's topic, the plan again
 * from its start for a longer series, the track's name without a plan, `null` without a track.
 */
export function sessionTopic(track: Track | null, sessionIndex: number): string | null {
  if (track === null) return null;
  const topics = track.sessionTopics.filter((t) => t.trim() !== '');
  return topics[(sessionIndex - 1) % Math.max(topics.length, 1)] ?? track.name;
}

function pickQuestions(pairId: PairId, sessionIndex: number, track: Track | null): readonly [string, string] {
  const own = [...new Set(track?.reflectionQuestions.map((q) => q.trim()).filter((q) => q !== '') ?? [])];
  const pool = own.length >= 2 ? own : DEFAULT_REFLECTION_QUESTIONS;
  const start = (fnv1a(pairId) + (sessionIndex - 1) * 2) % pool.length;
  return [pool[start] as string, pool[(start + 1) % pool.length] as string];
}

/** 32-bit FNV-1a: a stable, dependency-free spread of ids (not for security). */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
