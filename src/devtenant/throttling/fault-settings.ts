import { z } from 'zod';

const rate = z.number().min(0).max(1);
const retryAfter = z.number().min(0).max(3600);

/** Fails the n-th request (1-based) that matches a route pattern, counted over all callers. */
const nthRuleSchema = z.strictObject({
  /** `[METHOD ]/path` relative to /v1.0; `{name}` or `*` matches one segment; `/me` counts as `/users/{id}`. */
  route: z
    .string()
    .trim()
    .regex(/^(?:[A-Za-z]+\s+)?\/\S*$/, 'must look like "POST /users/{id}/calendar/getSchedule" (method optional)'),
  n: z.number().int().min(1).max(1_000_000),
  status: z.union([z.literal(429), z.literal(500), z.literal(502), z.literal(503), z.literal(504)]).default(503),
  /** Every n-th matching request instead of only the n-th. */
  repeat: z.boolean().default(false),
  retryAfterSeconds: retryAfter.optional(),
});

/**
 * Injected faults. Every draw is a pure function of `seed`, a stream and the request's index k,
 * so the same seed and the same request order replay the same faults (see fault-plan.ts).
 */
export const faultSettingsSchema = z.strictObject({
  seed: z.number().int().default(0),
  /**
   * How k is counted: `mailbox` numbers each app + mailbox's requests on their own (so concurrent
   * traffic to other mailboxes does not shift a mailbox's faults), `global` numbers every
   * faultable request in arrival order.
   */
  sequence: z.enum(['mailbox', 'global']).default('mailbox'),
  /** `outlook`: only mailbox resources (calendar, events, getSchedule, mailboxSettings...); `all`: every Graph request but $batch itself. */
  scope: z.enum(['outlook', 'all']).default('outlook'),
  /** Each request waits fixedMs + a seeded uniform draw in [0, jitterMs] before it is handled (holding its concurrency slot). */
  latency: z.strictObject({
    fixedMs: z.number().int().min(0).max(120_000).default(0),
    jitterMs: z.number().int().min(0).max(120_000).default(0),
  }).prefault({}),
  /** Probabilities (summing to at most 1) that a request fails with 429, 503 or 504. */
  errors: z.strictObject({
    rate429: rate.default(0),
    rate503: rate.default(0),
    rate504: rate.default(0),
    retryAfterSeconds: retryAfter.default(1),
  })
    .refine((e) => e.rate429 + e.rate503 + e.rate504 <= 1, { message: 'rate429 + rate503 + rate504 must not exceed 1' })
    .prefault({}),
  /** A request that times out hangs for afterMs, then answers 504 or drops the connection. */
  timeout: z.strictObject({
    rate: rate.default(0),
    afterMs: z.number().int().min(0).max(600_000).default(30_000),
    outcome: z.enum(['gateway-timeout', 'drop']).default('gateway-timeout'),
  }).prefault({}),
  nth: z.array(nthRuleSchema).max(100).default([]),
});

/** Effective fault settings (every field present). */
export type FaultSettings = z.output<typeof faultSettingsSchema>;
/** Fault settings as given (DevTenantOptions.faults, PUT /_devtenant/faults): omitted fields take their defaults. */
export type FaultSettingsInput = z.input<typeof faultSettingsSchema>;
export type NthFaultRule = FaultSettings['nth'][number];

/** No faults at all. */
export const NO_FAULTS: FaultSettings = faultSettingsSchema.parse({});
