import { z } from 'zod';

const window = z.strictObject({
  requests: z.number().int().min(1).max(10_000_000),
  windowMs: z.number().int().min(1).max(86_400_000),
});
/** One `n requests per window` limit; a request is admitted only while every window has room. */
export type RateWindow = z.output<typeof window>;

/**
 * The Bot Connector's limits for Teams, per bot: per conversation 7 per second, 8 per 2 seconds,
 * 60 per 30 seconds and 1800 per hour; about 30 per second per tenant. Tests shrink them.
 */
export const connectorLimitsSchema = z.strictObject({
  /** Off lets everything through (the counters still count). */
  enabled: z.boolean().default(true),
  perConversation: z.array(window).max(10).default([
    { requests: 7, windowMs: 1_000 },
    { requests: 8, windowMs: 2_000 },
    { requests: 60, windowMs: 30_000 },
    { requests: 1_800, windowMs: 3_600_000 },
  ]),
  perTenant: z.array(window).max(10).default([{ requests: 30, windowMs: 1_000 }]),
});
export type ConnectorLimits = z.output<typeof connectorLimitsSchema>;
export type ConnectorLimitsInput = z.input<typeof connectorLimitsSchema>;

/** Fails the n-th connector request matching a route (e.g. `POST /v3/conversations/{id}/activities`), counted over all callers. */
const nthRule = z.strictObject({
  route: z
    .string()
    .trim()
    .regex(/^(?:[A-Za-z]+\s+)?\/\S*$/, 'must look like "POST /v3/conversations/{id}/activities" (method optional)'),
  n: z.number().int().min(1).max(1_000_000),
  /** Teams asks bots to retry 412, 429, 502 and 504. */
  status: z.union([z.literal(412), z.literal(429), z.literal(502), z.literal(503), z.literal(504)]).default(502),
  repeat: z.boolean().default(false),
  retryAfterSeconds: z.number().min(0).max(3600).optional(),
});

/** Injected connector faults (the connector's own; Graph's are at /_devtenant/faults). */
export const connectorFaultsSchema = z.strictObject({ nth: z.array(nthRule).max(100).default([]) });
export type ConnectorFaults = z.output<typeof connectorFaultsSchema>;
export type ConnectorFaultsInput = z.input<typeof connectorFaultsSchema>;
