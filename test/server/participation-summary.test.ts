import { describe, expect, it } from 'vitest';
import { summariseParticipation, type OrgPerson, type PersonFacts } from '../../src/server/routes/participation-summary.ts';

const NOW = Date.UTC(2026, 10, 20);
const at = (y: number, m: number) => Date.UTC(y, m - 1, 15);

const people = (dept: string, n: number, from = 0): OrgPerson[] => Array.from({ length: n }, (_, i) => ({ id: `${dept}-${from + i}`, department: dept }));
const facts = (id: string, enrolled: number | null, paired: number | null): PersonFacts => ({ userId: id, enrolledAt: enrolled, pairedAt: paired, sessionsHeld: [] });

describe('summariseParticipation', () => {
  it('counts enrolled and paired people per department and for the whole org', () => {
    const org = [...people('Sales', 6), ...people('Engineering', 5)];
    const f = [facts('Sales-0', at(2026, 9), at(2026, 10)), facts('Sales-1', at(2026, 10), null), facts('Engineering-4', at(2026, 11), at(2026, 11))];
    const s = summariseParticipation(org, f, NOW);
    expect(s.isManager).toBe(true);
    expect(s.org).toEqual({
      label: 'Your organisation',
      people: { shown: true, value: 11 },
      enrolled: { shown: true, value: 3 },
      paired: { shown: true, value: 2 },
      sessionsHeld: { shown: true, value: 0 },
    });
    expect(s.byDepartment.map((d) => [d.label, d.enrolled, d.paired])).toEqual([
      ['Engineering', { shown: true, value: 1 }, { shown: true, value: 1 }],
      ['Sales', { shown: true, value: 2 }, { shown: true, value: 1 }],
    ]);
  });

  it('never shows figures for a group under five people, folding small departments together', () => {
    const org = [...people('Sales', 6), ...people('Legal', 2), ...people('Finance', 2)];
    const f = [facts('Legal-0', at(2026, 9), at(2026, 9))];
    const s = summariseParticipation(org, f, NOW);
    const other = s.byDepartment.find((d) => d.label === 'Other departments');
    // Legal + Finance is four people: still under the minimum, so nothing is shown.
    expect(other?.enrolled).toEqual({ shown: false, reason: 'Fewer than 5 people: figures are hidden to protect privacy' });
    expect(s.byDepartment.map((d) => d.label)).toEqual(['Sales', 'Other departments']);
    expect(JSON.stringify(s)).not.toContain('Legal');

    const withFinance = summariseParticipation([...org, ...people('Finance', 1, 2)], f, NOW);
    expect(withFinance.byDepartment.find((d) => d.label === 'Other departments')?.enrolled).toEqual({ shown: true, value: 1 });
  });

  it('hides everything, trend included, when the whole org is under five', () => {
    const s = summariseParticipation(people('Sales', 4), [facts('Sales-0', at(2026, 9), null)], NOW);
    expect(s.org.people.shown).toBe(false);
    expect(s.org.enrolled.shown).toBe(false);
    expect(s.byMonth).toEqual([]);
  });

  it('builds a cumulative trend over the last twelve months', () => {
    const org = people('Sales', 5);
    const f = [facts('Sales-0', at(2026, 3), at(2026, 4)), facts('Sales-1', at(2026, 11), null), facts('Sales-2', at(2024, 1), null)];
    const s = summariseParticipation(org, f, NOW);
    expect(s.byMonth).toHaveLength(12);
    expect(s.byMonth[0]!.month).toBe('2025-12');
    expect(s.byMonth.at(-1)!.month).toBe('2026-11');
    const month = (m: string) => s.byMonth.find((x) => x.month === m)!;
    expect([month('2026-02').enrolled, month('2026-03').enrolled, month('2026-11').enrolled]).toEqual([1, 2, 3]);
    expect([month('2026-03').paired, month('2026-04').paired]).toEqual([0, 1]);
  });

  it('says so when nobody reports to the caller', () => {
    const s = summariseParticipation([], [], NOW);
    expect(s.isManager).toBe(false);
    expect(s.notes[0]).toMatch(/Nobody reports to you/);
  });
});
