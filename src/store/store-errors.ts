/**
 * Raised when another process (or another store in this process) holds the PGlite data folder.
 * PGlite has no lock of its own: two processes on one folder silently lose committed rows, so
 * the second one must stop. The message is one line saying which folder, which pid, what to do.
 */
export class StoreLockedError extends Error {
  readonly folder: string;
  readonly pid: number | undefined;

  constructor(message: string, folder: string, pid: number | undefined) {
    super(message);
    this.name = 'StoreLockedError';
    this.folder = folder;
    this.pid = pid;
  }
}

/** Raised when the PostgreSQL server named by `DATABASE_URL` cannot be reached or refuses us. */
export class StoreUnreachableError extends Error {
  /** The driver's code: `ECONNREFUSED`, `ENOTFOUND`, or a SQLSTATE such as `3D000`. */
  readonly reason: string;

  constructor(message: string, reason: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'StoreUnreachableError';
    this.reason = reason;
  }
}

/** The SQLSTATE of a database error (`pg` and PGlite both put it in `code`), if it has one. */
export function sqlState(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const code = (error as { code: unknown }).code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/** True when the statement broke a primary key or unique constraint (SQLSTATE 23505). */
export const isUniqueViolation = (error: unknown): boolean => sqlState(error) === '23505';
