import { ApiError } from '../../api/api-error.ts';

/**
 * The API's field errors (`term.end`, `topicTracks.2`) grouped under the form's own field names:
 * an error belongs to the first name it equals or starts with (`topicTracks.` → `topicTracks`).
 * Errors no field claims are returned under `''` so the form can show them at the top.
 */
export function fieldErrorsFor(error: unknown, names: readonly string[]): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  for (const { field, message } of error.fields) {
    const name = names.find((n) => field === n || field.startsWith(`${n}.`)) ?? '';
    out[name] = out[name] === undefined ? message : `${out[name]} ${message}`;
  }
  return out;
}
