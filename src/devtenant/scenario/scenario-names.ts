import { createHash } from 'node:crypto';
import { foldForUpn } from '../org/upn.ts';

interface Named {
  readonly displayName: string;
  readonly givenName?: string | undefined;
  readonly surname?: string | undefined;
  readonly upn?: string | undefined;
}

/** Given name and surname: as given, else the display name split before its last word ("Li Na Wang" → "Li Na", "Wang"). */
export function nameParts(person: Named): { givenName: string; surname: string } {
  const words = person.displayName.trim().split(/\s+/);
  const last = words.length > 1 ? words.pop()! : '';
  return { givenName: person.givenName ?? words.join(' '), surname: person.surname ?? last };
}

/**
 * Each person's UPN: the one given, else `given.surname@domain` folded to ASCII as the generator
 * does, numbered on a clash ("sita.shrestha2@..."). Order matters only among derived clashes.
 */
export function scenarioUpns(people: readonly Named[], domain: string): string[] {
  const taken = new Set(people.flatMap((p) => (p.upn === undefined ? [] : [p.upn.toLowerCase()])));
  return people.map((person) => {
    if (person.upn !== undefined) return person.upn;
    const { givenName, surname } = nameParts(person);
    const base = [foldForUpn(givenName), foldForUpn(surname)].filter((s) => s !== '').join('.') || 'person';
    let candidate = `${base}@${domain}`;
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${base}${n}@${domain}`;
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}

/** A stable directory object id for a scenario person, from their UPN (same file, same ids). */
export function scenarioPersonId(upn: string): string {
  const h = createHash('sha256').update(`upward-scenario-person:${upn.toLowerCase()}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
