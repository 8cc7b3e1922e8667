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

  it('folds small departments together and never names them', () => {
    const org = [...people('Sales', 6), ...people('Support', 5), ...people('Legal', 2), ...people('Finance', 2), ...people('Design', 1)];
    const f = [facts('Legal-0', at(2026, 9), at(2026, 9)), facts('Sales-0', at(2026, 9), null)];
    const s = summariseParticipation(org, f, NOW);
    // Legal, Finance and Design are five people together: one group, with figures.
    expect(s.byDepartment.map((d) => [d.label, d.people, d.enrolled])).toEqual([
      ['Sales', { shown: true, value: 6 }, { shown: true, value: 1 }],
      ['Support', { shown: true, value: 5 }, { shown: true, value: 0 }],
      ['Other departments', { shown: true, value: 5 }, { shown: true, value: 1 }],
    ]);
    for (const name of ['Legal', 'Finance', 'Design']) expect(JSON.stringify(s)).not.toContain(name);
  });

  it('folds in the smallest other department too when the small ones are still under five, so totals give nothing away', () => {
    const org = [...people('Sales', 7), ...people('Support', 6), ...people('Legal', 2), ...people('Finance', 2)];
    const f = [facts('Legal-0', at(2026, 9), at(2026, 9))];
    const s = summariseParticipation(org, f, NOW);
    // Legal + Finance alone would be four people, and the org's total minus Sales and Support would
    // give their count: Support (the smaller) joins them.
    expect(s.byDepartment.map((d) => [d.label, d.people, d.enrolled])).toEqual([
      ['Sales', { shown: true, value: 7 }, { shown: true, value: 0 }],
      ['Other departments', { shown: true, value: 10 }, { shown: true, value: 1 }],
    ]);
    // Every shown group has at least five people, and the shown groups add up to the org.
    const shownPeople = s.byDepartment.map((d) => (d.people.shown ? d.people.value : NaN));
    expect(Math.min(...shownPeople)).toBeGreaterThanOrEqual(5);
    expect(shownPeople.reduce((a, b) => a + b, 0)).toBe(17);
    expect(JSON.stringify(s)).not.toContain('Legal');

    // With one department only beside the small ones, everything is one group: nothing to subtract.
    const two = summariseParticipation([...people('Sales', 6), ...people('Legal', 2)], f, NOW);
    expect(two.byDepartment.map((d) => [d.label, d.people])).toEqual([['Other departments', { shown: true, value: 8 }]]);
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
