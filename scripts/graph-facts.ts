/**
 * `npm run graph-facts [path/to/v1.0-Prod.csdl]`: reads Microsoft's machine-readable description of
 * Graph v1.0 (OData CSDL) and writes test/contract/graph-facts.json, the small table of the types,
 * enums and actions Upward uses. Tests check Graph payloads against that table and never read the
 * 3 MB CSDL; a test regenerates the table when the CSDL is present so the two cannot drift.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A structured type: properties and navigation map names to CSDL type names as written there. */
export interface GraphTypeFacts {
  readonly kind: 'entity' | 'complex';
  /** Base types, nearest first; their properties are merged into this entry. */
  readonly baseTypes: readonly string[];
  readonly properties: Readonly<Record<string, string>>;
  /** Properties declared `Nullable="false"`. */
  readonly notNull: readonly string[];
  readonly navigation: Readonly<Record<string, string>>;
}
export interface GraphEnumFacts {
  readonly members: readonly string[];
  /** A flags enum takes a comma-separated list of members. */
  readonly flags: boolean;
}
export interface GraphActionFacts {
  readonly kind: 'Action' | 'Function';
  readonly boundTo: string;
  readonly parameters: Readonly<Record<string, string>>;
  readonly returns: string | null;
}
export interface GraphNavigationQueryFacts {
  readonly declaredAs: 'NavigationProperty';
  readonly type: string;
  /** Entity types of microsoft.graph that carry this navigation property with this type. */
  readonly on: readonly string[];
  /** Query options Graph requires; not in the CSDL, taken from the Graph v1.0 reference. */
  readonly requiredQueryOptions: Readonly<Record<string, string>>;
}
export interface GraphFacts {
  readonly source: string;
  readonly namespace: string;
  readonly types: Readonly<Record<string, GraphTypeFacts>>;
  readonly enums: Readonly<Record<string, GraphEnumFacts>>;
  readonly actions: Readonly<Record<string, GraphActionFacts>>;
  readonly navigationQueries: Readonly<Record<string, GraphNavigationQueryFacts>>;
  /** Types that tabled properties refer to but that are not tabled themselves, by kind. */
  readonly referencedTypes: Readonly<Record<string, 'entity' | 'complex' | 'enum'>>;
}

const NAMESPACE = 'microsoft.graph';

/** The structured types Upward reads or writes. */
export const TABLED_TYPES = [
  'user', 'mailboxSettings', 'workingHours', 'timeZoneBase', 'customTimeZone', 'standardTimeZoneOffset',
  'daylightTimeZoneOffset', 'localeInfo', 'automaticRepliesSetting', 'event', 'attendee', 'attendeeBase',
  'recipient', 'emailAddress', 'responseStatus', 'itemBody', 'location', 'dateTimeTimeZone',
  'patternedRecurrence', 'recurrencePattern', 'recurrenceRange', 'onlineMeetingInfo', 'scheduleInformation',
  'scheduleItem', 'freeBusyError', 'meetingTimeSuggestionsResult', 'meetingTimeSuggestion', 'timeSlot',
  'attendeeAvailability', 'locationConstraint', 'timeConstraint',
] as const;

/** Enums tabled in full even when no tabled property uses them; used ones are added anyway. */
export const TABLED_ENUMS = [
  'freeBusyStatus', 'recurrencePatternType', 'recurrenceRangeType', 'dayOfWeek', 'weekIndex',
  'onlineMeetingProviderType', 'eventType', 'bodyType', 'importance', 'sensitivity', 'attendeeType', 'responseType',
] as const;

/** Operations by name and the type they must be bound to (names are overloaded across Graph). */
export const TABLED_ACTIONS: Readonly<Record<string, string>> = {
  getSchedule: 'graph.calendar',
  findMeetingTimes: 'graph.user',
  cancel: 'graph.event',
  accept: 'graph.event',
  decline: 'graph.event',
  tentativelyAccept: 'graph.event',
};

// calendarView and instances are navigation properties in v1.0, not functions; their window comes
// from query options the CSDL cannot express (Graph answers 400 without them).
const NAVIGATION_QUERIES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  calendarView: { startDateTime: 'Edm.DateTimeOffset', endDateTime: 'Edm.DateTimeOffset' },
  instances: { startDateTime: 'Edm.DateTimeOffset', endDateTime: 'Edm.DateTimeOffset' },
};

interface ParsedType {
  kind: 'entity' | 'complex';
  baseType: string | undefined;
  properties: [string, string, boolean][];
  navigation: [string, string][];
}
interface ParsedOperation {
  kind: 'Action' | 'Function';
  name: string;
  parameters: [string, string][];
  returns: string | null;
}
/** The parts of a CSDL document this table needs, keyed by qualified name (`microsoft.graph.x`). */
export interface CsdlModel {
  readonly types: Map<string, ParsedType>;
  readonly enums: Map<string, GraphEnumFacts>;
  readonly operations: ParsedOperation[];
}

const TAG = /<(\/?)(Schema|EntityType|ComplexType|EnumType|Member|Property|NavigationProperty|Action|Function|Parameter|ReturnType)\b([^>]*?)(\/?)>/g;
const ATTRIBUTE = /([A-Za-z_:][\w:.-]*)="([^"]*)"/g;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

const attributes = (text: string): Record<string, string> =>
  Object.fromEntries([...text.matchAll(ATTRIBUTE)].map(([, k, v]) => [k!, v!.replace(/&(\w+);/g, (m, e: string) => ENTITIES[e] ?? m)]));

/**
 * Reads the CSDL with a tag scanner rather than a full XML parser: the document is machine
 * written, and only element names, attributes and nesting matter here. Elements it does not know
 * (annotations, records) are skipped; known ones are tracked on a stack so that a Property is
 * taken only inside a type and a Parameter only inside an operation.
 */
export function parseCsdl(xml: string): CsdlModel {
  const model: CsdlModel = { types: new Map(), enums: new Map(), operations: [] };
  const stack: { tag: string; target?: ParsedType | ParsedOperation | string[] }[] = [];
  let namespace = '';
  let alias = '';
  const qualify = (name: string): string => (alias !== '' && name.startsWith(`${alias}.`) ? `${namespace}${name.slice(alias.length)}` : name);

  for (const [, closing, tag, rest, selfClosing] of xml.matchAll(TAG)) {
    if (closing === '/') {
      const top = stack.pop();
      if (top?.tag !== tag) throw new Error(`CSDL nesting: </${tag}> closes <${top?.tag ?? 'nothing'}>`);
      continue;
    }
    const a = attributes(rest!);
    const parent = stack.at(-1);
    let target: ParsedType | ParsedOperation | string[] | undefined;
    if (tag === 'Schema') {
      namespace = a['Namespace'] ?? '';
      alias = a['Alias'] ?? '';
    } else if (tag === 'EntityType' || tag === 'ComplexType') {
      const type: ParsedType = {
        kind: tag === 'EntityType' ? 'entity' : 'complex',
        baseType: a['BaseType'] === undefined ? undefined : qualify(a['BaseType']),
        properties: [],
        navigation: [],
      };
      model.types.set(`${namespace}.${a['Name']}`, type);
      target = type;
    } else if (tag === 'EnumType') {
      const members: string[] = [];
      model.enums.set(`${namespace}.${a['Name']}`, { members, flags: a['IsFlags'] === 'true' });
      target = members;
    } else if (tag === 'Member' && parent?.tag === 'EnumType') {
      (parent.target as string[]).push(a['Name']!);
    } else if (tag === 'Property' && (parent?.tag === 'EntityType' || parent?.tag === 'ComplexType')) {
      (parent.target as ParsedType).properties.push([a['Name']!, a['Type']!, a['Nullable'] === 'false']);
    } else if (tag === 'NavigationProperty' && (parent?.tag === 'EntityType' || parent?.tag === 'ComplexType')) {
      (parent.target as ParsedType).navigation.push([a['Name']!, a['Type']!]);
    } else if (tag === 'Action' || tag === 'Function') {
      const operation: ParsedOperation = { kind: tag, name: `${namespace}.${a['Name']}`, parameters: [], returns: null };
      model.operations.push(operation);
      target = operation;
    } else if (tag === 'Parameter' && (parent?.tag === 'Action' || parent?.tag === 'Function')) {
      (parent.target as ParsedOperation).parameters.push([a['Name']!, a['Type']!]);
    } else if (tag === 'ReturnType' && (parent?.tag === 'Action' || parent?.tag === 'Function')) {
      (parent.target as ParsedOperation).returns = a['Type']!;
    }
    if (selfClosing !== '/') stack.push(target === undefined ? { tag: tag! } : { tag: tag!, target });
  }
  if (stack.length > 0) throw new Error(`CSDL nesting: <${stack.at(-1)!.tag}> never closed`);
  return model;
}

const sortedRecord = <T>(entries: Iterable<[string, T]>): Record<string, T> =>
  Object.fromEntries([...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
const local = (qualified: string): string => qualified.slice(NAMESPACE.length + 1);
const elementType = (type: string): string => /^Collection\((.+)\)$/.exec(type)?.[1] ?? type;

/** Builds the fact table from a parsed CSDL; throws when a tabled type, enum or action is missing. */
export function graphFacts(model: CsdlModel, source: string): GraphFacts {
  const find = (name: string): ParsedType => {
    const type = model.types.get(`${NAMESPACE}.${name}`);
    if (type === undefined) throw new Error(`CSDL has no type ${NAMESPACE}.${name}`);
    return type;
  };
  const referenced = new Set<string>();
  const types = sortedRecord(
    TABLED_TYPES.map((name): [string, GraphTypeFacts] => {
      const chain = [find(name)];
      const baseTypes: string[] = [];
      for (let base = chain[0]!.baseType; base !== undefined; base = chain.at(-1)!.baseType) {
        baseTypes.push(local(base));
        chain.push(find(local(base)));
      }
      const properties = chain.reverse().flatMap((t) => t.properties);
      const navigation = chain.flatMap((t) => t.navigation);
      for (const [, type] of properties) referenced.add(elementType(type));
      return [
        name,
        {
          kind: chain.at(-1)!.kind,
          baseTypes,
          properties: sortedRecord(properties.map(([n, t]) => [n, t])),
          notNull: properties.filter(([, , notNull]) => notNull).map(([n]) => n).sort(),
          navigation: sortedRecord(navigation),
        },
      ];
    }),
  );

  const enumNames = new Set<string>(TABLED_ENUMS);
  for (const type of referenced) {
    if (type.startsWith('graph.') && model.enums.has(`${NAMESPACE}.${type.slice(6)}`)) enumNames.add(type.slice(6));
  }
  const enums = sortedRecord(
    [...enumNames].map((name): [string, GraphEnumFacts] => {
      const found = model.enums.get(`${NAMESPACE}.${name}`);
      if (found === undefined) throw new Error(`CSDL has no enum ${NAMESPACE}.${name}`);
      return [name, { members: [...found.members], flags: found.flags }];
    }),
  );

  const referencedTypes = sortedRecord(
    [...referenced]
      .filter((t) => t.startsWith('graph.') && !(t.slice(6) in types) && !(t.slice(6) in enums))
      .map((t): [string, 'entity' | 'complex' | 'enum'] => {
        const name = t.slice(6);
        if (model.enums.has(`${NAMESPACE}.${name}`)) return [name, 'enum'];
        return [name, find(name).kind];
      }),
  );

  const actions = sortedRecord(
    Object.entries(TABLED_ACTIONS).map(([name, boundTo]): [string, GraphActionFacts] => {
      const operation = model.operations.find((o) => o.name === `${NAMESPACE}.${name}` && o.parameters[0]?.[1] === boundTo);
      if (operation === undefined) throw new Error(`CSDL has no ${name} bound to ${boundTo}`);
      return [
        name,
        { kind: operation.kind, boundTo, parameters: sortedRecord(operation.parameters.slice(1)), returns: operation.returns },
      ];
    }),
  );

  const navigationQueries = sortedRecord(
    Object.entries(NAVIGATION_QUERIES).map(([name, requiredQueryOptions]): [string, GraphNavigationQueryFacts] => {
      if (model.operations.some((o) => o.name === `${NAMESPACE}.${name}`)) {
        throw new Error(`${name} is now an operation in the CSDL: table it as an action`);
      }
      const on = [...model.types]
        .filter(([qualified, t]) => qualified.startsWith(`${NAMESPACE}.`) && !local(qualified).includes('.') && t.kind === 'entity')
        .filter(([, t]) => t.navigation.some(([n, type]) => n === name && type === 'Collection(graph.event)'))
        .map(([qualified]) => local(qualified))
        .sort();
      if (on.length === 0) throw new Error(`CSDL has no navigation property ${name} to events`);
      return [name, { declaredAs: 'NavigationProperty', type: 'Collection(graph.event)', on, requiredQueryOptions }];
    }),
  );

  return { source, namespace: NAMESPACE, types, enums, actions, navigationQueries, referencedTypes };
}

/** The committed form: two-space JSON with a final newline, keys already in a stable order. */
export const formatGraphFacts = (facts: GraphFacts): string => `${JSON.stringify(facts, null, 2)}\n`;

/** Reads a CSDL file and returns its formatted fact table. */
export const generateGraphFacts = (csdlPath: string): string =>
  formatGraphFacts(graphFacts(parseCsdl(readFileSync(csdlPath, 'utf8')), basename(csdlPath)));

/** Where the CSDL is expected by default: beside the repository, in the shared folder. */
export const DEFAULT_CSDL_PATH = fileURLToPath(new URL('../../shared/graph/v1.0-Prod.csdl', import.meta.url));
/** Where the table is committed. */
export const GRAPH_FACTS_PATH = fileURLToPath(new URL('../test/contract/graph-facts.json', import.meta.url));

if (import.meta.main) {
  const csdlPath = process.argv[2] === undefined ? DEFAULT_CSDL_PATH : resolve(process.argv[2]);
  const table = generateGraphFacts(csdlPath);
  mkdirSync(dirname(GRAPH_FACTS_PATH), { recursive: true });
  writeFileSync(GRAPH_FACTS_PATH, table);
  console.log(`wrote ${GRAPH_FACTS_PATH} from ${csdlPath}`);
}
