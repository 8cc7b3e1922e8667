/**
 * Nobody is dropped silently: everyone the matcher could not pair gets a reason in words, built
 * from the rule each candidate on the other side broke. Candidates excluded by a private
 * do-not-pair list are counted together with paused people as "not available", so the reason
 * never shows that a list exists, let alone whose.
 */
import type { Enrolment, Role } from '../programs/enrolment.ts';
import type { Program } from '../programs/program.ts';
import { requiredGap } from './hard-constraints.ts';
import type { Unmatched } from './proposal.ts';
import { CELL_RULES, type ScoreMatrix } from './score-matrix.ts';
import { count, formatMinutes, joinList } from './wording.ts';

export interface UnmatchedInput {
  readonly matrix: ScoreMatrix;
  /** Partners per mentor / mentee after matching (kept pairs included), indexed like the matrix. */
  readonly mentorPartners: Int32Array;
  readonly menteePartners: Int32Array;
  /** People of each role who are enrolled but paused right now. */
  readonly pausedMentors: number;
  readonly pausedMentees: number;
  readonly program: Program;
}

/** One entry per available person left with no partner at all. */
export function explainUnmatched(input: UnmatchedInput): Unmatched[] {
  const { matrix, mentorPartners, menteePartners } = input;
  const rows = matrix.mentors.length;
  const cols = matrix.mentees.length;
  const result: Unmatched[] = [];
  for (let m = 0; m < rows; m++) {
    if (mentorPartners[m]! > 0) continue;
    const tally = tallyCandidates(matrix.rule, m * cols, 1, cols, menteePartners, input.program.capacityPerPerson);
    result.push(entry(matrix.mentors[m]!, tally, input.pausedMentees, input.program));
  }
  for (let e = 0; e < cols; e++) {
    if (menteePartners[e]! > 0) continue;
    const tally = tallyCandidates(matrix.rule, e, cols, rows, mentorPartners, input.program.capacityPerPerson);
    result.push(entry(matrix.mentees[e]!, tally, input.pausedMentors, input.program));
  }
  return result;
}

/** Candidates per broken rule (by code) along one row or column; `full` counts eligible ones at capacity. */
interface Tally {
  readonly byRule: Int32Array;
  readonly candidates: number;
  readonly eligible: number;
  readonly full: number;
}

function tallyCandidates(
  rules: Uint8Array,
  start: number,
  stride: number,
  length: number,
  partnersOfCandidate: Int32Array,
  capacity: number,
): Tally {
  const byRule = new Int32Array(CELL_RULES.length);
  let eligible = 0;
  let full = 0;
  for (let k = 0; k < length; k++) {
    const code = rules[start + k * stride]!;
    if (code !== 0) {
      byRule[code] = byRule[code]! + 1;
      continue;
    }
    eligible++;
    if (partnersOfCandidate[k]! >= capacity) full++;
  }
  return { byRule, candidates: length, eligible, full };
}

function entry(person: Enrolment, tally: Tally, pausedCandidates: number, program: Program): Unmatched {
  const other: Role = person.role === 'mentor' ? 'mentee' : 'mentor';
  const name = person.profile.displayName;
  const total = tally.candidates + pausedCandidates;
  if (total === 0) {
    return { userId: person.userId, role: person.role, reason: `No ${other}s are enrolled in this program yet` };
  }
  const counts = new Map<string, number>();
  CELL_RULES.forEach((rule, code) => {
    const n = tally.byRule[code]!;
    if (rule === null || n === 0) return;
    const bucket = rule === 'not_available' ? 'unavailable' : rule;
    counts.set(bucket, (counts.get(bucket) ?? 0) + n);
  });
  if (tally.full > 0) counts.set('full', tally.full);
  if (pausedCandidates > 0) counts.set('unavailable', (counts.get('unavailable') ?? 0) + pausedCandidates);
  const gap = count(requiredGap(program.rules.minSeniorityGap), 'level');
  const phrases: Record<string, (n: number) => string> = {
    management_chain: (n) => `${n} ${be(n)} in one management chain with ${name}`,
    seniority_gap: (n) =>
      `${n} ${be(n)} not ${other === 'mentee' ? 'senior' : 'junior'} enough (the program needs a gap of at least ${gap})`,
    working_hours: (n) =>
      `${n} ${n === 1 ? 'shares' : 'share'} less than ${formatMinutes(program.sessionMinutes)} of working hours in a row with ${name}`,
    met_before: (n) => `${n} ${n === 1 ? 'has' : 'have'} already been paired with ${name}`,
    rejected_in_review: (n) => `${n} ${n === 1 ? 'was' : 'were'} removed as ${name}'s partner during review`,
    already_paired: (n) => `${n} ${be(n)} already paired with ${name}`,
    full: (n) => `${n} ${be(n)} already paired up to the program's capacity`,
    unavailable: (n) => `${n} ${be(n)} not available`,
  };
  const parts = Object.keys(phrases)
    .filter((bucket) => counts.has(bucket))
    .map((bucket) => phrases[bucket]!(counts.get(bucket)!));
  const headline = tally.eligible > 0 ? `No free ${other} for ${name}` : `No eligible ${other} for ${name}`;
  return { userId: person.userId, role: person.role, reason: `${headline}: of ${count(total, other)}, ${joinList(parts)}` };
}

const be = (n: number): string => (n === 1 ? 'is' : 'are');
