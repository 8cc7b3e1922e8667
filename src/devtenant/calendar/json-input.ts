import { requestBodyRead } from './errors.ts';

/**
 * Reading request bodies the way Graph's deserializer does: property names are matched
 * case-insensitively on their first letter (Outlook's old PascalCase and Graph's camelCase both
 * work), and a value of the wrong JSON type is a 400 RequestBodyRead before anything else runs.
 */

export type JsonObject = Record<string, unknown>;

/** Copies a JSON value with every property name's first letter lower-cased (`StartTime` → `startTime`). */
export function camelKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(camelKeys);
  if (value === null || typeof value !== 'object') return value;
  const out: JsonObject = {};
  for (const [key, inner] of Object.entries(value)) {
    const name = key.startsWith('@') || key === '' ? key : key[0]!.toLowerCase() + key.slice(1);
    out[name] = camelKeys(inner);
  }
  return out;
}

export function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The body as an object (an absent body reads as `{}`). */
export function bodyObject(value: unknown): JsonObject {
  if (value === undefined || value === null || value === '') return {};
  if (!isObject(value)) throw requestBodyRead('The request body must be a JSON object.');
  return camelKeys(value) as JsonObject;
}

export function optString(obj: JsonObject, key: string, where: string): string | undefined {
  const v = obj[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw requestBodyRead(`Cannot convert the value of property '${key}' on '${where}' to Edm.String.`);
  return v;
}

export function optBoolean(obj: JsonObject, key: string, where: string): boolean | undefined {
  const v = obj[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'boolean') throw requestBodyRead(`Cannot convert the value of property '${key}' on '${where}' to Edm.Boolean.`);
  return v;
}

export function optInteger(obj: JsonObject, key: string, where: string): number | undefined {
  const v = obj[key];
  if (v === undefined || v === null) return undefined;
  // Graph's deserializer also takes integers written as strings ("2").
  const n = typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isInteger(n)) {
    throw requestBodyRead(`Cannot convert the value of property '${key}' on '${where}' to Edm.Int32.`);
  }
  return n;
}

export function optObject(obj: JsonObject, key: string, where: string): JsonObject | undefined {
  const v = obj[key];
  if (v === undefined || v === null) return undefined;
  if (!isObject(v)) throw requestBodyRead(`The property '${key}' on '${where}' must be an object.`);
  return v;
}

export function optArray(obj: JsonObject, key: string, where: string): unknown[] | undefined {
  const v = obj[key];
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v)) throw requestBodyRead(`The property '${key}' on '${where}' must be a collection.`);
  return v;
}

/** An enum member (case-insensitive, answered in Graph's spelling) or undefined when absent. */
export function optEnum<T extends string>(obj: JsonObject, key: string, where: string, members: readonly T[]): T | undefined {
  const v = optString(obj, key, where);
  if (v === undefined) return undefined;
  const hit = members.find((m) => m.toLowerCase() === v.toLowerCase());
  if (!hit) throw requestBodyRead(`Cannot convert the literal '${v}' of property '${key}' to the expected type '${where}'.`);
  return hit;
}

/** Rejects properties the type does not have (Graph: RequestBodyRead), ignoring OData annotations. */
export function rejectUnknown(obj: JsonObject, known: ReadonlySet<string>, typeName: string): void {
  for (const key of Object.keys(obj)) {
    if (key.startsWith('@') || key.includes('@odata.')) continue;
    if (!known.has(key)) {
      throw requestBodyRead(
        `The property '${key}' does not exist on type '${typeName}'. Make sure to only use property names that are defined by the type or mark the type as open type.`,
      );
    }
  }
}
