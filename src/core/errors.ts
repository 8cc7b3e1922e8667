/**
 * Errors carry a code that says what went wrong in the domain's terms; only the edges (HTTP,
 * cards, bot replies, CLI) turn a code into a status or a sentence for a person.
 */
export type ErrorCode =
  | 'bad_input'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'illegal_transition'
  | 'upstream'
  | 'unavailable';

export interface FieldError {
  /** Dotted path of the field at fault, e.g. `term.start`. */
  readonly field: string;
  readonly message: string;
}

export class UpwardError extends Error {
  readonly code: ErrorCode;
  readonly fields: readonly FieldError[];

  constructor(code: ErrorCode, message: string, fields: readonly FieldError[] = []) {
    super(message);
    this.name = 'UpwardError';
    this.code = code;
    this.fields = fields;
  }
}

export const badInput = (message: string, fields: readonly FieldError[] = []): UpwardError =>
  new UpwardError('bad_input', message, fields);
export const notFound = (message: string): UpwardError => new UpwardError('not_found', message);
export const forbidden = (message: string): UpwardError => new UpwardError('forbidden', message);
export const unauthenticated = (message: string): UpwardError => new UpwardError('unauthenticated', message);
