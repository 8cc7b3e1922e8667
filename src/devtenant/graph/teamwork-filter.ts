import { graphErrors } from './graph-errors.ts';

/** `name eq 'value'` clauses joined by `and`: the filters Teams app lookups use. */
export type EqualityFilter = ReadonlyMap<string, string>;

/**
 * Parses `$filter` of the teamwork endpoints: only `<property> eq '<value>'` joined by `and`,
 * over the given properties (e.g. `externalId`, `teamsApp/id`); anything else is refused as
 * Graph refuses an unsupported filter.
 */
export function parseEqualityFilter(text: string | undefined, properties: readonly string[]): EqualityFilter {
  const clauses = new Map<string, string>();
  if (text === undefined || text.trim() === '') return clauses;
  for (const clause of text.split(/\s+and\s+/i)) {
    const match = /^\s*([A-Za-z]+(?:\/[A-Za-z]+)?)\s+eq\s+'((?:[^']|'')*)'\s*$/i.exec(clause);
    const property = properties.find((p) => p.toLowerCase() === match?.[1]?.toLowerCase());
    if (!match || property === undefined) throw graphErrors.badRequest(`Invalid filter clause: '${clause.trim()}' is not supported.`);
    clauses.set(property, match[2]!.replaceAll("''", "'"));
  }
  return clauses;
}

/** Whether a value's properties (by path) equal every clause; ids compare case-insensitively. */
export function matchesFilter(filter: EqualityFilter, valueOf: (property: string) => string | undefined): boolean {
  for (const [property, wanted] of filter) {
    if (valueOf(property)?.toLowerCase() !== wanted.toLowerCase()) return false;
  }
  return true;
}
