import type { z } from 'zod';

/** One problem with an input, named by the field at fault. */
export interface FieldError {
  /** The property path as in the input, e.g. `errors.rate429` or `people[2].timeZone`. */
  readonly field: string;
  /** The raw path, for locating the field in a source file. */
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/** `['people', 2, 'timeZone']` → `people[2].timeZone`; the root is `(root)`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(root)' : out;
}

/**
 * Zod issues as field errors. An unknown key is reported at the key itself (zod reports it at
 * the object holding it), so that the message and a file location point at the offending line.
 */
export function fieldErrors(error: z.ZodError): FieldError[] {
  const out: FieldError[] = [];
  for (const issue of error.issues) {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) out.push({ field: formatPath([...path, key]), path: [...path, key], message: 'unknown field' });
      continue;
    }
    out.push({ field: formatPath(path), path, message: issue.message });
  }
  return out;
}
