/**
 * Scores every mentor against every mentee of a cohort in one pass, fast enough for thousands of
 * people: topics, goals and languages become bitsets over ids assigned once; working hours are
 * grouped into patterns whose shared stretch is computed once per pair of patterns; chains,
 * exclusions and history are sparse and applied as a second pass over just their cells. The
 * dense loop does no string work, no allocation and no set lookups.
 *
 * The first broken hard rule is recorded per cell, in the same order as `whyNotPaired`, so
 * unmatched people can be told why without checking again.
 */
import type { UserId } from '../ids.ts';
import type { Enrolment } from '../programs/enrolment.ts';
import { tagKey } from '../programs/topics.ts';
import { requiredGap, type HardRule } from './hard-constraints.ts';
import type { MetHistory } from './history.ts';
import type { PairRef } from './proposal.ts';
import { hoursPoints, WEIGHTS } from './soft-score.ts';
import { longestSharedStretch, workingTimeline, type WorkingTimeline } from './working-hours.ts';

/** Cell value of a pair a hard constraint forbids. */
export const FORBIDDEN = -1;

/** Rule per code stored in {@link ScoreMatrix.rule}, in checking order; code 0 means feasible. */
export const CELL_RULES: readonly (HardRule | null)[] = [
  null,
  'management_chain',
  'seniority_gap',
  'working_hours',
  'met_before',
  'rejected_in_review',
  'already_paired',
  'not_available',
];
const CHAIN = 1;
const GAP = 2;
const HOURS = 3;
const MET = 4;
const REJECTED = 5;
const ALREADY_PAIRED = 6;
const EXCLUDED = 7;

export interface ScoreMatrix {
  readonly mentors: readonly Enrolment[];
  readonly mentees: readonly Enrolment[];
  /** `score[m * mentees.length + e]`: soft score, or {@link FORBIDDEN}. */
  readonly score: Int32Array;
  /** `rule[m * mentees.length + e]`: index into {@link CELL_RULES} of the first broken rule. */
  readonly rule: Uint8Array;
}

export interface ScoreMatrixInput {
  readonly mentors: readonly Enrolment[];
  readonly mentees: readonly Enrolment[];
  readonly minSeniorityGap: number;
  readonly sessionMinutes: number;
  readonly history: MetHistory;
  readonly rejected: readonly PairRef[];
  /** Pairs that exist already (kept pairs); with capacity above 1 they must not be doubled. */
  readonly alreadyPaired: readonly PairRef[];
}

/** Scores all mentor × mentee cells. */
export function buildScoreMatrix(input: ScoreMatrixInput): ScoreMatrix {
  const { mentors, mentees, sessionMinutes } = input;
  const rows = mentors.length;
  const cols = mentees.length;
  const people = [...mentors, ...mentees];
  const score = new Int32Array(rows * cols);
  const rule = new Uint8Array(rows * cols);

  const topics = bitsets(people, (p) => [p.canTeach, p.wantsToLearn]);
  const goals = bitsets(people, (p) => [p.goals]);
  const languages = bitsets(people, (p) => [p.languages]);
  const departments = departmentIds(people);
  const levels = Int32Array.from(people, (p) => p.profile.seniorityLevel);
  const mentorHours = hourPatterns(mentors);
  const menteeHours = hourPatterns(mentees);
  const menteePatterns = menteeHours.timelines.length;
  // Shared stretch per (mentor pattern, mentee pattern), filled on first use; -1 = not yet.
  const sharedCache = new Int32Array(mentorHours.timelines.length * menteePatterns).fill(-1);

  const gap = requiredGap(input.minSeniorityGap);
  const tw = topics.words;
  const gw = goals.words;
  const lw = languages.words;
  const cap = WEIGHTS.topicsCounted;
  const goalCap = WEIGHTS.goalsCounted;

  for (let m = 0; m < rows; m++) {
    const mLevel = levels[m]!;
    const mDepartment = departments[m]!;
    const cacheRow = mentorHours.group[m]! * menteePatterns;
    const mTimeline = mentorHours.timelines[mentorHours.group[m]!]!;
    for (let e = 0; e < cols; e++) {
      const cell = m * cols + e;
      const p = rows + e;
      if (levels[p]! - mLevel < gap) {
        rule[cell] = GAP;
        score[cell] = FORBIDDEN;
        continue;
      }
      const slot = cacheRow + menteeHours.group[e]!;
      let shared = sharedCache[slot]!;
      if (shared < 0) {
        shared = longestSharedStretch(mTimeline, menteeHours.timelines[menteeHours.group[e]!]!);
        sharedCache[slot] = shared;
      }
      if (shared < sessionMinutes) {
        rule[cell] = HOURS;
        score[cell] = FORBIDDEN;
        continue;
      }
      // Topics: teach bits are the first `tw` words of a person's block, learn bits the next.
      let forward = 0;
      let back = 0;
      const mBase = m * 2 * tw;
      const pBase = p * 2 * tw;
      for (let w = 0; w < tw; w++) {
        forward += popcount(topics.bits[mBase + w]! & topics.bits[pBase + tw + w]!);
        back += popcount(topics.bits[pBase + w]! & topics.bits[mBase + tw + w]!);
      }
      let sharedGoals = 0;
      for (let w = 0; w < gw; w++) sharedGoals += popcount(goals.bits[m * gw + w]! & goals.bits[p * gw + w]!);
      let sharedLanguage = 0;
      for (let w = 0; w < lw; w++) sharedLanguage |= languages.bits[m * lw + w]! & languages.bits[p * lw + w]!;
      const pDepartment = departments[p]!;
      score[cell] =
        (forward < cap ? forward : cap) * WEIGHTS.teachForwardPerTopic +
        (back < cap ? back : cap) * WEIGHTS.teachBackPerTopic +
        (forward > 0 && back > 0 ? WEIGHTS.reciprocity : 0) +
        (sharedGoals < goalCap ? sharedGoals : goalCap) * WEIGHTS.sharedGoalPerGoal +
        (mDepartment >= 0 && pDepartment >= 0 && mDepartment !== pDepartment ? WEIGHTS.differentDepartments : 0) +
        (sharedLanguage !== 0 ? WEIGHTS.sharedLanguage : 0) +
        hoursPoints(shared, sessionMinutes);
    }
  }

  // Sparse rules. Those checked after working hours only claim cells that are still feasible,
  // in checking order, so the earliest rule wins; the management chain is checked first of all,
  // so it overrides whatever the dense pass found.
  const cells = sparseCells(mentors, mentees);
  const claim = (cellList: Iterable<number>, code: number, override: boolean) => {
    for (const cell of cellList) {
      if (!override && rule[cell] !== 0) continue;
      rule[cell] = code;
      score[cell] = FORBIDDEN;
    }
  };
  claim(cells(input.history.map((met) => [met.mentorId, met.menteeId])), MET, false);
  claim(cells(input.rejected.map((ref) => [ref.mentorId, ref.menteeId])), REJECTED, false);
  claim(cells(input.alreadyPaired.map((ref) => [ref.mentorId, ref.menteeId])), ALREADY_PAIRED, false);
  claim(cells(people.flatMap((p) => p.doNotPairWith.map((other) => [p.userId, other]))), EXCLUDED, false);
  claim(cells(people.flatMap((p) => p.profile.managerChain.map((boss) => [p.userId, boss]))), CHAIN, true);
  return { mentors, mentees, score, rule };
}

/**
 * Turns id pairs (in either order) into matrix cells of a mentor with a mentee; pairs of two
 * mentors, two mentees, or people outside the cohort have no cell and are skipped.
 */
function sparseCells(mentors: readonly Enrolment[], mentees: readonly Enrolment[]) {
  const mentorIndex = new Map<UserId, number>(mentors.map((person, index) => [person.userId, index]));
  const menteeIndex = new Map<UserId, number>(mentees.map((person, index) => [person.userId, index]));
  return (pairs: ReadonlyArray<readonly [UserId, UserId]>): Set<number> => {
    const cells = new Set<number>();
    for (const [a, b] of pairs) {
      const m = mentorIndex.get(a) ?? mentorIndex.get(b);
      const e = menteeIndex.get(b) ?? menteeIndex.get(a);
      if (m !== undefined && e !== undefined) cells.add(m * mentees.length + e);
    }
    return cells;
  };
}

/**
 * Working hours grouped by pattern: most people share one of a few (same zone, same office
 * hours), so the shared stretch is computed once per pair of patterns.
 */
function hourPatterns(people: readonly Enrolment[]) {
  const patterns = new Map<string, number>();
  const timelines: WorkingTimeline[] = [];
  const group = Int32Array.from(people, (person) => {
    const timeline = workingTimeline(person.profile.weeklyWorkingMinutesUtc);
    const signature = timeline.join(',');
    let id = patterns.get(signature);
    if (id === undefined) {
      patterns.set(signature, (id = timelines.length));
      timelines.push(timeline);
    }
    return id;
  });
  return { timelines, group };
}

/** Bit count of a 32-bit word (SWAR). */
function popcount(word: number): number {
  let v = word - ((word >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/**
 * One bitset per person per list (e.g. teach, learn), over a vocabulary of tag keys shared by
 * all lists, laid out person-major: person p's list k occupies words [(p·lists + k)·words, …).
 */
function bitsets(people: readonly Enrolment[], listsOf: (person: Enrolment) => readonly (readonly string[])[]) {
  const ids = new Map<string, number>();
  const keyed = people.map((person) =>
    listsOf(person).map((list) =>
      list.map((tag) => {
        const key = tagKey(tag);
        let id = ids.get(key);
        if (id === undefined) ids.set(key, (id = ids.size));
        return id;
      }),
    ),
  );
  const lists = keyed[0]?.length ?? 1;
  const words = Math.max(1, Math.ceil(ids.size / 32));
  const bits = new Uint32Array(people.length * lists * words);
  keyed.forEach((personLists, p) =>
    personLists.forEach((list, k) => {
      for (const id of list) bits[(p * lists + k) * words + (id >>> 5)]! |= 1 << (id & 31);
    }),
  );
  return { bits, words };
}

/** Department per person as a small id (by key), -1 when the directory has none. */
function departmentIds(people: readonly Enrolment[]): Int32Array {
  const ids = new Map<string, number>();
  return Int32Array.from(people, (person) => {
    const key = tagKey(person.profile.department);
    if (key === '') return -1;
    let id = ids.get(key);
    if (id === undefined) ids.set(key, (id = ids.size));
    return id;
  });
}
