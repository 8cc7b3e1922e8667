/**
 * The Graph v1.0 fact table (graph-facts.json, generated from Microsoft's CSDL by
 * `npm run graph-facts`) and a checker that holds a JSON payload against it. Contract tests of the
 * development tenant and of the Graph adapter call `assertShape` on what they send and receive.
 */
import { readFileSync } from 'node:fs';
import type { GraphFacts, GraphTypeFacts } from '../../scripts/graph-facts.ts';

export type { GraphActionFacts, GraphEnumFacts, GraphFacts, GraphTypeFacts } from '../../scripts/graph-facts.ts';

let cached: GraphFacts | undefined;

/** The committed fact table, read once. */
export function loadGraphFacts(): GraphFacts {
  cached ??= JSON.parse(readFileSync(new URL('./graph-facts.json', import.meta.url), 'utf8')) as GraphFacts;
  return cached;
}

const ISO_OFFSET_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$/;
const PRIMITIVES: Record<string, (v: unknown) => string | undefined> = {
  'Edm.String': (v) => (typeof v === 'string' ? undefined : 'a string'),
  'Edm.Guid': (v) => (typeof v === 'string' && /^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/i.test(v) ? undefined : 'a GUID string'),
  'Edm.Binary': (v) => (typeof v === 'string' ? undefined : 'a base64 string'),
  'Edm.Boolean': (v) => (typeof v === 'boolean' ? undefined : 'a boolean'),
  'Edm.Int16': (v) => (Number.isInteger(v) ? undefined : 'an integer'),
  'Edm.Int32': (v) => (Number.isInteger(v) ? undefined : 'an integer'),
  'Edm.Int64': (v) => (Number.isInteger(v) ? undefined : 'an integer'),
  'Edm.Byte': (v) => (Number.isInteger(v) ? undefined : 'an integer'),
  'Edm.Double': (v) => (typeof v === 'number' ? undefined : 'a number'),
  'Edm.Single': (v) => (typeof v === 'number' ? undefined : 'a number'),
  'Edm.Decimal': (v) => (typeof v === 'number' ? undefined : 'a number'),
  'Edm.DateTimeOffset': (v) =>
    typeof v === 'string' && ISO_OFFSET_DATE_TIME.test(v) && !Number.isNaN(Date.parse(v)) ? undefined : 'an ISO 8601 date-time with offset',
  'Edm.Date': (v) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? undefined : 'a yyyy-mm-dd date'),
  'Edm.TimeOfDay': (v) => (typeof v === 'string' && /^\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?$/.test(v) ? undefined : 'an hh:mm:ss time'),
  'Edm.Duration': (v) => (typeof v === 'string' && /^-?P(?=\d|T\d)/.test(v) ? undefined : 'an ISO 8601 duration'),
};

const shown = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'an array' : `${typeof v} ${JSON.stringify(v)}`);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function checkValue(facts: GraphFacts, type: string, value: unknown, path: string, problems: string[]): void {
  const collection = /^Collection\((.+)\)$/.exec(type);
  if (collection !== null) {
    if (!Array.isArray(value)) problems.push(`${path}: expected an array of ${collection[1]}, got ${shown(value)}`);
    else value.forEach((item, i) => checkValue(facts, collection[1]!, item, `${path}[${i}]`, problems));
    return;
  }
  const primitive = PRIMITIVES[type];
  if (primitive !== undefined) {
    const expected = primitive(value);
    if (expected !== undefined) problems.push(`${path}: expected ${expected} (${type}), got ${shown(value)}`);
    return;
  }
  if (type.startsWith('Edm.')) return; // Edm.Stream, Edm.Untyped and the like: any JSON
  const name = type.replace(/^(graph|microsoft\.graph)\./, '');
  const enumeration = facts.enums[name];
  if (enumeration !== undefined) {
    const members = new Set(enumeration.members.map((m) => m.toLowerCase()));
    const given = typeof value === 'string' ? (enumeration.flags ? value.split(',').map((s) => s.trim()) : [value]) : [];
    if (given.length === 0 || given.some((m) => !members.has(m.toLowerCase()))) {
      problems.push(`${path}: expected a member of ${name} (${enumeration.members.join(', ')}), got ${shown(value)}`);
    }
    return;
  }
  if (facts.types[name] !== undefined) {
    checkObject(facts, name, value, path, problems);
    return;
  }
  const kind = facts.referencedTypes[name];
  if (kind === 'enum' && typeof value !== 'string') problems.push(`${path}: expected a ${name} member string, got ${shown(value)}`);
  else if (kind !== undefined && kind !== 'enum' && !isObject(value)) problems.push(`${path}: expected a ${name} object, got ${shown(value)}`);
  else if (kind === undefined) problems.push(`${path}: type ${type} is not in the fact table`);
}

function checkObject(facts: GraphFacts, declared: string, value: unknown, path: string, problems: string[]): void {
  if (!isObject(value)) {
    problems.push(`${path}: expected a ${declared} object, got ${shown(value)}`);
    return;
  }
  // A payload may carry a derived type (e.g. customTimeZone where timeZoneBase is declared).
  let name = declared;
  const odataType = value['@odata.type'];
  if (typeof odataType === 'string') {
    const derived = odataType.replace(/^#?microsoft\.graph\./, '');
    const derivedFacts = facts.types[derived];
    if (derivedFacts === undefined) problems.push(`${path}: @odata.type ${odataType} is not in the fact table`);
    else if (derived !== declared && !derivedFacts.baseTypes.includes(declared)) {
      problems.push(`${path}: @odata.type ${odataType} does not derive from ${declared}`);
    } else name = derived;
  }
  const type: GraphTypeFacts = facts.types[name]!;
  for (const [key, field] of Object.entries(value)) {
    // OData control information (`@odata.etag`, `attendees@odata.type`) is not data.
    if (key.includes('@')) continue;
    const at = `${path}.${key}`;
    const declaredType = type.properties[key] ?? type.navigation[key];
    if (declaredType === undefined) problems.push(`${at}: ${name} has no property ${key}`);
    else if (field === null) {
      if (type.notNull.includes(key)) problems.push(`${at}: must not be null`);
    } else checkValue(facts, declaredType, field, at, problems);
  }
}

/**
 * Checks a JSON object against a Graph type of the table: every property must exist on the type
 * (or its base types; navigation properties count, for `$expand`) with a compatible JSON value,
 * nested complex values recursively. Enum members compare case-insensitively (Graph answers both
 * `busy` and `Busy`). Returns the problems, one line each, empty when the shape is right.
 * Missing properties are not problems: Graph omits many, and `$select` omits more.
 */
export function assertShape(typeName: string, value: unknown, facts: GraphFacts = loadGraphFacts()): string[] {
  if (facts.types[typeName] === undefined) return [`${typeName}: type is not in the fact table`];
  const problems: string[] = [];
  checkObject(facts, typeName, value, typeName, problems);
  return problems;
}
