/**
 * A failed API call. `status` 0 means the server never answered (network down, server stopped),
 * which the UI words differently from an answer that said no.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: readonly { readonly field: string; readonly message: string }[];

  constructor(
    status: number,
    code: string,
    message: string,
    fields: readonly { readonly field: string; readonly message: string }[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

/** True when the error says the token was missing, expired or refused. */
export const isUnauthorized = (error: unknown): boolean => error instanceof ApiError && error.status === 401;
