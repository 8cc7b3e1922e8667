import { expect } from 'vitest';
import type { UpwardError } from '../../src/core/errors.ts';

/** Runs something that must refuse its input, and answers each named field's message. */
export function badInputFields(run: () => unknown): Record<string, string> {
  try {
    run();
  } catch (error) {
    const upward = error as UpwardError;
    expect(upward.code).toBe('bad_input');
    return Object.fromEntries(upward.fields.map((f) => [f.field, f.message]));
  }
  throw new Error('expected bad_input');
}
