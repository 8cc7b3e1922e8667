/** Statuses Teams asks bots to retry (plus 503, which every Microsoft service means as "try again"). */
const RETRYABLE = new Set([412, 429, 502, 503, 504]);

/**
 * A failed Bot Connector call: the HTTP status (undefined when no answer came), the error code
 * and Teams' subCode from the body, and the Retry-After it asked for.
 */
export class ConnectorFailure extends Error {
  readonly status: number | undefined;
  readonly code: string;
  readonly subCode: string | undefined;
  readonly retryAfterMs: number | undefined;

  constructor(status: number | undefined, code: string, message: string, options: { subCode?: string | undefined; retryAfterMs?: number | undefined } = {}) {
    super(message);
    this.name = 'ConnectorFailure';
    this.status = status;
    this.code = code;
    this.subCode = options.subCode;
    this.retryAfterMs = options.retryAfterMs;
  }

  /** Worth trying again: throttled, a transient gateway error, or no answer at all (connection failed). */
  get retryable(): boolean {
    return this.status === undefined || RETRYABLE.has(this.status);
  }

  /**
   * The person cannot be reached by the bot: they blocked it or removed the app (403; Teams adds
   * subCode MessageWritesBlocked). A tenant-wide refusal (BotDisabledByAdmin) is not about the person.
   */
  get personUnreachable(): boolean {
    return this.status === 403 && this.code !== 'BotDisabledByAdmin';
  }
}

/** Retry-After as milliseconds: delta-seconds (fractions allowed) or an HTTP date. */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}
