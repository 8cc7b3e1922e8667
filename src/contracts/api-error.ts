/** The body of every error response from the API: `{ error: { code, message, fields? } }`. */
export interface ApiErrorBody {
  readonly error: {
    readonly code: string;
    readonly message: string;
    /** One entry per bad field of the request, paths as the request named them. */
    readonly fields?: readonly FieldProblem[];
  };
}

/** What is wrong with one field of a request. */
export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}
