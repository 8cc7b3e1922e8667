import type { ScenarioData } from './scenario-schema.ts';
import { scenarioPersonId, scenarioUpns } from './scenario-names.ts';

/** A problem that involves more than one field or person, located by its path in the file. */
export interface ReferenceIssue {
  readonly path: (string | number)[];
  readonly message: string;
}

/**
 * Checks what a field-by-field schema cannot: UPNs and ids unique and in the organisation's
 * domain, every managerUpn and attendee naming a person of the file, and no cycle of managers.
 */
export function checkScenarioReferences(data: ScenarioData): ReferenceIssue[] {
  const issues: ReferenceIssue[] = [];
  const domain = data.organisation.domain.toLowerCase();
  const upns = scenarioUpns(data.people, data.organisation.domain);
  const index = new Map<string, number>();
  const ids = new Map<string, number>();

  data.people.forEach((person, i) => {
    const upn = upns[i]!.toLowerCase();
    const where = person.upn === undefined ? 'displayName' : 'upn';
    if (!upn.endsWith(`@${domain}`)) issues.push({ path: ['people', i, where], message: `'${upns[i]}' is not in the organisation's domain '${data.organisation.domain}'` });
    const previous = index.get(upn);
    if (previous !== undefined) {
      issues.push({ path: ['people', i, where], message: `UPN '${upns[i]}' is already used by people[${previous}]` });
      // Its derived id clashes too; one report is enough.
      if (person.id === undefined) return;
    } else index.set(upn, i);
    const id = (person.id ?? scenarioPersonId(upn)).toLowerCase();
    const sameId = ids.get(id);
    if (sameId !== undefined) issues.push({ path: ['people', i, 'id'], message: `id '${id}' is already used by people[${sameId}]` });
    else ids.set(id, i);
  });

  const managerOf: (number | undefined)[] = data.people.map((person, i) => {
    if (person.managerUpn === undefined) return undefined;
    const m = index.get(person.managerUpn.toLowerCase());
    if (m === undefined) issues.push({ path: ['people', i, 'managerUpn'], message: `no person in this file has the UPN '${person.managerUpn}'` });
    return m;
  });
  issues.push(...managerCycles(managerOf, upns));

  data.people.forEach((person, i) => {
    person.calendar.forEach((item, j) => {
      item.attendees.forEach((attendee, k) => {
        if (!index.has(attendee.toLowerCase())) {
          issues.push({ path: ['people', i, 'calendar', j, 'attendees', k], message: `no person in this file has the UPN '${attendee}'` });
        } else if (index.get(attendee.toLowerCase()) === i) {
          issues.push({ path: ['people', i, 'calendar', j, 'attendees', k], message: 'the owner of an item cannot also be its attendee' });
        }
      });
    });
  });
  return issues;
}

/** One issue per cycle of managers, at the managerUpn of the cycle's first person in file order. */
function managerCycles(managerOf: readonly (number | undefined)[], upns: readonly string[]): ReferenceIssue[] {
  const issues: ReferenceIssue[] = [];
  const state = new Array<'new' | 'visiting' | 'done'>(managerOf.length).fill('new');
  for (let start = 0; start < managerOf.length; start++) {
    const trail: number[] = [];
    let at: number | undefined = start;
    while (at !== undefined && state[at] === 'new') {
      state[at] = 'visiting';
      trail.push(at);
      at = managerOf[at];
    }
    if (at !== undefined && state[at] === 'visiting') {
      const cycle = trail.slice(trail.indexOf(at));
      const first = Math.min(...cycle);
      const rotated = [...cycle.slice(cycle.indexOf(first)), ...cycle.slice(0, cycle.indexOf(first)), first];
      issues.push({ path: ['people', first, 'managerUpn'], message: `managers form a cycle: ${rotated.map((p) => upns[p]).join(' → ')}` });
    }
    for (const p of trail) state[p] = 'done';
  }
  return issues;
}
