import { z } from 'zod';

/**
 * Outlook's per app id + mailbox limits, as the development tenant enforces them. The defaults
 * are the service's documented ones; tests shrink `windowMs` and `requests` to reach the rate
 * limit quickly.
 */
export const throttleSettingsSchema = z.strictObject({
  /** Off lets every request through (the limiter still counts for /_devtenant/stats). */
  enabled: z.boolean().default(true),
  /** Requests in flight at once per app + mailbox; the next one gets 429 ApplicationThrottled. */
  concurrency: z.number().int().min(1).max(10_000).default(4),
  /** Requests admitted per app + mailbox per window; over it, 429 TooManyRequests. */
  requests: z.number().int().min(1).max(10_000_000).default(10_000),
  /** The rate window in ms (a fixed window that starts with the mailbox's first request). */
  windowMs: z.number().int().min(1).max(86_400_000).default(600_000),
  /** Retry-After (seconds, may be fractional) on a concurrency refusal. */
  concurrencyRetryAfterSeconds: z.number().min(0).max(3600).default(1),
});

/** Effective throttling settings (every field present). */
export type ThrottleSettings = z.output<typeof throttleSettingsSchema>;
/** Throttling settings as given: any field may be left out for its default. */
export type ThrottleSettingsInput = z.input<typeof throttleSettingsSchema>;

/** The service's limits: 4 concurrent and 10,000 requests per 10 minutes per app + mailbox. */
export const DEFAULT_THROTTLE_SETTINGS: ThrottleSettings = throttleSettingsSchema.parse({});
