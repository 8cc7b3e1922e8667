/**
 * A manager's participation summary: counts of their org only, never who said what, never one
 * named person's rating. Any group (the whole org, a department) smaller than the privacy minimum
 * shows no figures at all, only why — a count of 2 in a department of 3 names people.
 */
import type { Count, ParticipationGroup, ParticipationSummary } from '../../contracts/participation.ts';

/** A person in the manager's org, as the directory describes them. */
export interface OrgPerson {
  readonly id: string;
  readonly department: string;
}

/** What Upward knows about one person's taking part, as instants (UTC epoch ms). */
export interface PersonFacts {
  readonly userId: string;
  /** When they first enrolled in any program and have not left it; null when not enrolled. */
  readonly enrolledAt: number | null;
  /** When their first running pair was published; null when not paired. */
  readonly pairedAt: number | null;
  /** Instants of the sessions they held. */
  readonly sessionsHeld: readonly number[];
}

/** The product's privacy minimum: no aggregate for a group under five people. */
export const MIN_GROUP_SIZE = 5;
const MONTHS = 12;

const monthOf = (at: number): string => new Date(at).toISOString().slice(0, 7);

function group(label: string, people: readonly OrgPerson[], facts: ReadonlyMap<string, PersonFacts>, min: number): ParticipationGroup {
  if (people.length < min) {
    const reason = `Fewer than ${min} people: figures are hidden to protect privacy`;
    const hidden: Count = { shown: false, reason };
    return { label, people: hidden, enrolled: hidden, paired: hidden, sessionsHeld: hidden };
  }
  let enrolled = 0;
  let paired = 0;
  let sessions = 0;
  for (const person of people) {
    const f = facts.get(person.id);
    if (f === undefined) continue;
    if (f.enrolledAt !== null) enrolled += 1;
    if (f.pairedAt !== null) paired += 1;
    sessions += f.sessionsHeld.length;
  }
  const shown = (value: number): Count => ({ shown: true, value });
  return { label, people: shown(people.length), enrolled: shown(enrolled), paired: shown(paired), sessionsHeld: shown(sessions) };
}

/** The last {@link MONTHS} months up to `now`, oldest first, as `YYYY-MM`. */
function lastMonths(now: number): string[] {
  const d = new Date(now);
  const out: string[] = [];
  for (let i = MONTHS - 1; i >= 0; i -= 1) out.push(monthOf(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - i, 1)));
  return out;
}

/**
 * Departments under the minimum go into one "Other departments" group. While that group is
 * itself under the minimum, the smallest department still shown joins it too: otherwise the
 * organisation's totals minus the departments shown would give the small group's figures anyway
 * (an org of 8 with Engineering 6 shown leaves 2 people whose count anyone can work out).
 */
export function foldSmallDepartments<P>(departments: ReadonlyMap<string, readonly P[]>, min: number): { shown: Array<[string, readonly P[]]>; folded: P[] } {
  const bySize = [...departments].sort(([a, x], [b, y]) => x.length - y.length || a.localeCompare(b));
  const shown = bySize.filter(([, members]) => members.length >= min);
  const folded = bySize.filter(([, members]) => members.length < min).flatMap(([, members]) => members);
  while (folded.length > 0 && folded.length < min && shown.length > 0) folded.push(...shown.shift()![1]);
  return { shown: shown.sort(([a], [b]) => a.localeCompare(b)), folded };
}

/**
 * The summary of `people` (the manager's transitive reports). Small departments are folded into
 * "Other departments" (see {@link foldSmallDepartments}), so no group under the minimum has
 * figures, not even by subtraction. The trend is cumulative per month and only shown when the
 * whole org is large enough.
 */
export function summariseParticipation(people: readonly OrgPerson[], facts: readonly PersonFacts[], now: number, min = MIN_GROUP_SIZE): ParticipationSummary {
  const byId = new Map(facts.map((f) => [f.userId, f]));
  const departments = new Map<string, OrgPerson[]>();
  for (const person of people) {
    const name = person.department.trim() === '' ? 'No department' : person.department;
    const members = departments.get(name);
    if (members) members.push(person);
    else departments.set(name, [person]);
  }
  const { shown: large, folded } = foldSmallDepartments(departments, min);
  const byDepartment = large.map(([name, members]) => group(name, members, byId, min));
  if (folded.length > 0) byDepartment.push(group('Other departments', folded, byId, min));

  const orgShown = people.length >= min;
  // Each person's months are worked out once; the twelve monthly totals are then plain counts.
  const members = people.map((p) => byId.get(p.id)).filter((f): f is PersonFacts => f !== undefined);
  const monthsOf = (pick: (f: PersonFacts) => number | null): string[] =>
    members.flatMap((f) => {
      const at = pick(f);
      return at === null ? [] : [monthOf(at)];
    });
  const enrolledMonths = monthsOf((f) => f.enrolledAt);
  const pairedMonths = monthsOf((f) => f.pairedAt);
  const sessionMonths = members.flatMap((f) => f.sessionsHeld.map(monthOf));
  const upTo = (list: readonly string[], month: string): number => list.reduce((n, m) => (m <= month ? n + 1 : n), 0);
  const byMonth = orgShown
    ? lastMonths(now).map((month) => ({
        month,
        enrolled: upTo(enrolledMonths, month),
        paired: upTo(pairedMonths, month),
        sessionsHeld: upTo(sessionMonths, month),
      }))
    : [];

  const notes = [
    'Counts only: no feedback, ratings or answers of any named person are included.',
    `Groups of fewer than ${min} people show no figures.`,
    `Departments of fewer than ${min} people are counted together as "Other departments", with the smallest other departments added until the group has at least ${min}, so no small group can be worked out from the totals.`,
    'Sessions held counts sessions recorded as held; it stays 0 until session tracking is in place.',
  ];
  if (people.length === 0) notes.unshift('Nobody reports to you in the directory, so there is no organisation to summarise.');
  return { isManager: people.length > 0, minGroupSize: min, org: group('Your organisation', people, byId, min), byDepartment, byMonth, notes };
}
