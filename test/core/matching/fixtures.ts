/**
 * Builders for matching tests: a program, hand-made people, and seeded random cohorts that look
 * like an organisation (levels, departments, manager chains, zones, some exclusions).
 */
import { tenantId, userId, type UserId } from '../../../src/core/ids.ts';
import { neverShownDoNotPairWith, type Enrolment, type Role } from '../../../src/core/programs/enrolment.ts';
import { programId, type Program } from '../../../src/core/programs/program.ts';
import type { WeeklyInterval } from '../../../src/core/programs/working-week.ts';
import { epochMs, ianaZone } from '../../../src/core/time.ts';

export const TENANT = tenantId('tenant-1');
export const NOW = epochMs(Date.UTC(2025, 0, 6, 9));

export function makeProgram(overrides: Partial<Program> = {}): Program {
  return {
    id: programId('program-1'),
    tenantId: TENANT,
    name: 'Reverse Mentoring 2025',
    objectives: ['Leaders learn GenAI tools'],
    topicTracks: ['GenAI prompting', 'Social media', 'Gen Z at work', 'Board communication', 'Strategy'],
    cadence: 'biweekly',
    sessionMinutes: 45,
    term: { start: epochMs(Date.UTC(2025, 0, 1)), end: epochMs(Date.UTC(2025, 5, 30)) },
    organiser: 'mentee',
    capacityPerPerson: 1,
    rules: { minSeniorityGap: 1, allowTrios: false },
    rotationCycle: 1,
    state: 'matching',
    createdAt: NOW,
    updatedAt: NOW,
    stateChangedAt: NOW,
    ...overrides,
  };
}

const DAY = 24 * 60;

/** Monday–Friday from `startHour` to `endHour` local time, for a zone `offsetHours` ahead of UTC. */
export function officeHours(offsetHours: number, startHour = 9, endHour = 17): WeeklyInterval[] {
  const week = 7 * DAY;
  const intervals: WeeklyInterval[] = [];
  for (let day = 0; day < 5; day++) {
    let start = day * DAY + startHour * 60 - offsetHours * 60;
    let end = day * DAY + endHour * 60 - offsetHours * 60;
    start = ((start % week) + week) % week;
    end = start + (endHour - startHour) * 60;
    if (end <= week) intervals.push([start, end]);
    else intervals.push([start, week], [0, end - week]);
  }
  return intervals;
}

export interface PersonSpec {
  id: string;
  role: Role;
  name?: string;
  level?: number;
  department?: string;
  managerChain?: string[];
  hours?: WeeklyInterval[];
  canTeach?: string[];
  wantsToLearn?: string[];
  goals?: string[];
  languages?: string[];
  doNotPairWith?: string[];
  pausedUntil?: number | null;
  left?: { at: number; reason: string } | null;
}

export function person(spec: PersonSpec): Enrolment {
  return {
    tenantId: TENANT,
    programId: programId('program-1'),
    userId: userId(spec.id),
    role: spec.role,
    profile: {
      displayName: spec.name ?? spec.id,
      department: spec.department ?? (spec.role === 'mentor' ? 'Marketing' : 'Finance'),
      jobTitle: spec.role === 'mentor' ? 'Analyst' : 'Director',
      managerChain: (spec.managerChain ?? []).map(userId),
      seniorityLevel: spec.level ?? (spec.role === 'mentor' ? 2 : 6),
      timeZone: ianaZone('Europe/London'),
      weeklyWorkingMinutesUtc: spec.hours ?? officeHours(0),
    },
    canTeach: spec.canTeach ?? [],
    wantsToLearn: spec.wantsToLearn ?? [],
    goals: spec.goals ?? [],
    languages: spec.languages ?? ['English'],
    doNotPairWith: neverShownDoNotPairWith((spec.doNotPairWith ?? []).map(userId)),
    pausedUntil: spec.pausedUntil === undefined || spec.pausedUntil === null ? null : epochMs(spec.pausedUntil),
    left: spec.left ? { at: epochMs(spec.left.at), reason: spec.left.reason } : null,
    enrolledAt: NOW,
  };
}

/** Small deterministic PRNG (mulberry32) so cohorts are reproducible from a seed. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOPICS = [
  'GenAI prompting', 'Social media', 'Gen Z at work', 'Inclusion', 'Board communication', 'Strategy',
  'Negotiation', 'TikTok', 'Data literacy', 'Product thinking', 'Career navigation', 'Public speaking',
  'Budgeting', 'Remote work', 'Customer insight', 'Design thinking', 'Low-code tools', 'Cybersecurity basics',
  'Sustainability', 'Executive presence', 'Hiring', 'Storytelling', 'Podcasting', 'Gaming culture',
];
const GOALS = ['grow influence', 'learn AI', 'understand young customers', 'build network', 'lead change', 'get promoted'];
const DEPARTMENTS = ['Marketing', 'Finance', 'Engineering', 'Sales', 'HR', 'Legal', 'Operations', 'Research'];
const LANGUAGES = ['English', 'German', 'Hindi', 'Spanish', 'French'];
const OFFSETS = [-8, -5, 0, 1, 2, 5.5, 8, 9];

export interface CohortSpec {
  mentors: number;
  mentees: number;
  /** Chance a person asks not to be paired with one random other. */
  exclusionRate?: number;
  /** Spread of zone offsets; 1 uses all, smaller keeps people nearer UTC. */
  zoneSpread?: number;
}

/** A random cohort; ids are `mentor-i` and `mentee-j`. */
export function randomCohort(rng: () => number, spec: CohortSpec): Enrolment[] {
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
  const some = (items: readonly string[], max: number) => {
    const n = 1 + Math.floor(rng() * max);
    return [...new Set(Array.from({ length: n }, () => pick(items)))];
  };
  const spread = spec.zoneSpread ?? 1;
  const offsets = OFFSETS.slice(0, Math.max(1, Math.round(OFFSETS.length * spread)));
  const menteeIds = Array.from({ length: spec.mentees }, (_, j) => `mentee-${j}`);
  const everyone: PersonSpec[] = [];
  for (let i = 0; i < spec.mentors; i++) {
    everyone.push({ id: `mentor-${i}`, role: 'mentor', level: 1 + Math.floor(rng() * 4) });
  }
  for (let j = 0; j < spec.mentees; j++) {
    everyone.push({ id: menteeIds[j]!, role: 'mentee', level: 3 + Math.floor(rng() * 6) });
  }
  const allIds = everyone.map((p) => p.id);
  return everyone.map((p) => {
    const chainLength = Math.floor(rng() * 3);
    const managerChain = Array.from({ length: chainLength }, () => pick(menteeIds)).filter((id) => id !== p.id);
    const offset = pick(offsets);
    return person({
      ...p,
      name: p.id,
      department: pick(DEPARTMENTS),
      managerChain: spec.mentees > 0 ? managerChain : [],
      hours: officeHours(offset, 8 + Math.floor(rng() * 3), 16 + Math.floor(rng() * 3)),
      canTeach: some(TOPICS, 4),
      wantsToLearn: some(TOPICS, 4),
      goals: some(GOALS, 2),
      languages: some(LANGUAGES, 2),
      doNotPairWith: rng() < (spec.exclusionRate ?? 0.02) ? [pick(allIds)].filter((id) => id !== p.id) : [],
    });
  });
}

export const ids = (values: readonly string[]): UserId[] => values.map(userId);
