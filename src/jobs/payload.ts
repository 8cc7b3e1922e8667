import type { z } from 'zod';
import { badInput, type FieldError } from '../core/errors.ts';
import { fieldErrorsOf, invalid } from '../core/programs/validation.ts';

/**
 * Checks a payload at send time and returns what will be stored: its JSON form.
 *
 * The handler sees the payload after a trip through JSON (pg-boss stores `jsonb`), where a Date
 * becomes a string and an undefined field disappears. So the schema must accept both the value as
 * given (the caller's mistake, named by field) and its JSON form (a schema that cannot survive
 * storage, e.g. `z.date()`; use an ISO string or epoch ms). Either failure is `bad_input` naming
 * the fields, raised before anything is stored.
 */
export function storablePayload<T>(jobName: string, schema: z.ZodType<T>, data: T): Record<string, unknown> {
  const given = schema.safeParse(data);
  if (!given.success) throw invalid(`payload for job "${jobName}"`, fieldErrorsOf(given.error));
  const json = toJson(jobName, data);
  const stored = schema.safeParse(json);
  if (!stored.success) {
    const fields = fieldErrorsOf(stored.error);
    throw badInput(
      `Invalid payload for job "${jobName}" once stored as JSON: check ${fields.map((f) => f.field).join(', ')} (dates become strings; use ISO strings or epoch ms)`,
      fields,
    );
  }
  return json;
}

function toJson(jobName: string, data: unknown): Record<string, unknown> {
  let json: unknown;
  try {
    const text = JSON.stringify(data);
    json = text === undefined ? undefined : JSON.parse(text);
  } catch (error) {
    throw badInput(`The payload for job "${jobName}" cannot be stored as JSON: ${error instanceof Error ? error.message : String(error)}`, [
      { field: 'input', message: 'not JSON-serialisable' },
    ]);
  }
  // pg-boss stores an object per job; a bare string or array has nowhere to go.
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw badInput(`The payload for job "${jobName}" must be an object`, [{ field: 'input', message: 'Expected an object' }]);
  }
  return json as Record<string, unknown>;
}

/** The outcome of reading a stored payload back: typed data, or the fields at fault. */
export type ReadPayload<T> = { readonly ok: true; readonly data: T } | { readonly ok: false; readonly fields: readonly FieldError[] };

/** Parses a stored payload with the job's current schema (which may be newer than the sender's). */
export function readPayload<T>(schema: z.ZodType<T>, stored: unknown): ReadPayload<T> {
  const parsed = schema.safeParse(stored);
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, fields: fieldErrorsOf(parsed.error) };
}
