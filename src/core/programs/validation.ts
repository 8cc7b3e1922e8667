/**
 * Turns zod failures into the core's `bad_input` error, one FieldError per problem, each naming
 * the dotted path of the field at fault so a form can put the message next to it.
 */
import type { z } from 'zod';
import { badInput, type FieldError } from '../errors.ts';

/** Dotted path (`term.end`, `canTeach.2`) of a zod issue; the root is called `input`. */
export const issuePath = (path: readonly PropertyKey[]): string =>
  path.length === 0 ? 'input' : path.map((segment) => String(segment)).join('.');

/**
 * One FieldError per zod issue, in zod's order. An unknown key becomes an error on that key
 * (`rules.alowTrios`), which is where the typo is.
 */
export const fieldErrorsOf = (error: z.ZodError, prefix: readonly PropertyKey[] = []): FieldError[] =>
  error.issues.flatMap((issue): FieldError[] =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ field: issuePath([...prefix, ...issue.path, key]), message: `Unknown field "${key}"` }))
      : [{ field: issuePath([...prefix, ...issue.path]), message: issue.message }],
  );

/** `bad_input` listing the fields at fault in its message. */
export const invalid = (what: string, fields: readonly FieldError[]) =>
  badInput(`Invalid ${what}: check ${[...new Set(fields.map((field) => field.field))].join(', ')}`, fields);

/**
 * Parses `input` with `schema` or throws `bad_input` whose message lists the fields at fault.
 * `what` names the thing being validated in the message ("program", "enrolment").
 */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw invalid(what, fieldErrorsOf(result.error));
}
